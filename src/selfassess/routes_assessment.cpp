// The assessments of an organisation: the list, starting one, its overview page (participants,
// status, publication choices).
#include "core/error.h"
#include "selfassess/context.h"
#include "selfassess/page_common.h"
#include "selfassess/participants.h"
#include "selfassess/routes.h"
#include "selfassess/views.h"
#include "storage/selfassess_store.h"
#include "web/authorization.h"

namespace dp::selfassess {

using nlohmann::json;

namespace {

json assessment_row(Env& env, const web::Request& req, const storage::Assessment& a) {
  auto l = load(env.store, a);
  json j = assessment_json(env, req, l);
  j["overall"] = score_json(l.result.overall, req.lang);
  return j;
}

web::Response list_page(Env& env, web::Request& req) {
  const auto& who = req.principal;
  if (who.is(Role::Respondent)) return web::Response::redirect("/sjalvskattning/kommun/" + who.org_code);
  if (auto org = req.q("org"); org && !org->empty())
    return web::Response::redirect("/sjalvskattning/kommun/" + web::url_encode(trim(*org)));
  json rows = json::array();
  for (const auto& a : env.store.selfassess().list_all()) {
    if (web::decide("org_read:o", who, {{"o", a.org_code}}, env.app.lookups) != web::Decision::Allow) continue;
    rows.push_back(assessment_row(env, req, a));
  }
  json ctx = {{"title", env.app.templates().t(req.lang, "selfassess.list.title")},
              {"assessments", rows},
              {"has_assessments", !rows.empty()},
              {"is_admin", who.is(Role::Admin)}};
  return env.app.page(req, "selfassess/list", ctx);
}

web::Response org_page(Env& env, web::Request& req) {
  const std::string& code = req.param("org");
  int now_year = maturity_years(env.store).empty() ? 0 : maturity_years(env.store).front();
  auto org = organisation(env.store, code, now_year);
  if (!org) throw Error::not_found("no organisation " + code);
  json rows = json::array();
  for (const auto& a : env.store.selfassess().list_for_org(code)) rows.push_back(assessment_row(env, req, a));
  json years = json::array();
  for (int y : maturity_years(env.store)) years.push_back({{"year", y}, {"selected", y == now_year}});
  bool writer = web::decide("org_write:o", req.principal, {{"o", code}}, env.app.lookups) == web::Decision::Allow;
  json ctx = {{"title", org->name + " – " + env.app.templates().t(req.lang, "selfassess.org.title")},
              {"org_name", org->name},
              {"org_code", code},
              {"assessments", rows},
              {"has_assessments", !rows.empty()},
              {"years", years},
              {"can_write", writer},
              {"public_url", "/sjalvskattning/publicerat/" + code}};
  return env.app.page(req, "selfassess/org", ctx);
}

web::Response start(Env& env, web::Request& req) {
  const std::string& code = req.param("org");
  std::string year_s = field(req, "year");
  Location where;
  where.field = "year";
  int year = 0;
  try {
    year = std::stoi(year_s);
  } catch (const std::exception&) {
    throw Error::bad_input("year: choose the year of the assessment", where);
  }
  auto inst = instrument_for_year(env.store, year);
  if (!inst || year < 2000 || year > 2100)
    throw Error::bad_input("year: there is no maturity instrument for " + year_s, where);
  if (!organisation(env.store, code, year)) throw Error::not_found("no organisation " + code);
  std::string part = field(req, "part");
  check_length(part, "part", 120);
  storage::Assessment a;
  a.org_code = code;
  a.year = year;
  a.part = part;
  a.instrument_id = *inst;
  a.plan_level = bundled_rules().plan_default_level;
  a.created_by = req.principal.user_id;
  int64_t id = 0;
  env.store.write_transaction([&] { id = env.store.selfassess().create(a); });
  return web::Response::redirect(assessment_url(id));
}

web::Response overview(Env& env, web::Request& req, const std::string& new_link = "",
                       const std::string& new_name = "") {
  auto l = load(env.store, req.param("assessment"));
  json ctx = assessment_json(env, req, l);
  auto individual = env.store.selfassess().individual(l.assessment.id);
  json ps = json::array();
  for (const auto& p : env.store.selfassess().participants(l.assessment.id)) {
    int n = 0;
    for (const auto& r : individual)
      if (r.participant_id == p.id) ++n;
    ps.push_back({{"name", p.name}, {"email", p.email}, {"rated", n}, {"invited_at", p.invited_at}});
  }
  size_t total = indicators(*l.instrument).size();
  ctx["participants"] = ps;
  ctx["has_participants"] = !ps.empty();
  ctx["indicator_count"] = total;
  ctx["agreed_count"] = l.ratings.size();
  ctx["overall"] = score_json(l.result.overall, req.lang);
  ctx["can_write"] = can_write(env, req, req.param("assessment"));
  ctx["publish_overall"] = l.assessment.publish_overall;
  ctx["publish_target_groups"] = l.assessment.publish_target_groups;
  const auto& t = env.app.templates();
  ctx["progress_text"] = fill(t.t(req.lang, "selfassess.overview.progress"),
                              {{"agreed", std::to_string(l.ratings.size())}, {"total", std::to_string(total)}});
  ctx["new_link_text"] = fill(t.t(req.lang, "selfassess.overview.new_link"), {{"name", new_name}});
  ctx["new_link"] = new_link;
  ctx["new_name"] = new_name;
  ctx["has_new_link"] = !new_link.empty();
  ctx["title"] = ctx["title"].get<std::string>() + " – " + env.app.templates().t(req.lang, "selfassess.overview.title");
  ctx["page_title"] = ctx["title"];
  if (auto prev = previous_assessment(env.store, l.assessment)) {
    ctx["previous"] = {
        {"year", prev->year},
        {"url", assessment_url(prev->id)},
        {"previous_text", fill(t.t(req.lang, "selfassess.overview.previous"), {{"year", std::to_string(prev->year)}})}};
  }
  return env.app.page(req, "selfassess/overview", ctx);
}

web::Response invite_participant(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  if (l.assessment.status == AssessmentStatus::Completed)
    throw Error::conflict("The assessment is completed; reopen it to invite more participants.");
  std::string name = field(req, "name"), email = field(req, "email");
  Invitation inv;
  InviteRequest r{l.assessment.id,
                  name,
                  email,
                  l.assessment.org_code,
                  l.org ? l.org->name : l.assessment.org_code,
                  l.assessment.year,
                  req.principal.name.empty() ? req.principal.email : req.principal.name,
                  req.lang};
  inv = invite(env.store, r, env.app.config().base_url);
  return overview(env, req, inv.link, name);
}

web::Response settings(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto a = l.assessment;
  std::string status = field(req, "status");
  if (!status.empty()) {
    Location where;
    where.field = "status";
    a.status = parse_assessment_status(status, where);  // the store stamps completed_at
  }
  if (req.f("publication")) {
    a.publish_overall = req.f("publish_overall").has_value();
    a.publish_target_groups = a.publish_overall && req.f("publish_target_groups").has_value();
  }
  env.store.write_transaction([&] { env.store.selfassess().update(a); });
  return web::Response::redirect(assessment_url(a.id));
}

web::Response overview_page(Env& env, web::Request& req) { return overview(env, req); }

}  // namespace

void register_assessment_routes(Env& env) {
  auto& r = env.app.router();
  const char* read = "assessment_read:assessment";
  const char* write = "assessment_write:assessment";
  add_route(r, "GET", "/sjalvskattning", "signed_in", handler(env, list_page));
  add_route(r, "GET", "/sjalvskattning/kommun/{org}", "org_read:org", handler(env, org_page));
  add_route(r, "POST", "/sjalvskattning/kommun/{org}", "org_write:org", handler(env, start));
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}", read, handler(env, overview_page));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/deltagare", write, handler(env, invite_participant));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/installningar", write, handler(env, settings));
}

}  // namespace dp::selfassess
