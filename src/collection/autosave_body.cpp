#include "collection/autosave_body.h"

#include "core/error.h"
#include "web/json_body.h"

namespace dp::collection {

namespace {

Location field(const std::string& name) { return Location{{}, 0, 0, name}; }

// The raw form value of a change: text as is, a number as written, a list of codes joined with '|'.
std::string raw_value(const nlohmann::json& v, const std::string& item) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_array()) {
    std::string raw;
    for (const auto& x : v) {
      if (!x.is_string()) throw Error::bad_input("the codes chosen for " + item + " must be text", field(item));
      raw += (raw.empty() ? "" : "|") + x.get<std::string>();
    }
    return raw;
  }
  throw Error::bad_input("the value of " + item + " must be text, a number, a list or null", field(item));
}

}  // namespace

AutosaveBody parse_autosave_body(const std::string& text) {
  const nlohmann::json body = web::parse_json_body(text);
  if (!body.is_object()) throw Error::bad_input("the body must be a JSON object", field("body"));
  AutosaveBody out;
  auto ch = body.find("changes");
  if (ch == body.end() || !ch->is_array() || ch->size() > kMaxAutosaveChanges)
    throw Error::bad_input("changes must be a list of at most " + std::to_string(kMaxAutosaveChanges) + " items",
                           field("changes"));
  if (auto s = body.find("since"); s != body.end() && !s->is_null()) {
    if (!s->is_number_integer() || s->get<int64_t>() < 0)
      throw Error::bad_input("since must be a version (a whole number, 0 or more)", field("since"));
    out.since = s->get<int64_t>();
  }
  for (const auto& c : *ch) {
    if (!c.is_object()) throw Error::bad_input("every change must be an object", field("changes"));
    auto item = c.find("item");
    if (item == c.end() || !item->is_string() || item->get_ref<const std::string&>().empty())
      throw Error::bad_input("every change needs an item", field("item"));
    RawChange rc;
    rc.item = item->get<std::string>();
    if (auto v = c.find("value"); v != c.end()) rc.raw = raw_value(*v, rc.item.substr(0, 100));
    // The base is what makes a stale edit a conflict instead of an overwrite: it is required.
    auto b = c.find("base");
    if (b == c.end() || !b->is_number_integer() || b->get<int64_t>() < 0)
      throw Error::bad_input("every change needs the version it was made on (base, a whole number, 0 or more)",
                             field("base"));
    rc.base_version = b->get<int64_t>();
    out.changes.push_back(std::move(rc));
  }
  return out;
}

}  // namespace dp::collection
