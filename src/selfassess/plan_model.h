#pragma once
// The action plan's view model and its regeneration (docs/selfassessment.md, "Action plan").
#include <nlohmann/json.hpp>

#include "selfassess/context.h"
#include "selfassess/env.h"

namespace dp::selfassess {

// {items, has_items, level options, statuses, previous year's plan for follow-up}.
nlohmann::json plan_model(Env& env, const web::Request& req, const Loaded& l, bool editable);

// Proposes the plan for the level and stores it, keeping owner, due date, status, comment and
// follow-up of items that are proposed again (same indicator and measure). One transaction.
void regenerate_plan(storage::Store& store, const Loaded& l, const std::string& level);

}  // namespace dp::selfassess
