#include "storage/sqlite/value_codec.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dp::storage::sqlite {
using instrument::Value;

std::pair<int, std::string> encode(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Code: return {1, v.str};
    case Value::Kind::Codes: return {2, nlohmann::json(v.codes).dump()};
    case Value::Kind::Number: return {3, fmt::format("{}", v.number)};
    case Value::Kind::Text: return {4, v.str};
    default: return {0, ""};
  }
}

Value decode(int kind, const std::string& text) {
  switch (kind) {
    case 1: return Value::code(text);
    case 2: {
      auto j = nlohmann::json::parse(text, nullptr, false);
      std::vector<std::string> codes;
      if (j.is_array())
        for (auto& c : j)
          if (c.is_string()) codes.push_back(c.get<std::string>());
      return Value::codes_of(codes);
    }
    case 3: return Value::num(std::strtod(text.c_str(), nullptr));
    case 4: return Value::text(text);
    default: return Value{};
  }
}

}  // namespace dp::storage::sqlite
