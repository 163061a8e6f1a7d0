// Autosave request bodies (collection::parse_autosave_body over web::parse_json_body): any bytes
// give a body or a dp::Error naming the field. Properties: every accepted change has an item and
// a base version of 0 or more, at most 500 changes, and nothing else escapes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "collection/autosave_body.h"
#include "core/error.h"

using namespace dp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto body = collection::parse_autosave_body(text);
    if (body.changes.size() > collection::kMaxAutosaveChanges || body.since < -1) __builtin_trap();
    for (const auto& c : body.changes)
      if (c.item.empty() || c.base_version < 0) __builtin_trap();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::BadInput || e.where().field.empty()) __builtin_trap();
  }
  return 0;
}
