#include "selfassess/routes.h"

#include "selfassess/context.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

void register_routes(web::App& app, std::shared_ptr<api::RateLimiter> limiter) {
  app.lookups.org_of_assessment = [&app](const std::string& id) -> std::optional<std::string> {
    try {
      if (auto a = app.store().selfassess().find(parse_id(id, "self-assessment"))) return a->org_code;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  };
  register_assessment_routes(app);
  register_workshop_routes(app);
  register_results_routes(app);
  register_plan_routes(app);
  register_public_routes(app, std::move(limiter));
}

}  // namespace dp::selfassess
