#pragma once
// One error style for the whole program (docs/architecture.md, "Errors"):
//  - code that meets bad input throws dp::Error with a code and a location;
//  - validators that must report *all* problems return std::vector<Diagnostic>;
//  - the boundaries convert once: the CLI to an exit status, the web layer to a 4xx/5xx answer.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic_code.h"

namespace dp {

enum class ErrorCode {
  BadInput,      // a file, row, field or parameter is wrong: exit 1, HTTP 400/422
  Usage,         // wrong command-line usage: exit 2, HTTP 400
  NotFound,      // exit 1, HTTP 404
  Conflict,      // concurrent edit or state conflict: exit 1, HTTP 409
  Forbidden,     // exit 1, HTTP 403
  Unauthorized,  // not signed in: HTTP 401 / redirect to /login
  TooMany,       // rate limit: HTTP 429
  Unavailable,   // cannot be done now (database read-only, disk full, server busy): exit 3, HTTP 503
  Internal,      // a bug or an environment failure: exit 3, HTTP 500
};

// Position of a key or value in a source file (1-based; 0 = unknown).
struct Pos {
  int line = 0;
  int column = 0;
};

// Where a problem is: file:line:column for instrument files, row/column for CSV, a field name
// for forms and URL parameters. Unused parts stay empty/zero.
struct Location {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string field;

  bool empty() const { return file.empty() && line == 0 && field.empty(); }
  std::string str() const;  // "file:3:7", "row 12, column q03", "field email"
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, Location where = {});
  ErrorCode code() const { return code_; }
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

  static Error bad_input(std::string message, Location where = {}) {
    return Error(ErrorCode::BadInput, std::move(message), std::move(where));
  }
  static Error usage(std::string message) { return Error(ErrorCode::Usage, std::move(message)); }
  static Error not_found(std::string message) { return Error(ErrorCode::NotFound, std::move(message)); }
  static Error conflict(std::string message) { return Error(ErrorCode::Conflict, std::move(message)); }
  static Error forbidden(std::string message) { return Error(ErrorCode::Forbidden, std::move(message)); }
  static Error internal(std::string message) { return Error(ErrorCode::Internal, std::move(message)); }
  static Error too_many(std::string message) { return Error(ErrorCode::TooMany, std::move(message)); }
  static Error unavailable(std::string message) { return Error(ErrorCode::Unavailable, std::move(message)); }

 private:
  ErrorCode code_;
  std::string message_;
  Location where_;
};

int exit_status(ErrorCode code);
int http_status(ErrorCode code);
const char* error_code_name(ErrorCode code);

// A positioned, catalogued problem found by a validator. `code` comes from the one catalogue
// (core/diagnostic_code.h), `key` is the offending key or value.
struct Diagnostic {
  enum class Severity { Error, Warning };
  Severity severity = Severity::Error;
  DiagnosticCode code = DiagnosticCode::InstrumentYaml;
  Location where;
  std::string key;
  std::string message;

  std::string_view id() const { return code_id(code); }  // "I004"
  std::string str() const;                               // "file:3:7: error I004 [show_if]: unknown question 'q99'"
};

using Diagnostics = std::vector<Diagnostic>;
bool has_errors(const Diagnostics& diags);

// Throws dp::Error (BadInput) for `file` with `heading` and the first `max_lines` error lines
// when there is an error among the diagnostics.
void throw_if_errors(const Diagnostics& diags, const std::string& heading, const std::string& file,
                     size_t max_lines = 2000);

}  // namespace dp
