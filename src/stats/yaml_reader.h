#pragma once
// Positioned reading of the statistics declaration files (key figures, report tables, profiles):
// every problem becomes a Diagnostic with file:line:column and a catalogued code, all problems of
// a file are collected at once (docs/keyfigure-format.md, "Diagnostics"). The limits keep the
// parser safe on hostile input, as for instruments: yaml-cpp recurses per nesting level and
// aliases can make a small document describe a huge tree.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "instrument/condition.h"

namespace dp::stats::yaml {

using instrument::Pos;

constexpr size_t kMaxBytes = 4 << 20;
constexpr int kMaxNesting = 48;
constexpr size_t kMaxNodes = 400000;

class Reader {
 public:
  // `prefix` is the catalogue letter: "S" for key figures, "R" for report tables.
  Reader(std::string file, std::string prefix, Diagnostics& d) : file_(std::move(file)), prefix_(std::move(prefix)), d_(d) {}

  // Parses the text into a node, or reports why not (code 001 syntax/UTF-8, 017 size/nesting).
  std::optional<YAML::Node> load(std::string_view text);

  Pos pos(const YAML::Node& n) const;
  void error(int code, Pos p, const std::string& key, const std::string& msg);
  void warning(int code, Pos p, const std::string& key, const std::string& msg);
  bool tick() { return ++nodes_ < kMaxNodes; }

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
  // A condition in the instrument condition language; syntax errors are positioned inside it.
  instrument::Condition condition(const YAML::Node& map, const char* key);
  instrument::Condition condition_text(const std::string& text, Pos at);

  bool id_ok(const std::string& id, const char* pattern) const;

  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return d_; }
  std::string code(int n) const;

 private:
  std::string file_;
  std::string prefix_;
  Diagnostics& d_;
  size_t nodes_ = 0;
  void add(Diagnostic::Severity sev, int code, Pos p, const std::string& key, const std::string& msg);
};

}  // namespace dp::stats::yaml
