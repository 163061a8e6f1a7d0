#pragma once
// UTC timestamps as stored everywhere ("YYYY-MM-DDTHH:MM:SSZ", which sorts as text) and calendar
// dates ("YYYY-MM-DD"). Expiry and schedule rules take "now" as a parameter so that tests can
// move the clock.
#include <ctime>
#include <optional>
#include <string>

namespace dp {

std::string utc_string(std::time_t t);
std::time_t utc_now();
std::string utc_now_string();
// Parses "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed.
std::optional<std::time_t> parse_utc(const std::string& s);
// The timestamp `seconds` later (earlier when negative).
std::string utc_plus(const std::string& timestamp, long long seconds);

// "YYYY-MM-DD" of a timestamp (its first ten characters).
std::string date_of(const std::string& timestamp);
// A real calendar date in the form YYYY-MM-DD (2021-02-30 is not).
bool valid_date(const std::string& date);

}  // namespace dp
