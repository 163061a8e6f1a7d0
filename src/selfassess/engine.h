#pragma once
// The self-assessment through the statistics engine (src/stats): completed assessments become a
// Dataset (one organisation per assessment, its agreed ratings as answers), the key figures of
// instruments/mognad.keyfigures.yaml give the share per rating of every indicator nationally,
// per county and per size group, and the engine's disclosure control (instruments/disclosure.yaml,
// default profile: minimum n and complementary suppression) decides which groups are withheld.
// The same decision hides comparison groups of the mean scores: every figure of a group counts the
// same organisations, so a group withheld for the distribution is withheld for the scores too.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "selfassess/aggregate.h"
#include "stats/compute.h"
#include "stats/suppression.h"

namespace dp::selfassess {

struct EngineGroup {
  std::string breakdown;  // national | county | size_group
  std::string code;       // "total", county code, size-group id
  I18n label;
  int64_t n = 0;
  bool suppressed = false;
};

struct EngineRun {
  std::string instrument_id;
  std::string profile_id;
  int min_n = 0;
  stats::Results results;
  std::vector<EngineGroup> groups;  // every group of the three breakdowns, in the engine's order

  const EngineGroup* group(const std::string& breakdown, const std::string& code) const;
};

// Runs the engine over the members (all of one instrument version).
EngineRun run_engine(storage::Store& store, const std::string& instrument_id, const std::vector<Member>& members);

// The mean scores of an engine group, or a hidden profile when the engine withheld the group.
GroupProfile scores_of(const EngineRun& run, const std::vector<Member>& members, const EngineGroup& g);

// The disclosure profile in force (the default of instruments/disclosure.yaml).
const stats::DisclosureProfile& disclosure_profile();

}  // namespace dp::selfassess
