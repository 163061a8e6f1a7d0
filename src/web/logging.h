#pragma once
// The server's logs. Messages (spdlog, every module) go to stderr at a chosen level, as JSON
// lines ({"time", "level", "msg"}) or plain text; the access log is one JSON line per answered
// request (time, request id, method, path, route, status, bytes, duration, principal kind) on
// stdout or in a file. Under systemd both end in the journal.
#include <nlohmann/json.hpp>
#include <string>

namespace dp::web {

struct LogOptions {
  std::string level = "info";   // trace | debug | info | warn | error | critical | off
  std::string format = "auto";  // json | text | auto (text on a terminal, else JSON)
  std::string access = "-";     // "-" = stdout, "" or "off" = none, else a file to append to
};

// Sets up the default logger and the access log. Throws dp::Error (Usage) for an unknown level
// or format, and (BadInput) for an access-log file that cannot be opened.
void setup_logging(const LogOptions& options);

// Writes one access-log line (a JSON object). Does nothing before setup_logging or when off.
void log_access(const nlohmann::ordered_json& line);

// The current UTC time with milliseconds, "2026-11-28T10:32:05.123Z".
std::string utc_timestamp_ms();

}  // namespace dp::web
