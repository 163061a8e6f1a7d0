#include "core/yaml_reader.h"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <utility>

namespace dp::yaml {
namespace {

// Rough nesting depth of flow collections and indentation, checked before yaml-cpp sees the
// text: its recursive descent can exhaust the stack on pathological nesting. A quote ends at the
// end of its line here, so that an apostrophe in plain text cannot hide the brackets after it.
bool nesting_ok(std::string_view t) {
  int depth = 0, max_depth = 0;
  char quote = 0;
  for (char c : t) {
    if (quote) {
      if (c == quote || c == '\n') quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if (c == ']' || c == '}') depth = std::max(0, depth - 1);
  }
  if (max_depth > kMaxNesting) return false;
  // Block nesting: indentation levels of lines, plus "- - - -" sequences on one line.
  size_t line_start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '\n') {
      size_t j = line_start, indent = 0;
      int dashes = 0;
      while (j < i && (t[j] == ' ' || t[j] == '-' || t[j] == '?' || t[j] == ':')) {
        if (t[j] == '-' || t[j] == '?' || t[j] == ':') ++dashes;
        ++indent;
        ++j;
      }
      if (indent > 400 || dashes > kMaxNesting) return false;
      line_start = i + 1;
    }
  }
  return true;
}

// Walks the tree once within the node budget: its depth (aliases count again) and every key that
// stands twice in one map.
class Walk {
 public:
  explicit Walk(std::vector<TextProblem>& problems) : problems_(problems) {}

  // False when the tree is too deep or too large.
  bool run(const YAML::Node& root) { return depth(root, 0) <= kMaxNesting && budget_ > 0; }

 private:
  std::vector<TextProblem>& problems_;
  size_t budget_ = kMaxNodes;
  std::set<std::pair<int, int>> reported_;  // an aliased map is walked again; report it once

  int depth(const YAML::Node& n, int d) {
    if (d > kMaxNesting || budget_ == 0) return kMaxNesting + 1;
    --budget_;
    if (n.IsMap()) duplicates(n);
    int m = d;
    if (n.IsMap() || n.IsSequence())
      for (auto it = n.begin(); it != n.end(); ++it) {
        m = std::max(m, depth(n.IsMap() ? it->second : *it, d + 1));
        if (m > kMaxNesting) return m;
      }
    return m;
  }

  void duplicates(const YAML::Node& map) {
    std::map<std::string, Pos> first;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string& k = it->first.Scalar();
      Pos at = pos_of(it->first);
      auto [seen, fresh] = first.emplace(k, at);
      if (fresh || !reported_.insert({at.line, at.column}).second) continue;
      problems_.push_back({TextProblem::Kind::DuplicateKey, at, k.substr(0, 80),
                           fmt::format("key '{}' appears twice in one map (first at line {}, column {})",
                                       k.substr(0, 80), seen->second.line, seen->second.column)});
    }
  }
};

}  // namespace

std::optional<YAML::Node> parse(std::string_view text, std::vector<TextProblem>& problems) {
  using Kind = TextProblem::Kind;
  if (text.size() > kMaxBytes) {
    problems.push_back({Kind::TooLarge, {1, 1}, "", fmt::format("the file is larger than {} MB", kMaxBytes >> 20)});
    return std::nullopt;
  }
  if (!valid_utf8(text)) {
    problems.push_back({Kind::Syntax, {1, 1}, "", "the file is not valid UTF-8 (or contains a NUL byte)"});
    return std::nullopt;
  }
  if (!nesting_ok(text)) {
    problems.push_back(
        {Kind::TooLarge, {1, 1}, "", fmt::format("the document is nested deeper than {} levels", kMaxNesting)});
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Pos p = e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1};
    problems.push_back({Kind::Syntax, p, "", fmt::format("YAML syntax error: {}", e.msg)});
    return std::nullopt;
  }
  if (!Walk(problems).run(root)) {
    problems.push_back(
        {Kind::TooLarge, {1, 1}, "", "the document is too large or too deeply nested (aliases count too)"});
    return std::nullopt;
  }
  return root;
}

YAML::Node parse_or_throw(std::string_view text, const std::string& file) {
  std::vector<TextProblem> problems;
  auto root = parse(text, problems);
  if (!problems.empty()) {
    const auto& p = problems.front();
    throw Error::bad_input(p.message, Location{file, p.pos.line, p.pos.column, p.key});
  }
  return *root;
}

YAML::Node config_section(const std::string& path, const std::string& section) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::bad_input("cannot read the config file", Location{path, 0, 0, {}});
  std::stringstream ss;
  ss << in.rdbuf();
  YAML::Node root = parse_or_throw(ss.str(), path);
  YAML::Node node = root[section];
  if (!node) return node;  // undefined: `if (!section)` tells the caller there is none
  if (!node.IsMap()) throw Error::bad_input("`" + section + "` must be a map", Location{path, 0, 0, section});
  return node;
}

std::optional<YAML::Node> Reader::load(std::string_view text, std::string_view not_a_map) {
  std::vector<TextProblem> problems;
  auto root = parse(text, problems);
  for (const auto& p : problems)
    error(p.kind == TextProblem::Kind::TooLarge ? codes_.too_large : codes_.yaml, p.pos, p.key, p.message);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    error(codes_.wrong_type, pos(*root), "", std::string(not_a_map));
    return std::nullopt;
  }
  return root;
}

