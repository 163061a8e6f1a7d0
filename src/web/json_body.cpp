#include "web/json_body.h"

#include "core/error.h"

namespace dp::web {

namespace {
struct TooDeep {};
}  // namespace

nlohmann::json parse_json_body(const std::string& body) {
  const Location where{{}, 0, 0, "body"};
  if (body.empty()) throw Error::bad_input("the request has no body; send a JSON object", where);
  // The callback sees each value as the parser opens it, so the limit holds before anything
  // deeper is built.
  auto limit = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth >= kMaxJsonDepth) throw TooDeep{};  // the outermost value is at depth 0
    return true;
  };
  try {
    return nlohmann::json::parse(body, limit);
  } catch (const TooDeep&) {
    throw Error::bad_input("the JSON body is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep",
                           where);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error::bad_input("the body is not valid JSON (byte " + std::to_string(e.byte) + ")", where);
  } catch (const nlohmann::json::exception&) {
    // A number beyond the range of a double (1e309), and whatever else the parser refuses.
    throw Error::bad_input("the body is not JSON this service can read (a number out of range?)", where);
  }
}

}  // namespace dp::web
