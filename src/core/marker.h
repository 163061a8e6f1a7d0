#pragma once
// Markers: why a published cell holds no plain number. The set follows the Swedish official-
// statistics (SCB/PX) convention; the symbols and legends printed for them are declared in the
// report file (docs/keyfigure-format.md, "Markers"), not here. A cell is never left empty: it has
// a value, or a marker, or both (a rounded zero).
#include <optional>
#include <string>
#include <string_view>

namespace dp {

enum class Marker : unsigned char {
  None,           // a plain value
  Nil,            // the value is exactly zero (nobody)
  RoundsToZero,   // more than zero, but less than half the unit shown
  NotApplicable,  // logically impossible: the option is not offered in this row ('.')
  NotAsked,       // the question or category was not asked that year
  NotAvailable,   // no data: nobody in the base, or no source for that year ('..')
  Suppressed,     // withheld by disclosure control
};

constexpr Marker kAllMarkers[] = {Marker::None,     Marker::Nil,          Marker::RoundsToZero, Marker::NotApplicable,
                                  Marker::NotAsked, Marker::NotAvailable, Marker::Suppressed};

// Stable names used in files, the database and the API: "nil", "rounds_to_zero", ...
const char* marker_name(Marker m);
std::optional<Marker> parse_marker(std::string_view name);

// True when the marker replaces the value (the cell shows no number at all).
inline bool hides_value(Marker m) {
  return m == Marker::NotApplicable || m == Marker::NotAsked || m == Marker::NotAvailable || m == Marker::Suppressed;
}

}  // namespace dp
