// The action plan: generated from the agreed ratings below a chosen level, edited by the
// municipality (owner, due date, status, comment); last year's plan followed up (what was done).
#include <regex>

#include "core/error.h"
#include "selfassess/page_common.h"
#include "selfassess/plan_model.h"
#include "selfassess/routes.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

namespace {

web::Response plan_page(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  bool writer = can_write(env, req, req.param("assessment"));
  auto ctx = assessment_json(env, req, l);
  ctx["plan"] = plan_model(env, req, l, writer);
  ctx["can_write"] = writer;
  ctx["title"] = env.app.templates().t(req.lang, "selfassess.plan.title") + " – " + ctx["title"].get<std::string>();
  return env.app.page(req, "selfassess/plan", ctx);
}

web::Response generate(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  regenerate_plan(env.store, l, field(req, "level"));
  return web::Response::redirect(assessment_url(l.assessment.id) + "/handlingsplan#plan");
}

storage::PlanItem edited(const web::Request& req, storage::PlanItem it, bool followup_only) {
  auto bad = [](const char* f, const std::string& m) {
    Location where;
    where.field = f;
    return Error::bad_input(m, where);
  };
  std::string status = field(req, "status");
  if (!status.empty()) {
    Location where;
    where.field = "status";
    it.status = parse_plan_status(status, where);
  }
  if (followup_only) {
    it.followup = field(req, "followup");
    check_length(it.followup, "followup", 4000);
    return it;
  }
  it.owner = field(req, "owner");
  it.due_date = field(req, "due_date");
  it.comment = field(req, "comment");
  check_length(it.owner, "owner", 200);
  check_length(it.comment, "comment", 4000);
  static const std::regex date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  if (!it.due_date.empty() && !std::regex_match(it.due_date, date))
    throw bad("due_date", "due_date: '" + it.due_date + "' is not a date (YYYY-MM-DD)");
  return it;
}

const storage::PlanItem& item_in(const std::vector<storage::PlanItem>& plan, const std::string& id_s) {
  int64_t id = parse_id(id_s, "action-plan item");
  for (const auto& p : plan)
    if (p.id == id) return p;
  throw Error::not_found("action-plan item " + id_s + " is not in this plan");
}

web::Response edit_item(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto plan = env.store.selfassess().plan(l.assessment.id);
  auto it = edited(req, item_in(plan, req.param("item")), false);
  env.store.write_transaction([&] { env.store.selfassess().update_plan_item(l.assessment.id, it); });
  return web::Response::redirect(assessment_url(l.assessment.id) + "/handlingsplan#item-" + std::to_string(it.id));
}

// Follow-up of last year's plan from this year's assessment: the item must be in the plan of the
// same organisation's (and part's) assessment of the year before.
web::Response followup(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  auto prev = previous_assessment(env.store, l.assessment);
  if (!prev) throw Error::not_found("there is no assessment of the year before to follow up");
  auto plan = env.store.selfassess().plan(prev->id);
  auto it = edited(req, item_in(plan, req.param("item")), true);
  env.store.write_transaction([&] { env.store.selfassess().update_plan_item(prev->id, it); });
  return web::Response::redirect(assessment_url(l.assessment.id) + "/handlingsplan#followup-" + std::to_string(it.id));
}

}  // namespace

void register_plan_routes(Env& env) {
  auto& r = env.app.router();
  const char* read = "assessment_read:assessment";
  const char* write = "assessment_write:assessment";
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}/handlingsplan", read, handler(env, plan_page));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/handlingsplan", write, handler(env, generate));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/handlingsplan/{item}", write, handler(env, edit_item));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/uppfoljning/{item}", write, handler(env, followup));
}

}  // namespace dp::selfassess
