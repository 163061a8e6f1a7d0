#include "core/error.h"

#include <fmt/format.h>

namespace dp {

std::string Location::str() const {
  std::string s;
  if (!file.empty()) {
    s = file;
    if (line > 0) s += fmt::format(":{}", line);
    if (column > 0) s += fmt::format(":{}", column);
  } else if (line > 0) {
    s = fmt::format("row {}", line);
    if (!field.empty()) s += fmt::format(", column {}", field);
    return s;
  }
  if (!field.empty()) s += (s.empty() ? "" : " ") + fmt::format("field {}", field);
  return s;
}

static std::string compose(const std::string& message, const Location& where) {
  if (where.empty()) return message;
  return where.str() + ": " + message;
}

Error::Error(ErrorCode code, std::string message, Location where)
    : std::runtime_error(compose(message, where)),
      code_(code),
      message_(std::move(message)),
      where_(std::move(where)) {}

int exit_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::Usage: return 2;
    case ErrorCode::Internal: return 3;
    case ErrorCode::Unavailable: return 3;
    default: return 1;
  }
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::BadInput: return 400;
    case ErrorCode::Usage: return 400;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::TooMany: return 429;
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::Internal: return 500;
  }
  return 500;
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::BadInput: return "bad_input";
    case ErrorCode::Usage: return "usage";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::Forbidden: return "forbidden";
    case ErrorCode::Unauthorized: return "unauthorized";
    case ErrorCode::TooMany: return "too_many_requests";
    case ErrorCode::Unavailable: return "unavailable";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

std::string Diagnostic::str() const {
  std::string s = where.str();
  if (!s.empty()) s += ": ";
  s += severity == Severity::Error ? "error " : "warning ";
  s += code_id(code);
  if (!key.empty()) s += " [" + key + "]";
  s += ": " + message;
  return s;
}

bool has_errors(const Diagnostics& diags) {
  for (const auto& d : diags)
    if (d.severity == Diagnostic::Severity::Error) return true;
  return false;
}

void throw_if_errors(const Diagnostics& diags, const std::string& heading, const std::string& file, size_t max_lines) {
  if (!has_errors(diags)) return;
  std::string msg = heading;
  size_t shown = 0;
  for (const auto& d : diags)
    if (d.severity == Diagnostic::Severity::Error && shown++ < max_lines) msg += "\n  " + d.str();
  throw Error::bad_input(msg, Location{file, 0, 0, {}});
}

}  // namespace dp