void Reader::add(Diagnostic::Severity sev, DiagnosticCode code, Pos p, const std::string& key, const std::string& msg) {
  if (d_.size() > 2000) return;  // enough to fix; a broken file must not flood the terminal
  Diagnostic diag;
  diag.severity = sev;
  diag.code = code;
  diag.where = Location{file_, p.line, p.column, {}};
  diag.key = key;
  diag.message = msg;
  d_.push_back(std::move(diag));
}

void Reader::error(DiagnosticCode c, Pos p, const std::string& key, const std::string& msg) {
  add(Diagnostic::Severity::Error, c, p, key, msg);
}
void Reader::warning(DiagnosticCode c, Pos p, const std::string& key, const std::string& msg) {
  add(Diagnostic::Severity::Warning, c, p, key, msg);
}

void Reader::check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed, const std::string& what) {
  if (!map.IsMap()) return;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!tick()) return;
    std::string k = it->first.IsScalar() ? it->first.Scalar() : "?";
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
      error(codes_.unknown_key, pos(it->first), k, fmt::format("unknown key '{}' in {} (allowed: {})", k, what, list));
    }
  }
}

YAML::Node Reader::child(const YAML::Node& map, const char* key) const {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
  return YAML::Node(YAML::NodeType::Undefined);
}

bool Reader::has(const YAML::Node& map, const char* key) const {
  YAML::Node n = child(map, key);
  return n.IsDefined() && !n.IsNull();
}

std::optional<std::string> Reader::str(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error(codes_.missing_key, pos(map), key, fmt::format("{} needs '{}'", what, key));
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    error(codes_.wrong_type, pos(n), key, fmt::format("'{}' must be a text value", key));
    return std::nullopt;
  }
  std::string v = n.Scalar();
  if (!valid_utf8(v)) {
    error(codes_.yaml, pos(n), key, "text is not valid UTF-8");
    return std::nullopt;
  }
  return v;
}

std::optional<double> Reader::num(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error(codes_.missing_key, pos(map), key, fmt::format("{} needs '{}'", what, key));
    return std::nullopt;
  }
  double d;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, d) || !std::isfinite(d)) {
    error(codes_.wrong_type, pos(n), key, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }
  return d;
}

std::optional<int> Reader::integer(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  auto d = num(map, key, required, what);
  if (!d) return std::nullopt;
  if (*d != std::floor(*d) || std::fabs(*d) > 1e9) {
    error(codes_.wrong_type, pos(child(map, key)), key, fmt::format("'{}' must be a whole number", key));
    return std::nullopt;
  }
  return (int)*d;
}

std::optional<bool> Reader::boolean(const YAML::Node& map, const char* key) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  bool b;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b)) {
    error(codes_.wrong_type, pos(n), key, fmt::format("'{}' must be true or false", key));
    return std::nullopt;
  }
  return b;
}

I18n Reader::label(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  I18n out;
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) {
    if (required)
      error(codes_.missing_label, pos(map), key, fmt::format("{} needs a '{}' (at least in Swedish)", what, key));
    return out;
  }
  if (n.IsScalar()) {
    out.sv = n.Scalar();
    if (!valid_utf8(out.sv)) error(codes_.yaml, pos(n), key, "text is not valid UTF-8");
    if (required && codes_.plain_label_wants_english)
      warning(codes_.missing_label, pos(n), key, fmt::format("{} has no English '{}'", what, key));
    return out;
  }
  if (!n.IsMap()) {
    error(codes_.wrong_type, pos(n), key, fmt::format("'{}' must be {{sv: ..., en: ...}} or a text", key));
    return out;
  }
  check_keys(n, {"sv", "en"}, fmt::format("'{}'", key));
  if (auto s = str(n, "sv", false, key)) out.sv = *s;
  if (auto e = str(n, "en", false, key)) out.en = *e;
  if (out.sv.empty() && (required || !out.en.empty()))
    error(codes_.missing_label, pos(n), key, fmt::format("{} has no Swedish '{}'", what, key));
  else if (out.en.empty() && required)
    warning(codes_.missing_label, pos(n), key, fmt::format("{} has no English '{}'", what, key));
  return out;
}

std::vector<std::string> Reader::strings(const YAML::Node& map, const char* key) {
  std::vector<std::string> out;
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) {
    error(codes_.wrong_type, pos(n), key, fmt::format("'{}' must be a list of texts", key));
    return out;
  }
  for (const auto& e : n) {
    if (!tick()) break;
    if (!e.IsScalar() || !valid_utf8(e.Scalar())) {
      error(codes_.wrong_type, pos(e), key, fmt::format("'{}' must be a list of texts", key));
      continue;
    }
    out.push_back(e.Scalar());
  }
  return out;
}

bool Reader::id_ok(const std::string& id, const char* pattern, size_t max_length) const {
  // Patterns are a handful of literals; compiling each once keeps large files fast.
  static thread_local std::map<std::string, std::regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return id.size() <= max_length && std::regex_match(id, it->second);
}

}  // namespace dp::yaml
