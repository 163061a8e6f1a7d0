#include "core/marker.h"

namespace dp {

const char* marker_name(Marker m) {
  switch (m) {
    case Marker::None: return "";
    case Marker::Nil: return "nil";
    case Marker::RoundsToZero: return "rounds_to_zero";
    case Marker::NotApplicable: return "not_applicable";
    case Marker::NotAsked: return "not_asked";
    case Marker::NotAvailable: return "not_available";
    case Marker::Suppressed: return "suppressed";
  }
  return "";
}

std::optional<Marker> parse_marker(std::string_view name) {
  for (Marker m : kAllMarkers)
    if (name == marker_name(m)) return m;
  return std::nullopt;
}

}  // namespace dp
