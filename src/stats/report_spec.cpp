#include "stats/report_spec.h"

namespace dp::stats {

const TableSpec* ReportSpec::table(const std::string& tid) const {
  for (const auto& t : tables)
    if (t.id == tid) return &t;
  return nullptr;
}

std::string ReportSpec::symbol(Marker m) const {
  auto it = markers.find(m);
  if (it != markers.end()) return it->second.symbol;
  switch (m) {
    case Marker::Nil: return "–";
    case Marker::RoundsToZero: return "0";
    case Marker::NotApplicable: return ".";
    case Marker::NotAsked: return "*";
    case Marker::NotAvailable: return "..";
    case Marker::Suppressed: return "x";
    default: return "";
  }
}

}  // namespace dp::stats
