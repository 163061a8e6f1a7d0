#pragma once
// `digipuls init`: creates or upgrades a database with the bundled registry, instruments and the
// 2021 campaign. Idempotent: a second run changes nothing that is already there.
#include <functional>
#include <string>
#include <vector>

#include "storage/store.h"

namespace dp::collection {

struct InitReport {
  std::vector<std::string> lines;  // what was done, for the terminal
};

InitReport initialise(storage::Store& store);

// Loads the bundled registry (counties, municipalities with populations 2013–2021, attributes,
// size groups, boundaries). Called by initialise() when the registry is empty.
void load_bundled_registry(storage::Store& store);

// Loads the bundled instruments that are new or unchanged-in-use; returns their ids.
std::vector<std::string> load_bundled_instruments(storage::Store& store, std::vector<std::string>& warnings);

}  // namespace dp::collection
