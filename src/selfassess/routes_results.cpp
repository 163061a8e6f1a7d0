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

web::Response results_page(web::App& app, web::Request& req) {
  auto l = load(app.store(), req.param("assessment"));
  auto ctx = results_model(app, req, l);
  ctx["title"] = app.templates().t(req.lang, "selfassess.results.title") + " – " + ctx["title"].get<std::string>();
  return app.page(req, "selfassess/results", ctx);
}

web::Response report_page(web::App& app, web::Request& req) {
  auto l = load(app.store(), req.param("assessment"));
  auto ctx = results_model(app, req, l);
  ctx["plan"] = plan_model(app, req, l, false);
  ctx["title"] = app.templates().t(req.lang, "selfassess.report.title") + " – " + ctx["title"].get<std::string>();
  ctx["scripts"] = nlohmann::json::array({nlohmann::json{{"src", "/static/selfassess.js"}}});
  return app.page(req, "selfassess/report", ctx);
}

web::Response xlsx(web::App& app, web::Request& req) {
  auto l = load(app.store(), req.param("assessment"));
  auto plan = app.store().selfassess().plan(l.assessment.id);
  auto bytes = export_xlsx(l, plan, req.lang, [&](const std::string& k) { return app.templates().t(req.lang, k); });
  auto res = web::Response::bytes(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  res.set_header("Content-Disposition", "attachment; filename=\"sjalvskattning-" + l.assessment.org_code + "-" +
                                            std::to_string(l.assessment.year) + ".xlsx\"");
  return res;
}

}  // namespace

void register_results_routes(web::App& app) {
  auto& r = app.router();
  r.add({"GET", "/sjalvskattning/bedomning/{assessment}/resultat", "assessment_read:assessment",
         [&app](web::Request& req) { return results_page(app, req); }});
  r.add({"GET", "/sjalvskattning/bedomning/{assessment}/rapport", "assessment_read:assessment",
         [&app](web::Request& req) { return report_page(app, req); }});
  r.add({"GET", "/sjalvskattning/bedomning/{assessment}/export.xlsx", "assessment_read:assessment",
         [&app](web::Request& req) { return xlsx(app, req); }});
}

}  // namespace dp::selfassess
