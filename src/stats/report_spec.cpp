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

ReportSpec ReportSpec::with_symbols_for(const std::string& profile) const {
  ReportSpec out = *this;
  for (const auto& set : symbol_sets) {
    if (set.profile != profile) continue;
    for (const auto& [m, sym] : set.symbols) out.markers[m].symbol = sym;
    for (auto& t : out.tables) {
      auto it = set.tables.find(t.id);
      if (it != set.tables.end())
        for (const auto& [m, sym] : it->second) t.symbols[m] = sym;
    }
  }
  return out;
}

}  // namespace dp::stats
