#pragma once
// `digipuls stats history import` and `digipuls init`: the published national figures of earlier
// reports (data/history) stored as the historical values of the key figures they belong to, with
// their source, so that every series starts where the report's does.
#include <cstddef>

#include "storage/store.h"

namespace dp::figures {

// Replaces the stored history with the bundled one, in one transaction. Idempotent. Returns the
// number of historical values stored. Throws dp::Error if a bundled declaration is invalid.
size_t import_history(storage::Store& store);

}  // namespace dp::figures
