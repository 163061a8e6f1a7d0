#pragma once
// Comparison groups (docs/selfassessment.md, "Comparison"): the mean score of the assessments in
// the nation, a county or a size group, per dimension. A group with fewer than the minimum n of
// assessments is hidden: it gets no values at all, not even internally. Values, not rankings.
// Pure.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "selfassess/scoring.h"

namespace dp::selfassess {

// One assessment's scores by dimension: "overall", "area.<id>", "target_group.<id>",
// "perspective.<id>"; a dimension without a score is absent.
using Profile = std::map<std::string, double>;

Profile profile_of(const Result& r);

struct GroupProfile {
  std::string kind;  // national | county | size_group
  std::string id;
  int n = 0;                        // assessments in the group
  bool hidden = true;               // n < min_n
  Profile mean;                     // per dimension, only where at least min_n members have a value
  std::map<std::string, int> n_of;  // members with a value, per dimension shown
};

GroupProfile group_profile(const std::string& kind, const std::string& id, const std::vector<const Profile*>& members,
                           int min_n);

}  // namespace dp::selfassess
