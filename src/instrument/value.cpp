#include "instrument/value.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace dp::instrument {

bool Value::has(const std::string& c) const {
  if (kind == Kind::Code) return str == c;
  if (kind == Kind::Codes) return std::find(codes.begin(), codes.end(), c) != codes.end();
  return false;
}

nlohmann::json Value::to_json() const {
  switch (kind) {
    case Kind::Empty: return nullptr;
    case Kind::Code:
    case Kind::Text: return str;
    case Kind::Codes: return codes;
    case Kind::Number: return number;
  }
  return nullptr;
}

std::string Value::to_json_string() const { return to_json().dump(); }

bool Value::operator==(const Value& o) const {
  if (empty() && o.empty()) return true;
  if (kind != o.kind) return false;
  switch (kind) {
    case Kind::Code:
    case Kind::Text: return str == o.str;
    case Kind::Codes: return codes == o.codes;
    case Kind::Number: return number == o.number;
    default: return true;
  }
}

}  // namespace dp::instrument
