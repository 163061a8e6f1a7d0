#include "collection/form_values.h"

#include <cmath>
#include <fmt/format.h>

namespace dp::collection {
using instrument::Type;
using instrument::Value;

std::string raw_of(const instrument::Item& item, const Value& v) {
  if (v.empty()) return "";
  switch (v.kind) {
    case Value::Kind::Code:
    case Value::Kind::Text: return v.str;
    case Value::Kind::Codes: {
      // In the instrument's option order, so that the same set always has the same raw text.
      std::string out;
      for (const auto* o : item.options)
        if (v.has(o->id)) out += (out.empty() ? "" : "|") + o->id;
      for (const auto& c : v.codes) {
        bool known = false;
        for (const auto* o : item.options) known = known || o->id == c;
        if (!known) out += (out.empty() ? "" : "|") + c;
      }
      return out;
    }
    case Value::Kind::Number: return fmt::format("{}", v.number);
    default: return "";
  }
}

std::string number_for_form(double n, Lang lang) {
  std::string s = fmt::format("{}", n);
  if (lang == Lang::sv)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string display_of(const instrument::Item& item, const Value& v, Lang lang) {
  if (v.empty()) return "";
  auto label = [&](const std::string& code) {
    for (const auto& opts : {item.options, item.import_options})  // an imported «annat svar» has a label too
      for (const auto* o : opts)
        if (o->id == code) return o->label.get(lang);
    return code;
  };
  switch (v.kind) {
    case Value::Kind::Code: return item.type == Type::Text ? v.str : label(v.str);
    case Value::Kind::Text: return v.str;
    case Value::Kind::Codes: {
      std::string out;
      for (const auto* o : item.options)
        if (v.has(o->id)) out += (out.empty() ? "" : "; ") + o->label.get(lang);
      return out;
    }
    case Value::Kind::Number: {
      int decimals = std::floor(v.number) == v.number ? 0 : 2;
      std::string s = format_number(v.number, decimals, lang);
      if (decimals && s.size() > 1 && s.back() == '0') s.pop_back();
      const auto& q = *item.question;
      if (q.cell == Type::Percent || q.type == Type::Percent) return s + " %";
      std::string unit = q.unit.get(lang);
      return unit.empty() ? s : s + " " + unit;
    }
    default: return "";
  }
}

}  // namespace dp::collection
