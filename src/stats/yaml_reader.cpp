#include "stats/yaml_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <regex>

namespace dp::stats::yaml {
namespace {

// Rough nesting depth of flow collections and indentation, checked before yaml-cpp sees the text.
bool nesting_ok(std::string_view t) {
  int depth = 0, max_depth = 0;
  char quote = 0;
  for (char c : t) {
    if (quote) {
      if (c == quote) quote = 0;
      if (c == '\n') quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if (c == ']' || c == '}') depth = std::max(0, depth - 1);
  }
  if (max_depth > kMaxNesting) return false;
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

int node_depth(const YAML::Node& n, int depth, size_t& budget) {
  if (depth > kMaxNesting || budget == 0) return kMaxNesting + 1;
  --budget;
  int m = depth;
  if (n.IsMap() || n.IsSequence())
    for (auto it = n.begin(); it != n.end(); ++it) {
      m = std::max(m, node_depth(n.IsMap() ? it->second : *it, depth + 1, budget));
      if (m > kMaxNesting) return m;
    }
  return m;
}

}  // namespace

std::string Reader::code(int n) const { return fmt::format("{}{:03d}", prefix_, n); }

std::optional<YAML::Node> Reader::load(std::string_view text) {
  if (text.size() > kMaxBytes) {
    error(17, {1, 1}, "", fmt::format("the file is larger than {} MB", kMaxBytes >> 20));
    return std::nullopt;
  }
  if (!valid_utf8(text)) {
    error(1, {1, 1}, "", "the file is not valid UTF-8 (or contains a NUL byte)");
    return std::nullopt;
  }
  if (!nesting_ok(text)) {
    error(17, {1, 1}, "", fmt::format("the document is nested deeper than {} levels", kMaxNesting));
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Pos p = e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1};
    error(1, p, "", fmt::format("YAML syntax error: {}", e.msg));
    return std::nullopt;
  }
  size_t budget = kMaxNodes;
  if (node_depth(root, 0, budget) > kMaxNesting || budget == 0) {
    error(17, {1, 1}, "", "the document is too large or too deeply nested (aliases count too)");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    error(4, pos(root), "", "the document must be a map of keys (format, ...)");
    return std::nullopt;
  }
  return root;
}

Pos Reader::pos(const YAML::Node& n) const {
  auto m = n.Mark();
  if (m.is_null()) return {};
  return Pos{m.line + 1, m.column + 1};
}

void Reader::add(Diagnostic::Severity sev, int code_no, Pos p, const std::string& key, const std::string& msg) {
  if (d_.size() > 2000) return;  // enough to fix; a broken file must not flood the terminal
  Diagnostic diag;
  diag.severity = sev;
  diag.code = code(code_no);
  diag.where = Location{file_, p.line, p.column, {}};
  diag.key = key;
  diag.message = msg;
  d_.push_back(std::move(diag));
}

void Reader::error(int c, Pos p, const std::string& key, const std::string& msg) {
  add(Diagnostic::Severity::Error, c, p, key, msg);
}
void Reader::warning(int c, Pos p, const std::string& key, const std::string& msg) {
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
      error(2, pos(it->first), k, fmt::format("unknown key '{}' in {} (allowed: {})", k, what, list));
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
    if (required) error(3, pos(map), key, fmt::format("{} needs '{}'", what, key));
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    error(4, pos(n), key, fmt::format("'{}' must be a text value", key));
    return std::nullopt;
  }
  std::string v = n.Scalar();
  if (!valid_utf8(v)) {
    error(1, pos(n), key, "text is not valid UTF-8");
    return std::nullopt;
  }
  return v;
}

std::optional<double> Reader::num(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error(3, pos(map), key, fmt::format("{} needs '{}'", what, key));
    return std::nullopt;
  }
  double d;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, d) || !std::isfinite(d)) {
    error(4, pos(n), key, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }
  return d;
}

std::optional<int> Reader::integer(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  auto d = num(map, key, required, what);
  if (!d) return std::nullopt;
  if (*d != std::floor(*d) || std::fabs(*d) > 1e9) {
    error(4, pos(child(map, key)), key, fmt::format("'{}' must be a whole number", key));
    return std::nullopt;
  }
  return (int)*d;
}

std::optional<bool> Reader::boolean(const YAML::Node& map, const char* key) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  bool b;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b)) {
    error(4, pos(n), key, fmt::format("'{}' must be true or false", key));
    return std::nullopt;
  }
  return b;
}

I18n Reader::label(const YAML::Node& map, const char* key, bool required, const std::string& what) {
  I18n out;
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error(11, pos(map), key, fmt::format("{} needs a '{}' (at least in Swedish)", what, key));
    return out;
  }
  if (n.IsScalar()) {
    out.sv = n.Scalar();
    if (!valid_utf8(out.sv)) error(1, pos(n), key, "text is not valid UTF-8");
    return out;
  }
  if (!n.IsMap()) {
    error(4, pos(n), key, fmt::format("'{}' must be {{sv: ..., en: ...}} or a text", key));
    return out;
  }
  check_keys(n, {"sv", "en"}, fmt::format("'{}'", key));
  if (auto s = str(n, "sv", false, key)) out.sv = *s;
  if (auto e = str(n, "en", false, key)) out.en = *e;
  if (out.sv.empty() && (required || !out.en.empty()))
    error(11, pos(n), key, fmt::format("{} has no Swedish '{}'", what, key));
  else if (out.en.empty() && required)
    warning(11, pos(n), key, fmt::format("{} has no English '{}'", what, key));
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
    error(4, pos(n), key, fmt::format("'{}' must be a list of texts", key));
    return out;
  }
  for (const auto& e : n) {
    if (!tick()) break;
    if (!e.IsScalar() || !valid_utf8(e.Scalar())) {
      error(4, pos(e), key, fmt::format("'{}' must be a list of texts", key));
      continue;
    }
    out.push_back(e.Scalar());
  }
  return out;
}

instrument::Condition Reader::condition_text(const std::string& text, Pos at) {
  instrument::Condition c;
  c.source = text;
  c.pos = at;
  instrument::ParseError pe{0, ""};
  c.expr = instrument::parse_condition(c.source, &pe);
  if (!c.expr) {
    Pos p = at;
    p.column += pe.offset;
    error(7, p, "", fmt::format("{} in \"{}\"", pe.message, c.source.substr(0, 200)));
  }
  return c;
}

instrument::Condition Reader::condition(const YAML::Node& map, const char* key) {
  YAML::Node n = child(map, key);
  if (!n.IsDefined() || n.IsNull()) return {};
  if (!n.IsScalar()) {
    error(4, pos(n), key, fmt::format("'{}' must be a condition text", key));
    return {};
  }
  if (!valid_utf8(n.Scalar())) {
    error(1, pos(n), key, "text is not valid UTF-8");
    return {};
  }
  Pos p = pos(n);
  // Quoted scalars start one column before their text.
  if (n.Tag() == "!") p.column += 1;
  return condition_text(n.Scalar(), p);
}

bool Reader::id_ok(const std::string& id, const char* pattern) const {
  // Patterns are a handful of literals; compiling each once keeps large files fast.
  static thread_local std::map<std::string, std::regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return id.size() <= 80 && std::regex_match(id, it->second);
}

}  // namespace dp::stats::yaml
