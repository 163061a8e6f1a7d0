#pragma once
// What changed in the registry from one year to the next, as the analyst checks it after
// importing a new year's population and attributes: organisations that appear or disappear, size
// groups recomputed from the new population that differ from last year's, and attribute values
// that changed. Pure: the caller lists both years (with size groups computed for each).
#include <string>
#include <vector>

#include "registry/model.h"

namespace dp::registry {

struct YearChange {
  std::string code, name;
  std::string what;    // added | removed | size_group | population | attribute
  std::string detail;  // attribute name for `attribute`
  std::string before, after;
};

// Changes from `before` to `after`, ordered by organisation code then kind. A population change
// is listed only when it moves the organisation to another size group (size_group) or is larger
// than `population_share` of last year's (population), so routine growth stays out of the list.
std::vector<YearChange> diff_years(const std::vector<Organisation>& before, const std::vector<Organisation>& after,
                                   double population_share = 0.05);

}  // namespace dp::registry
