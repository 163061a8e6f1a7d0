// Public results (only what the organisation chose to publish), the embeddable page for the
// organisation's own website, the administrator's aggregates, and the JSON API under
// /api/v1/selfassessment/ (docs/selfassessment.md, "API").
#include <cctype>
#include <cmath>

#include "api/guard.h"
#include "api/params.h"
#include "core/error.h"
#include "selfassess/aggregate.h"
#include "selfassess/engine.h"
#include "selfassess/page_common.h"
#include "selfassess/published.h"
#include "selfassess/routes.h"
#include "selfassess/views.h"
#include "storage/registry_store.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

using nlohmann::json;

namespace {

// The view model of an organisation's published results; NotFound when nothing is published.
json public_model(Env& env, const web::Request& req) {
  const std::string& code = req.param("org");
  auto pub = published_assessments(env.store, code);
  if (pub.empty()) throw Error::not_found("no published self-assessment for " + code);
  auto l = load(env.store, pub.front());
  const auto& t = env.app.templates();
  std::string name = l.org ? l.org->name : code;
  json ctx = {{"org_name", name},
              {"org_code", code},
              {"year", l.assessment.year},
              {"instrument", l.instrument->title.get(req.lang)}};
  ctx["overall"] = score_json(l.result.overall, req.lang);
  json charts = json::array();
  charts.push_back(chart_json("area", t.t(req.lang, "selfassess.dim.area"), l.result.areas, {}, t, req.lang));
  if (l.assessment.publish_target_groups)
    charts.push_back(chart_json("target_group", t.t(req.lang, "selfassess.dim.target_group"), l.result.target_groups,
                                {}, t, req.lang));
  ctx["charts"] = charts;
  json earlier = json::array();
  for (size_t i = 1; i < pub.size(); ++i) {
    auto e = load(env.store, pub[i]);
    earlier.push_back({{"year", pub[i].year}, {"overall", score_json(e.result.overall, req.lang)}});
  }
  ctx["earlier"] = earlier;
  ctx["has_earlier"] = !earlier.empty();
  ctx["embed_url"] = env.app.config().base_url + "/embed/sjalvskattning/" + code;
  ctx["page_url"] = env.app.config().base_url + "/sjalvskattning/publicerat/" + code;
  ctx["title"] = fill(t.t(req.lang, "selfassess.public.title"), {{"name", name}});
  ctx["year_text"] = fill(t.t(req.lang, "selfassess.public.year"), {{"year", std::to_string(l.assessment.year)}});
  return ctx;
}

web::Response public_page(Env& env, web::Request& req) {
  return env.app.page(req, "selfassess/public", public_model(env, req));
}

web::Response embed_page(Env& env, web::Request& req) {
  json ctx = public_model(env, req);
  ctx["t"] = env.app.templates().strings(req.lang);
  ctx["lang"] = lang_code(req.lang);
  auto res = web::Response::html(env.app.templates().render("selfassess/embed", ctx));
  res.set_header("Cache-Control", "public, max-age=300");
  return res;
}

std::string instrument_param(Env& env, const web::Request& req) {
  api::only_params(req, {"instrument", "lang"});
  if (auto i = req.q("instrument"); i && !i->empty()) {
    try {
      load_instrument(env.store, *i);
    } catch (const Error&) {
      throw api::bad_param("instrument", "instrument: '" + *i + "' is not a maturity instrument");
    }
    return *i;
  }
  auto years = maturity_years(env.store);
  if (years.empty()) throw Error::not_found("no maturity instrument");
  return *instrument_for_year(env.store, years.front());
}

json group_api(const GroupProfile& g, const std::string& label) {
  json j = {{"kind", g.kind}, {"id", g.id}, {"label", label}, {"n", g.n}};
  if (g.hidden) {
    j["marker"] = "suppressed";
    j["values"] = nullptr;
  } else {
    json v = json::object();
    for (const auto& [k, x] : g.mean) v[k] = display(x);
    j["values"] = v;
  }
  return j;
}

json aggregates(Env& env, const web::Request& req) {
  std::string inst = instrument_param(env, req);
  auto ms = members(env.store, inst, false, bundled_rules());
  auto run = run_engine(env.store, inst, ms);
  json data = json::array();
  for (const auto& g : run.groups) {
    json j = group_api(scores_of(run, ms, g), g.label.get(req.lang));
    j["kind"] = g.breakdown;
    j["id"] = g.code;
    j["n"] = g.n;
    data.push_back(j);
  }
  return {{"meta",
           {{"instrument", inst},
            {"disclosure_profile", run.profile_id},
            {"min_n", run.min_n},
            {"assessments", ms.size()},
            {"note",
             "Mean scores 0-100 of completed assessments of whole organisations; groups withheld by the "
             "statistics engine's disclosure control have marker 'suppressed' and no values."}}},
          {"data", data}};
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

json distribution_json(Env& env, const web::Request& req) {
  std::string inst = instrument_param(env, req);
  auto in = load_instrument(env.store, inst);
  auto ms = members(env.store, inst, false, bundled_rules());
  auto run = run_engine(env.store, inst, ms);
  json data = json::array();
  for (const auto* q : indicators(*in)) {
    json groups = json::array();
    for (const auto& g : run.groups) {
      json row = {{"breakdown", g.breakdown}, {"group", g.code}, {"label", g.label.get(req.lang)}, {"n", g.n}};
      if (g.suppressed) {
        row["marker"] = "suppressed";
      } else {
        json shares = json::object(), counts = json::object();
        for (const auto& o : in->scale)
          if (const auto* f = run.results.find("SA_" + upper(q->id), o.id, g.breakdown, g.code)) {
            shares[o.id] = f->value ? json(std::round(*f->value * 10) / 10) : json(nullptr);
            counts[o.id] = f->count.value_or(0);
          }
        row["shares"] = shares;
        row["counts"] = counts;
      }
      groups.push_back(row);
    }
    data.push_back({{"indicator", q->id},
                    {"keyfigure", "SA_" + upper(q->id)},
                    {"label", q->label.get(req.lang)},
                    {"groups", groups}});
  }
  json scale = json::array();
  for (const auto& o : in->scale) scale.push_back({{"id", o.id}, {"label", o.label.get(req.lang)}});
  return {{"meta",
           {{"instrument", inst},
            {"disclosure_profile", run.profile_id},
            {"min_n", run.min_n},
            {"assessments", ms.size()},
            {"scale", scale}}},
          {"data", data}};
}

web::Response national_page(Env& env, web::Request& req) {
  json agg = aggregates(env, req);
  json dist = distribution_json(env, req);
  std::string suppressed_text = env.app.templates().t(req.lang, "selfassess.national.suppressed");
  json rows = json::array();
  for (auto& g : agg["data"]) {
    json r = {{"label", g["label"]},
              {"n", g["n"]},
              {"suppressed", g.contains("marker")},
              {"suppressed_text", suppressed_text}};
    if (!g["values"].is_null() && g["values"].contains("overall")) r["overall"] = g["values"]["overall"];
    r["has_overall"] = r.contains("overall");
    rows.push_back(r);
  }
  json drows = json::array();
  bool national_suppressed = true;
  for (auto& d : dist["data"]) {
    json cells = json::array();
    for (auto& g : d["groups"])
      if (g["breakdown"] == "national" && !g.contains("marker")) {
        national_suppressed = false;
        for (auto& s : dist["meta"]["scale"]) {
          auto v = g["shares"].value(s["id"].get<std::string>(), json(nullptr));
          cells.push_back(v.is_null() ? json("–") : json(fmt_number(v.get<double>())));
        }
      }
    drows.push_back({{"indicator", d["indicator"]}, {"label", d["label"]}, {"cells", cells}});
  }
  std::string min_n = std::to_string(agg["meta"]["min_n"].get<int>());
  json ctx = {{"title", env.app.templates().t(req.lang, "selfassess.national.title")},
              {"instrument", agg["meta"]["instrument"]},
              {"assessments", agg["meta"]["assessments"]},
              {"groups", rows},
              {"scale", dist["meta"]["scale"]},
              {"distribution", drows},
              {"distribution_suppressed", national_suppressed}};
  ctx["intro_text"] = fill(env.app.templates().t(req.lang, "selfassess.national.intro"), {{"min_n", min_n}});
  ctx["distribution_suppressed_text"] =
      fill(env.app.templates().t(req.lang, "selfassess.national.distribution_suppressed"), {{"min_n", min_n}});
  return env.app.page(req, "selfassess/national", ctx);
}

// A municipality's published self-assessments.
web::Response published_api(Env& env, web::Request& req) {
  api::only_params(req, {"lang"});
  json data = json::array();
  for (const auto& a : published_assessments(env.store, req.param("org")))
    data.push_back(published_json(load(env.store, a), req.lang));
  return web::Response::json({{"meta", {{"org", req.param("org")}, {"published_only", true}}}, {"data", data}});
}

web::Response aggregates_api(Env& env, web::Request& req) { return web::Response::json(aggregates(env, req)); }
web::Response distribution_api(Env& env, web::Request& req) { return web::Response::json(distribution_json(env, req)); }

// Public API answers share the open API's rate limit and CORS (src/api/).
web::Handler public_api(std::shared_ptr<web::RateLimiter> limiter, web::Handler h) {
  return [limiter, h](web::Request& req) {
    if (limiter)
      if (auto limited = api::rate_limited(*limiter, req)) return *limited;
    web::Response res = h(req);
    api::add_cors(res);
    return res;
  };
}

}  // namespace

void register_public_routes(Env& env, std::shared_ptr<web::RateLimiter> limiter) {
  auto& r = env.app.router();
  add_route(r, "GET", "/sjalvskattning/publicerat/{org}", "public", handler(env, public_page));
  add_route(r, "GET", "/embed/sjalvskattning/{org}", "public", handler(env, embed_page));
  add_route(r, "GET", "/sjalvskattning/nationellt", "admin", handler(env, national_page));
  add_route(r, "GET", "/api/v1/selfassessment/municipalities/{org}", "public",
            public_api(limiter, handler(env, published_api)));
  add_route(r, "GET", "/api/v1/selfassessment/aggregates", "admin", handler(env, aggregates_api));
  add_route(r, "GET", "/api/v1/selfassessment/distribution", "admin", handler(env, distribution_api));
}

}  // namespace dp::selfassess
