#include "publish/markers.h"

#include <algorithm>

namespace dp::publish {

using stats::Marker;

const MarkerStyle& marker_style(Marker m) {
  static const MarkerStyle none{"", {}};
  static const MarkerStyle nil{"-", {"Noll (ingen)", "Nil (none)"}};
  static const MarkerStyle rz{"0", {"Mindre än hälften av den minsta enheten som visas", "Less than half of the smallest unit shown"}};
  static const MarkerStyle na{".", {"Kan inte förekomma (alternativet finns inte i raden)", "Not applicable (the option is not offered)"}};
  static const MarkerStyle nq{"…", {"Frågan ställdes inte det året", "Not asked that year"}};
  static const MarkerStyle nav{"..", {"Uppgift saknas", "Not available"}};
  static const MarkerStyle sup{"x", {"Skyddad uppgift (röjanderisk)", "Suppressed (disclosure control)"}};
  switch (m) {
    case Marker::None: return none;
    case Marker::Nil: return nil;
    case Marker::RoundsToZero: return rz;
    case Marker::NotApplicable: return na;
    case Marker::NotAsked: return nq;
    case Marker::NotAvailable: return nav;
    case Marker::Suppressed: return sup;
  }
  return none;
}

std::vector<StatusLegend> legend_for(const std::vector<Marker>& present) {
  std::vector<StatusLegend> out;
  for (Marker m : stats::kAllMarkers) {
    if (m == Marker::None || std::find(present.begin(), present.end(), m) == present.end()) continue;
    const auto& s = marker_style(m);
    out.push_back({s.symbol, stats::marker_name(m), s.label});
  }
  return out;
}

std::string display_value(const std::optional<double>& value, Marker m, int decimals, Lang lang) {
  if (stats::hides_value(m) || (!value && m != Marker::None)) return marker_style(m).symbol;
  if (m == Marker::Nil) return "–";
  if (!value) return marker_style(Marker::NotAvailable).symbol;
  return format_number(*value, decimals, lang);
}

}  // namespace dp::publish
