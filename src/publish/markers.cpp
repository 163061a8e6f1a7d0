#include "publish/markers.h"

#include <algorithm>

#include "core/ui_text.h"

namespace dp::publish {

const MarkerStyle& marker_style(Marker m) {
  static const MarkerStyle none{"", {}};
  // The symbols as the report declarations print them (instruments/ehalsa-2021.report.yaml,
  // `markers`); the legends are UI strings (templates/i18n, markers.<name>).
  auto style = [](const char* symbol, Marker m) {
    return MarkerStyle{symbol, ui::label(std::string("markers.") + marker_name(m))};
  };
  static const MarkerStyle nil = style("–", Marker::Nil);
  static const MarkerStyle rz = style("0", Marker::RoundsToZero);
  static const MarkerStyle na = style(".", Marker::NotApplicable);
  static const MarkerStyle nq = style("*", Marker::NotAsked);
  static const MarkerStyle nav = style("..", Marker::NotAvailable);
  static const MarkerStyle sup = style("x", Marker::Suppressed);
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
