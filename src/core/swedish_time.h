#pragma once
// Swedish wall-clock time (Europe/Stockholm, with summer time) for what people schedule and read:
// an analyst sets a publication for "2027-03-15T09:30" meaning 09:30 in Sweden, and the site
// announces it the same way. Stored times stay UTC (core/utc_time.h).
#include <optional>
#include <string>

namespace dp {

// "YYYY-MM-DDTHH:MM" (or with a space, or with ":SS") in Swedish time -> "YYYY-MM-DDTHH:MM:SSZ".
// A time ending in 'Z' is already UTC and is only checked. nullopt when malformed or not a real
// date and time.
std::optional<std::string> swedish_to_utc(const std::string& text);

// "YYYY-MM-DDTHH:MM:SSZ" -> {"YYYY-MM-DD", "HH:MM"} in Swedish time; empty strings when malformed.
struct SwedishTime {
  std::string date;
  std::string time;
};
SwedishTime utc_to_swedish(const std::string& utc);

}  // namespace dp
