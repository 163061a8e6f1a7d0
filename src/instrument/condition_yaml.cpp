#include "instrument/condition_yaml.h"

#include <fmt/format.h>

namespace dp::instrument {

Condition condition_at(yaml::Reader& r, const std::string& text, Pos at, DiagnosticCode syntax,
                       const std::string& key) {
  Condition c;
  c.source = text;
  c.pos = at;
  ParseError pe{0, ""};
  c.expr = parse_condition(c.source, &pe);
  if (!c.expr) {
    Pos p = at;
    p.column += pe.offset;
    r.error(syntax, p, key, fmt::format("{} in \"{}\"", pe.message, c.source.substr(0, 200)));
  }
  return c;
}

Condition read_condition(yaml::Reader& r, const YAML::Node& map, const char* key, DiagnosticCode syntax) {
  YAML::Node n = r.child(map, key);
  if (!n.IsDefined() || n.IsNull()) return {};
  if (!n.IsScalar()) {
    r.error(r.codes().wrong_type, r.pos(n), key, fmt::format("'{}' must be a condition text", key));
    return {};
  }
  if (!valid_utf8(n.Scalar())) {
    r.error(r.codes().yaml, r.pos(n), key, "text is not valid UTF-8");
    return {};
  }
  Pos p = r.pos(n);
  // Quoted scalars start one column before their text.
  if (n.Tag() == "!") p.column += 1;
  return condition_at(r, n.Scalar(), p, syntax, key);
}

}  // namespace dp::instrument
