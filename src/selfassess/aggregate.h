#pragma once
// Aggregates over many organisations' assessments (docs/selfassessment.md, "Comparison" and
// "Aggregates"): who counts (completed assessments of the whole organisation on the same
// instrument version; for anything public, only those whose results are published), their
// profiles, and the mean scores of a group.
#include <map>
#include <string>
#include <vector>

#include "selfassess/comparison.h"
#include "selfassess/rules.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::selfassess {

struct Member {
  storage::Assessment assessment;
  std::string county_code, county_name, size_group;
  Profile profile;
  Ratings ratings;
};

std::vector<Member> members(storage::Store& store, const std::string& instrument_id, bool only_published,
                            const Rules& rules = bundled_rules());

// The mean-score profile of one group by kind and id ("national" takes every member). Whether the
// group may be shown at all is the statistics engine's decision (selfassess/engine.h).
GroupProfile group(const std::vector<Member>& ms, const std::string& kind, const std::string& id, int min_n);

}  // namespace dp::selfassess
