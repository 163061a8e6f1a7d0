// Results of an assessment: scores, charts, comparison, strengths and weaknesses; the printable
// report (results and action plan on one page, print style sheet); the XLSX export.
#include "selfassess/page_common.h"
#include "selfassess/plan_model.h"
#include "selfassess/results_model.h"
#include "selfassess/routes.h"
#include "selfassess/xlsx_export.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

namespace {

web::Response results_page(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto ctx = results_model(env, req, l);
  ctx["title"] = env.app.templates().t(req.lang, "selfassess.results.title") + " – " + ctx["title"].get<std::string>();
  return env.app.page(req, "selfassess/results", ctx);
}

web::Response report_page(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto ctx = results_model(env, req, l);
  ctx["plan"] = plan_model(env, req, l, false);
  ctx["title"] = env.app.templates().t(req.lang, "selfassess.report.title") + " – " + ctx["title"].get<std::string>();
  ctx["scripts"] = nlohmann::json::array({nlohmann::json{{"src", "/static/selfassess.js"}}});
  return env.app.page(req, "selfassess/report", ctx);
}

web::Response xlsx(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto plan = env.store.selfassess().plan(l.assessment.id);
  auto bytes = export_xlsx(l, plan, req.lang, [&](const std::string& k) { return env.app.templates().t(req.lang, k); });
  auto res =
      web::Response::bytes(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  res.set_header("Content-Disposition", "attachment; filename=\"sjalvskattning-" + l.assessment.org_code + "-" +
                                            std::to_string(l.assessment.year) + ".xlsx\"");
  return res;
}

}  // namespace

void register_results_routes(Env& env) {
  auto& r = env.app.router();
  const char* read = "assessment_read:assessment";
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}/resultat", read, handler(env, results_page));
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}/rapport", read, handler(env, report_page));
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}/export.xlsx", read, handler(env, xlsx),
            {.cost = web::Cost::Heavy});
}

}  // namespace dp::selfassess
