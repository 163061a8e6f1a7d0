#pragma once
// What the public may see of an organisation's self-assessments: only completed assessments of
// the whole organisation whose results it chose to publish, and of those only the parts it chose
// (overall and areas; target groups). Nothing else is ever read for a public page or the API.
#include <nlohmann/json.hpp>
#include <vector>

#include "selfassess/context.h"

namespace dp::selfassess {

// Published assessments of an organisation, newest first.
std::vector<storage::Assessment> published_assessments(storage::Store& store, const std::string& org_code);

// {year, instrument, overall, areas[], target_groups[] (only if published)} for the API.
nlohmann::json published_json(const Loaded& l, Lang lang);

}  // namespace dp::selfassess
