#include "selfassess/page_common.h"

#include "core/error.h"
#include "core/text.h"
#include "web/authorization.h"

namespace dp::selfassess {

std::string assessment_url(int64_t id) { return "/sjalvskattning/bedomning/" + std::to_string(id); }

nlohmann::json assessment_json(const Env& env, const web::Request& req, const Loaded& l) {
  const auto& a = l.assessment;
  std::string org_name = l.org ? l.org->name : a.org_code;
  std::string title = org_name + " " + std::to_string(a.year) + (a.part.empty() ? "" : " – " + a.part);
  std::string base = assessment_url(a.id);
  return {{"id", a.id},
          {"year", a.year},
          {"part", a.part},
          {"status", a.status},
          {"status_label", env.app.templates().t(req.lang, std::string("selfassess.status.") + to_string(a.status))},
          {"completed", a.status == AssessmentStatus::Completed},
          {"org_code", a.org_code},
          {"org_name", org_name},
          {"title", title},
          {"instrument", l.instrument->title.get(req.lang)},
          {"instrument_id", a.instrument_id},
          {"url", base},
          {"workshop_url", base + "/workshop"},
          {"results_url", base + "/resultat"},
          {"plan_url", base + "/handlingsplan"},
          {"report_url", base + "/rapport"},
          {"xlsx_url", base + "/export.xlsx"},
          {"org_url", "/sjalvskattning/kommun/" + a.org_code},
          {"public_url", "/sjalvskattning/publicerat/" + a.org_code}};
}

std::string field(const web::Request& req, const std::string& name) { return trim(req.f(name).value_or("")); }

void check_length(const std::string& value, const char* f, size_t max) {
  if (value.size() > max) {
    Location where;
    where.field = f;
    throw Error::bad_input(std::string(f) + ": at most " + std::to_string(max) + " characters", where);
  }
}

bool can_write(const Env& env, const web::Request& req, const std::string& assessment_id) {
  return web::decide("assessment_write:a", req.principal, {{"a", assessment_id}}, env.app.lookups) ==
         web::Decision::Allow;
}

}  // namespace dp::selfassess
