#pragma once
// Breakdowns (redovisningsgrupper): a partition of a dataset's organisations into groups, e.g.
// the nation, the 21 counties, the four population size groups, SKR's municipality groups or the
// values of any registry attribute. Each group is an OrgSet, so a count in a group is one AND +
// popcount pass.
#include <string>
#include <vector>

#include "core/text.h"
#include "stats/dataset.h"

namespace dp::stats {

struct Group {
  std::string code;  // "total", "01", "0-15000", "true"
  I18n label;
};

struct Breakdown {
  std::string id;  // "national", "county", "size_group", "skr_group" or an attribute name
  I18n label;
  std::vector<Group> groups;
  std::vector<OrgSet> sets;  // one per group; organisations without a value are in no group

  int group_index(const std::string& code) const;
};

// The breakdown in which every organisation is its own group (its code is the group code). Only a
// disclosure profile that publishes organisations' own figures asks for it.
inline constexpr const char* kOrganisationBreakdown = "municipality";

// The breakdown of a dataset by id. "national" has one group, "total"; "county" uses the
// attribute county_code; "municipality" has one group per organisation; any other id names an
// attribute column. Number attributes cannot be a
// breakdown. Throws dp::Error (BadInput) for an unknown id.
Breakdown make_breakdown(const Dataset& ds, const std::string& id);

// national, county, size_group, skr_group and every other coded registry attribute of the dataset
// (the declared ones such as stimulus_requisitioned, and any imported one).
std::vector<std::string> default_breakdowns(const Dataset& ds);

}  // namespace dp::stats
