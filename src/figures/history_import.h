#pragma once
// `digipuls stats history import` and `digipuls init`: the published national figures of earlier
// reports (data/history) stored as the historical values of the key figures they belong to, with
// their source, so that every series starts where the report's does.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "storage/store.h"

namespace dp::figures {

// Replaces the stored history with the one in `files` (name, CSV text; data/history/README.md
// describes them), in one transaction, or not at all: any problem in any file throws dp::Error
// (BadInput) listing every problem ("tabell_21.csv: row 3, column year: …", at most
// ProblemList::kShown of them, then how many more) and the stored history stays as it was.
// Idempotent. Returns the number of historical values stored. Throws dp::Error if a bundled
// declaration is invalid.
size_t import_history(storage::Store& store, const std::vector<std::pair<std::string, std::string>>& files);

// The same with the bundled history (data/history).
size_t import_history(storage::Store& store);

}  // namespace dp::figures
