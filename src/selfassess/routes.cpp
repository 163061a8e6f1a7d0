#include "selfassess/routes.h"

#include "selfassess/context.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

void register_routes(Env& env, std::shared_ptr<web::RateLimiter> limiter) {
  env.app.lookups.org_of_assessment = [&env](const std::string& id) -> std::optional<std::string> {
    try {
      if (auto a = env.store.selfassess().find(parse_id(id, "self-assessment"))) return a->org_code;
    } catch (const std::exception&) {}
    return std::nullopt;
  };
  register_assessment_routes(env);
  register_workshop_routes(env);
  register_results_routes(env);
  register_plan_routes(env);
  register_public_routes(env, std::move(limiter));
}

}  // namespace dp::selfassess
