#pragma once
// Aggregates over many organisations' assessments (docs/selfassessment.md, "Comparison" and
// "Aggregates"): who counts (completed assessments of the whole organisation on the same
// instrument version; for anything public, only those whose results are published), their
// profiles, and the groups national / county / size group with the minimum-n rule.
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

// National, then each county, then each size group present among the members.
std::vector<GroupProfile> groups(const std::vector<Member>& ms, int min_n);

// One group by kind and id ("national" ignores id).
GroupProfile group(const std::vector<Member>& ms, const std::string& kind, const std::string& id, int min_n);

// Distribution of agreed ratings per indicator over the members: indicator -> rating -> count.
// Empty when there are fewer than min_n members (the whole distribution is suppressed).
std::map<std::string, std::map<std::string, int>> distribution(const std::vector<Member>& ms, int min_n);

}  // namespace dp::selfassess
