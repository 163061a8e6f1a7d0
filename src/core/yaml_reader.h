#pragma once
// The one positioned YAML reader for every declaration file: instruments, key figures, report
// tables, disclosure profiles, self-assessment rules, size groups and the config file. It refuses
// text that could hurt the parser (yaml-cpp recurses per nesting level, and aliases can make a
// small document describe a huge tree), text that is not UTF-8, and a key given twice in one map
// (YAML forbids it; yaml-cpp would silently keep the first). Catalogued files collect every
// problem as a Diagnostic with file:line:column and their kind's codes (core/diagnostic_code.h);
// the others take the first problem as a dp::Error.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "core/diagnostic_code.h"
#include "core/error.h"
#include "core/text.h"

namespace dp::yaml {

constexpr size_t kMaxBytes = 4 << 20;
constexpr int kMaxNesting = 64;
constexpr size_t kMaxNodes = 500000;

// A problem of the text as YAML, before any file format applies.
struct TextProblem {
  enum class Kind { Syntax, TooLarge, DuplicateKey };
  Kind kind = Kind::Syntax;
  Pos pos;
  std::string key;
  std::string message;
};

// Parses `text` and checks what every declaration file must pass. Returns the root, or nothing
// when the text cannot be read at all; a duplicate key is reported but the root is returned.
std::optional<YAML::Node> parse(std::string_view text, std::vector<TextProblem>& problems);

// For files without a catalogue of codes: the first problem as dp::Error (BadInput) at
// file:line:column.
YAML::Node parse_or_throw(std::string_view text, const std::string& file);

// One section of the config file (`serve --config`, $DIGIPULS_CONFIG): the file read through the
// checks above, then `section`'s map, or a null node when the file has no such section. Throws
// dp::Error (BadInput, at the file) when the file cannot be read, is not valid YAML, or the section
// is not a map. Every reader of the config file (server, mail, retention) goes through it.
YAML::Node config_section(const std::string& path, const std::string& section);

inline Pos pos_of(const YAML::Node& n) {
  auto m = n.Mark();
  if (m.is_null()) return {};
  return Pos{m.line + 1, m.column + 1};
}

class Reader {
 public:
  Reader(std::string file, const FileCodes& codes, Diagnostics& d) : file_(std::move(file)), codes_(codes), d_(d) {}

  // The root map, or nothing (with the reasons reported) when the text is unreadable or not a map.
  std::optional<YAML::Node> load(std::string_view text,
                                 std::string_view not_a_map = "the document must be a map of keys (format, ...)");

  // Runs one parsing step; a yaml-cpp exception that escapes it (a conversion the step did not
  // foresee) becomes a positioned diagnostic instead of a crash. Returns false when one did.
  template <class Step>
  bool guard(Step&& step) {
    try {
      step();
      return true;
    } catch (const YAML::Exception& e) {
      error(codes_.yaml, e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1}, "",
            "YAML error: " + e.msg);
      return false;
    }
  }

  Pos pos(const YAML::Node& n) const { return pos_of(n); }
  void error(DiagnosticCode code, Pos p, const std::string& key, const std::string& msg);
  void warning(DiagnosticCode code, Pos p, const std::string& key, const std::string& msg);
  // Counts visited nodes; false once a file is too large to go on with.
  bool tick() { return ++nodes_ < kMaxNodes; }

  // Reports keys of `map` that are not in `allowed`.
  void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed, const std::string& what);
  YAML::Node child(const YAML::Node& map, const char* key) const;
  bool has(const YAML::Node& map, const char* key) const;

  std::optional<std::string> str(const YAML::Node& map, const char* key, bool required, const std::string& what);
  std::optional<double> num(const YAML::Node& map, const char* key, bool required, const std::string& what);
  std::optional<int> integer(const YAML::Node& map, const char* key, bool required, const std::string& what);
  std::optional<bool> boolean(const YAML::Node& map, const char* key);
  // A label: {sv: ..., en: ...} or a plain string (Swedish).
  I18n label(const YAML::Node& map, const char* key, bool required, const std::string& what);
  // A list of texts (a single text is a list of one).
  std::vector<std::string> strings(const YAML::Node& map, const char* key);
  // `pattern` is a regular expression matched against the whole id.
  bool id_ok(const std::string& id, const char* pattern, size_t max_length) const;

  const std::string& file() const { return file_; }
  const FileCodes& codes() const { return codes_; }
  Diagnostics& diagnostics() { return d_; }

 private:
  std::string file_;
  const FileCodes& codes_;
  Diagnostics& d_;
  size_t nodes_ = 0;
  void add(Diagnostic::Severity sev, DiagnosticCode code, Pos p, const std::string& key, const std::string& msg);
};

}  // namespace dp::yaml
