#pragma once
// An answer to one item (see model.h for items): a code, a set of codes, a number or a text.
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace dp::instrument {

struct Value {
  enum class Kind { Empty, Code, Codes, Number, Text };
  Kind kind = Kind::Empty;
  std::string str;                 // Code: the option code; Text: the text
  std::vector<std::string> codes;  // Codes: selected option codes, in instrument order
  double number = 0;

  static Value code(std::string c) {
    Value v;
    v.kind = Kind::Code;
    v.str = std::move(c);
    return v;
  }
  static Value codes_of(std::vector<std::string> cs) {
    Value v;
    v.kind = Kind::Codes;
    v.codes = std::move(cs);
    return v;
  }
  static Value num(double n) {
    Value v;
    v.kind = Kind::Number;
    v.number = n;
    return v;
  }
  static Value text(std::string t) {
    Value v;
    v.kind = Kind::Text;
    v.str = std::move(t);
    return v;
  }

  bool empty() const { return kind == Kind::Empty || (kind == Kind::Text && str.empty()); }
  bool has(const std::string& c) const;  // Code equals c, or Codes contains c

  // Storage form: "ja", ["a","b"], 12.5, "text" (text and code are both JSON strings: the item's
  // type tells them apart). Empty is JSON null.
  nlohmann::json to_json() const;
  std::string to_json_string() const;
  bool operator==(const Value& o) const;
  bool operator!=(const Value& o) const { return !(*this == o); }
};

// Answers of one response, keyed by item key ("q03", "q08.barn_unga", "q07:annat", "q07:comment").
using Answers = std::map<std::string, Value>;

}  // namespace dp::instrument
