#pragma once
// The self-assessment's web routes (docs/selfassessment.md, "Pages and API"). Each file
// routes_*.cpp declares one group; register_routes adds them all and installs the lookup that
// the assessment_read/assessment_write access policies use.
#include <memory>

#include "selfassess/env.h"
#include "web/rate_limiter.h"

namespace dp::selfassess {

// `limiter`: the open API's rate limit, which the public self-assessment API shares
// (null in tests that run without it).
void register_routes(Env& env, std::shared_ptr<web::RateLimiter> limiter = nullptr);

void register_assessment_routes(Env& env);  // list, organisation page, start, overview, settings
void register_workshop_routes(Env& env);    // participants' ratings, the facilitator's workshop
void register_results_routes(Env& env);     // results, comparison, report, XLSX
void register_plan_routes(Env& env);        // action plan and last year's follow-up
void register_public_routes(Env& env, std::shared_ptr<web::RateLimiter> limiter);  // published page, embed, API

}  // namespace dp::selfassess
