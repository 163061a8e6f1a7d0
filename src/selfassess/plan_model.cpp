#include "selfassess/plan_model.h"

#include "selfassess/action_plan.h"
#include "selfassess/page_common.h"
#include "selfassess/views.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

using nlohmann::json;

static json items_json(Env& env, const web::Request& req, const instrument::Instrument& in,
                       const std::vector<storage::PlanItem>& items) {
  json out = json::array();
  for (const auto& p : items) {
    const auto* q = in.question(p.indicator);
    json st = json::array();
    for (PlanStatus s : kAllPlanStatuses)
      st.push_back({{"id", to_string(s)},
                    {"label", env.app.templates().t(req.lang, std::string("selfassess.plan_status.") + to_string(s))},
                    {"selected", p.status == s}});
    out.push_back({{"id", p.id},
                   {"position", p.position},
                   {"indicator", p.indicator},
                   {"indicator_label", q ? q->label.get(req.lang) : p.indicator},
                   {"measure", req.lang == Lang::en && !p.measure_en.empty() ? p.measure_en : p.measure_sv},
                   {"priority", display(p.priority)},
                   {"owner", p.owner},
                   {"has_owner", !p.owner.empty()},
                   {"due_date", p.due_date},
                   {"has_due_date", !p.due_date.empty()},
                   {"has_comment", !p.comment.empty()},
                   {"status", p.status},
                   {"status_label",
                    env.app.templates().t(req.lang, std::string("selfassess.plan_status.") + to_string(p.status))},
                   {"statuses", st},
                   {"comment", p.comment},
                   {"followup", p.followup},
                   {"save_text", fill(env.app.templates().t(req.lang, "selfassess.plan.save_item"),
                                      {{"n", std::to_string(p.position)}})}});
  }
  return out;
}

json plan_model(Env& env, const web::Request& req, const Loaded& l, bool editable) {
  auto items = env.store.selfassess().plan(l.assessment.id);
  json ctx;
  ctx["items"] = items_json(env, req, *l.instrument, items);
  ctx["has_items"] = !items.empty();
  ctx["editable"] = editable;
  json levels = json::array();
  for (const auto& o : l.instrument->scale)
    if (o.score && *o.score > 0)
      levels.push_back({{"id", o.id}, {"label", o.label.get(req.lang)}, {"selected", o.id == l.assessment.plan_level}});
  ctx["levels"] = levels;
  const auto* lv = scale_option(*l.instrument, l.assessment.plan_level);
  ctx["level_label"] = lv ? lv->label.get(req.lang) : l.assessment.plan_level;
  if (auto prev = previous_assessment(env.store, l.assessment)) {
    auto pl = load(env.store, *prev);
    auto prev_items = env.store.selfassess().plan(prev->id);
    json pj = items_json(env, req, *pl.instrument, prev_items);
    for (auto& it : pj)
      it["action"] = assessment_url(l.assessment.id) + "/uppfoljning/" + std::to_string(it["id"].get<int64_t>());
    ctx["previous"] = {{"year", prev->year},
                       {"items", pj},
                       {"has_items", !prev_items.empty()},
                       {"previous_title", fill(env.app.templates().t(req.lang, "selfassess.plan.previous"),
                                               {{"year", std::to_string(prev->year)}})}};
  }
  return ctx;
}

void regenerate_plan(storage::Store& store, const Loaded& l, const std::string& level) {
  auto proposals = propose_plan(*l.instrument, l.ratings, level);
  std::map<PlanKey, storage::PlanItem> old;
  for (const auto& p : store.selfassess().plan(l.assessment.id)) old[{p.indicator, p.measure_no}] = p;
  std::vector<storage::PlanItem> items;
  for (const auto& pr : proposals) {
    storage::PlanItem it;
    if (auto o = old.find({pr.indicator, pr.measure_no}); o != old.end()) it = o->second;
    it.indicator = pr.indicator;
    it.measure_no = pr.measure_no;
    it.measure_sv = pr.measure.sv;
    it.measure_en = pr.measure.en;
    it.priority = pr.priority;
    items.push_back(it);
  }
  auto a = l.assessment;
  a.plan_level = level;
  store.write_transaction([&] {
    store.selfassess().update(a);
    store.selfassess().replace_plan(a.id, items);
  });
}

}  // namespace dp::selfassess
