#pragma once
// JSON request bodies, parsed once with limits: nesting deeper than kMaxJsonDepth is refused
// before a tree that deep exists (code that walks or copies a parsed tree recursively would
// otherwise overflow the stack on a few hundred kilobytes of brackets).
#include <nlohmann/json.hpp>
#include <string>

namespace dp::web {

inline constexpr int kMaxJsonDepth = 32;

// The parsed body. Throws dp::Error (BadInput, field "body") for text that is not JSON (invalid
// UTF-8 included), nesting deeper than kMaxJsonDepth, or an empty body.
nlohmann::json parse_json_body(const std::string& body);

}  // namespace dp::web
