#pragma once
// The autosave endpoint's request body (docs/collection.md, "Autosave and conflicts"):
//   {"changes": [{"item": "q04", "value": "nej", "base": 17}], "since": 17}
// parsed and checked in one place, without the web route around it.
#include <cstdint>
#include <string>
#include <vector>

#include "collection/responding.h"

namespace dp::collection {

inline constexpr size_t kMaxAutosaveChanges = 500;

struct AutosaveBody {
  std::vector<RawChange> changes;  // every change carries a base version >= 0 (always checked)
  int64_t since = -1;              // -1: the sender wants no updates
};

// Throws dp::Error (BadInput) naming the field: "body" (not JSON, too deep, not an object),
// "changes", "item", "value" (the item's id as field) or "base".
AutosaveBody parse_autosave_body(const std::string& body);

}  // namespace dp::collection
