// Condition language: parse any text; when it parses, list references, print the browser JSON and
// evaluate against a fixed set of answers and attributes.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "instrument/condition.h"
#include "instrument/value.h"

using namespace dp::instrument;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ParseError err{0, ""};
  auto e = parse_condition(text, &err);
  if (!e) {
    if (err.offset < 0 || (size_t)err.offset > text.size()) __builtin_trap();  // offsets point into the text
    return 0;
  }
  (void)references(*e);
  (void)to_json(*e).dump();
  static const Answers answers = {{"q01", Value::code("ja")},      {"q02", Value::codes_of({"a", "b"})},
                                  {"q03", Value::num(12.5)},       {"q04.r1", Value::code("pilot")},
                                  {"q05", Value::text("fritext")}, {"q06", Value::codes_of({})}};
  EvalContext ctx;
  ctx.item = [](const std::string& k) -> const Value* {
    auto it = answers.find(k);
    return it == answers.end() ? nullptr : &it->second;
  };
  ctx.attr = [](const std::string& n) -> Scalar {
    if (n == "county_code") return std::string("01");
    if (n == "population") return 12345.0;
    if (n == "stimulus_requisitioned") return true;
    return {};
  };
  (void)evaluate(*e, ctx);
  return 0;
}
