#include "publish/markers.h"

#include <algorithm>

namespace dp::publish {


const MarkerStyle& marker_style(Marker m) {
  static const MarkerStyle none{"", {}};
  // As the report declarations print them (instruments/ehalsa-2021.report.yaml, `markers`).
  static const MarkerStyle nil{"–", {"Inget finns att redovisa (värdet är noll)", "Nil (the value is zero)"}};
  static const MarkerStyle rz{"0", {"Mindre än hälften av den använda enheten", "Less than half the unit shown"}};
  static const MarkerStyle na{".", {"Uppgift kan inte förekomma (svarsalternativet fanns inte för området)", "Not applicable (the option was not offered for the area)"}};
  static const MarkerStyle nq{"*", {"Frågan ställdes inte det året", "Not asked that year"}};
  static const MarkerStyle nav{"..", {"Uppgift inte tillgänglig", "Not available"}};
  static const MarkerStyle sup{"x", {"Uppgiften redovisas inte av sekretesskäl (för få svar i gruppen)", "Suppressed (too few answers in the group)"}};
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
  for (Marker m : kAllMarkers) {
    if (m == Marker::None || std::find(present.begin(), present.end(), m) == present.end()) continue;
    const auto& s = marker_style(m);
    out.push_back({s.symbol, marker_name(m), s.label});
  }
  return out;
}

std::string display_value(const std::optional<double>& value, Marker m, int decimals, Lang lang) {
  if (hides_value(m) || (!value && m != Marker::None)) return marker_style(m).symbol;
  if (m == Marker::Nil) return "–";
  if (!value) return marker_style(Marker::NotAvailable).symbol;
  return format_number(*value, decimals, lang);
}

}  // namespace dp::publish
