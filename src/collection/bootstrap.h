#pragma once
// `digipuls init`: creates or upgrades a database with the bundled registry, instruments and the
// campaigns of instruments/campaigns.yaml. Idempotent: a second run changes nothing that is already there.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "collection/campaigns.h"
#include "storage/store.h"

namespace dp::collection {

struct InitReport {
  std::vector<std::string> lines;  // what was done, for the terminal
};

InitReport initialise(storage::Store& store);

// The campaigns `init` creates (instruments/campaigns.yaml, format digipuls-campaigns/1), read
// with the one positioned YAML reader. Throws dp::Error (BadInput) listing every problem at
// file:line:column with its catalogue code (the instrument files' I002 unknown key, I003 missing
// key, I004 wrong type).
std::vector<CampaignSpec> parse_bundled_campaigns(std::string_view text, const std::string& file);
std::vector<CampaignSpec> bundled_campaigns();

// Loads the bundled registry (counties, municipalities with populations 2013–2021, attributes,
// size groups, boundaries). Called by initialise() when the registry is empty.
void load_bundled_registry(storage::Store& store);

// Loads the bundled instruments that are new or unchanged-in-use; returns their ids.
std::vector<std::string> load_bundled_instruments(storage::Store& store, std::vector<std::string>& warnings);

}  // namespace dp::collection
