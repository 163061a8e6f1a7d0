#include "selfassess/results_model.h"

#include <algorithm>

#include "selfassess/aggregate.h"
#include "selfassess/engine.h"
#include "selfassess/page_common.h"
#include "selfassess/views.h"
#include "storage/registry_store.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

using nlohmann::json;

namespace {

std::vector<std::optional<double>> values_of(const Profile& p, const std::string& dim,
                                             const std::vector<GroupScore>& gs) {
  std::vector<std::optional<double>> v;
  for (const auto& g : gs) {
    auto it = p.find(dim + "." + g.id);
    v.push_back(it == p.end() ? std::nullopt : std::optional<double>(it->second));
  }
  return v;
}

std::string group_name(Env& env, const web::Request& req, const GroupProfile& g, const std::string& county_name) {
  const auto& t = env.app.templates();
  if (g.kind == "national") return t.t(req.lang, "selfassess.compare.national");
  if (g.kind == "county") return fill(t.t(req.lang, "selfassess.compare.county"), {{"name", county_name}});
  auto scheme = env.store.registry().size_groups();
  const auto* sg = scheme.find(g.id);
  return fill(t.t(req.lang, "selfassess.compare.size_group"), {{"name", sg ? sg->label.get(req.lang) : g.id}});
}

}  // namespace

json results_model(Env& env, const web::Request& req, const Loaded& l) {
  const auto& rules = bundled_rules();
  const auto& t = env.app.templates();
  json ctx = assessment_json(env, req, l);
  ctx["overall"] = score_json(l.result.overall, req.lang);

  // Comparison groups: completed whole-organisation assessments on the same instrument version;
  // which groups may be shown is decided by the statistics engine's disclosure control.
  auto ms = members(env.store, l.assessment.instrument_id, false, rules);
  auto run = run_engine(env.store, l.assessment.instrument_id, ms);
  std::vector<GroupProfile> shown;
  json hidden = json::array(), cmp_rows = json::array();
  std::vector<std::pair<std::string, std::string>> wanted{{"national", "total"}};
  if (l.org && !l.org->county_code.empty()) wanted.push_back({"county", l.org->county_code});
  if (l.org && !l.org->size_group.empty()) wanted.push_back({"size_group", l.org->size_group});
  for (const auto& [kind, code] : wanted) {
    const EngineGroup* eg = run.group(kind, code);
    GroupProfile g = eg ? scores_of(run, ms, *eg) : GroupProfile{kind, code, 0, true, {}, {}};
    std::string name = group_name(env, req, g, l.org ? l.org->county_name : "");
    if (g.hidden) {
      const char* key = g.n < run.min_n ? "selfassess.results.hidden" : "selfassess.results.hidden_protect";
      hidden.push_back(
          {{"name", name},
           {"n", g.n},
           {"text", fill(t.t(req.lang, key),
                         {{"name", name}, {"n", std::to_string(g.n)}, {"min_n", std::to_string(run.min_n)}})}});
    } else {
      shown.push_back(g);
      auto it = g.mean.find("overall");
      cmp_rows.push_back({{"name", name},
                          {"n", g.n},
                          {"has", it != g.mean.end()},
                          {"value", it != g.mean.end() ? display(it->second) : 0}});
    }
  }
  ctx["comparison"] = cmp_rows;
  ctx["has_comparison"] = !cmp_rows.empty();
  ctx["hidden_groups"] = hidden;
  ctx["has_hidden_groups"] = !hidden.empty();
  ctx["min_n"] = run.min_n;

  struct Dim {
    const char* id;
    const char* title_key;
    const std::vector<GroupScore>* groups;
  };
  std::vector<Dim> dims{{"area", "selfassess.dim.area", &l.result.areas},
                        {"target_group", "selfassess.dim.target_group", &l.result.target_groups},
                        {"perspective", "selfassess.dim.perspective", &l.result.perspectives}};
  json charts = json::array();
  for (const auto& d : dims) {
    std::vector<Series> compare;
    for (const auto& g : shown)
      compare.push_back({group_name(env, req, g, l.org ? l.org->county_name : ""), values_of(g.mean, d.id, *d.groups)});
    charts.push_back(chart_json(d.id, t.t(req.lang, d.title_key), *d.groups, compare, t, req.lang));
  }
  ctx["charts"] = charts;

  // The organisation's own earlier assessments (same part), oldest first, then this one.
  json history_head = json::array(), history_rows = json::array();
  std::vector<std::pair<int, Profile>> hist;
  for (const auto& a : env.store.selfassess().list_for_org(l.assessment.org_code))
    if (a.part == l.assessment.part && a.year < l.assessment.year)
      hist.push_back({a.year, profile_of(load(env.store, a, rules).result)});
  std::sort(hist.begin(), hist.end(), [](auto& a, auto& b) { return a.first < b.first; });
  hist.push_back({l.assessment.year, profile_of(l.result)});
  for (const auto& [y, _] : hist) history_head.push_back(y);
  auto hrow = [&](const std::string& key, const std::string& label) {
    json cells = json::array();
    for (const auto& [y, p] : hist) {
      auto it = p.find(key);
      cells.push_back(it == p.end() ? json{{"has", false}} : json{{"has", true}, {"value", display(it->second)}});
    }
    history_rows.push_back({{"label", label}, {"cells", cells}});
  };
  hrow("overall", t.t(req.lang, "selfassess.results.overall"));
  for (const auto& g : l.result.areas) hrow("area." + g.id, g.label.get(req.lang));
  for (const auto& g : l.result.target_groups) hrow("target_group." + g.id, g.label.get(req.lang));
  ctx["history_years"] = history_head;
  ctx["history"] = history_rows;
  ctx["has_history"] = hist.size() > 1;

  ctx["sw"] = strengths_weaknesses(l, rules, req.lang);
  json bands = json::array();
  for (size_t i = 0; i < rules.bands.size(); ++i) {
    const auto& b = rules.bands[i];
    std::string range =
        i == 0 ? fmt_number(b.min) + "–100" : fmt_number(b.min) + "–" + fmt_number(rules.bands[i - 1].min - 1);
    bands.push_back({{"id", b.id}, {"label", b.label.get(req.lang)}, {"range", range}});
  }
  ctx["bands"] = bands;
  return ctx;
}

}  // namespace dp::selfassess
