#include "core/swedish_time.h"

#include <cstdio>
#include <memory>
#include <unicode/timezone.h>

#include "core/utc_time.h"

namespace dp {

namespace {

const icu::TimeZone& stockholm() {
  static const std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone("Europe/Stockholm"));
  return *tz;
}

// Offset from UTC in seconds at `t`; `t_is_local` says whether t is a wall-clock time in Sweden.
long long offset_at(std::time_t t, bool t_is_local) {
  int32_t raw = 0, dst = 0;
  UErrorCode err = U_ZERO_ERROR;
  stockholm().getOffset(static_cast<UDate>(t) * 1000.0, t_is_local, raw, dst, err);
  if (U_FAILURE(err)) return 3600;  // CET; ICU's zone data is part of the system
  return (static_cast<long long>(raw) + dst) / 1000;
}

}  // namespace

std::optional<std::string> swedish_to_utc(const std::string& text) {
  if (text.size() == 20 && text.back() == 'Z') return parse_utc(text) ? std::optional(text) : std::nullopt;
  std::string s = text;
  if (s.size() == 16) s += ":00";
  if (s.size() != 19 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  s[10] = 'T';
  for (size_t i : {13u, 16u})
    if (s[i] != ':') return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  auto wall = parse_utc(s + "Z");  // the wall-clock reading as if it were UTC
  if (!wall) return std::nullopt;
  return utc_string(*wall - static_cast<std::time_t>(offset_at(*wall, true)));
}

SwedishTime utc_to_swedish(const std::string& utc) {
  auto t = parse_utc(utc);
  if (!t) return {};
  std::string local = utc_string(*t + static_cast<std::time_t>(offset_at(*t, false)));
  return {local.substr(0, 10), local.substr(11, 5)};
}

}  // namespace dp
