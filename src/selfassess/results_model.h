#pragma once
// The results view model shared by the results page and the printable report: scores per
// dimension with charts, comparison groups (minimum n applied), the organisation's earlier
// assessments, strengths and weaknesses.
#include <nlohmann/json.hpp>

#include "selfassess/context.h"
#include "selfassess/env.h"

namespace dp::selfassess {

nlohmann::json results_model(Env& env, const web::Request& req, const Loaded& l);

}  // namespace dp::selfassess
