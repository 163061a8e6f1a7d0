#include "publish/api_meta.h"

#include "api/guard.h"
#include "api/params.h"
#include "core/error.h"
#include "core/ui_text.h"
#include "publish/api_support.h"
#include "publish/keyfigure_cube.h"
#include "publish/markers.h"

namespace dp::publish {

using nlohmann::json;

namespace {
json i18n(const I18n& s) { return {{"sv", s.sv}, {"en", s.get(Lang::en)}}; }

web::Response json_answer(Site& site, const web::Request& req, const std::string& revision,
                          const std::function<json()>& make) {
  return cached(site, req, cache_key(revision, req), "public, max-age=300",
                [&] { return encode(200, "application/json; charset=utf-8", make().dump()); });
}
}  // namespace

json keyfigure_json(const KeyFigureMeta& kf, const std::string& base_url) {
  json cells = json::array();
  for (const auto& c : kf.cells)
    cells.push_back(
        {{"id", c.id}, {"series", series_id(kf.id, c.id)}, {"label", i18n(c.label)}, {"decimals", c.decimals}});
  json breaks = json::array();
  for (const auto& b : kf.breaks) breaks.push_back({{"year", b.year}, {"cells", b.cells}, {"note", i18n(b.note)}});
  json lineage = json::array();
  for (const auto& o : kf.origins) {
    json l = {{"year", o.year}, {"kind", o.kind}, {"ref", o.ref}};
    if (!o.instrument.empty()) l["instrument"] = o.instrument;
    lineage.push_back(l);
  }
  json panels = json::array();
  if (kf.has_panel())
    for (const auto& [year, previous] : kf.panels) panels.push_back({{"year", year}, {"previous", previous}});
  std::string data = base_url + "/api/v1/keyfigures/" + kf.id + "/data";
  return {{"id", kf.id},
          {"theme", {{"id", kf.theme}, {"label", i18n(kf.theme_label)}}},
          {"title", i18n(kf.title)},
          {"definition", i18n(kf.definition)},
          {"unit", i18n(kf.unit)},
          {"note", i18n(kf.note)},
          {"stat", kf.stat},
          {"measures", measures_of(kf)},
          {"panels", panels},
          {"decimals", kf.decimals},
          {"source", {{"kind", kf.source}, {"label", i18n(kf.source_label)}}},
          {"cells", cells},
          {"years", kf.years},
          {"breakdowns", kf.breakdowns},
          {"breaks", breaks},
          {"lineage", lineage},
          {"links",
           {{"self", base_url + "/api/v1/keyfigures/" + kf.id},
            {"jsonstat", data + "?format=jsonstat"},
            {"csv", data + "?format=csv"},
            {"xlsx", data + "?format=xlsx"},
            {"kolada", base_url + "/api/v1/kolada/data/kpi/" + kf.id},
            {"page", base_url + "/statistik/" + kf.id}}}};
}

web::Response api_keyfigures(Site& site, const web::Request& req, const std::string& base_url) {
  api::only_params(req, {"lang", "theme"});
  auto snap = site.snapshot();
  auto theme = req.q("theme");
  return json_answer(site, req, snap->revision, [&] {
    json list = json::array();
    json themes = json::array();
    std::set<std::string> seen;
    for (const auto& k : snap->keyfigures) {
      if (theme && k.theme != *theme) continue;
      list.push_back(keyfigure_json(k, base_url));
      if (seen.insert(k.theme).second) themes.push_back({{"id", k.theme}, {"label", i18n(k.theme_label)}});
    }
    if (theme && list.empty()) throw api::bad_param("theme", "no key figures in theme '" + *theme + "'");
    json legend = json::array();
    for (auto m : kAllMarkers) {
      if (m == Marker::None) continue;
      legend.push_back(
          {{"symbol", marker_style(m).symbol}, {"name", marker_name(m)}, {"label", i18n(marker_style(m).label)}});
    }
    return json{{"count", list.size()},
                {"updated", snap->updated},
                {"revision", snap->revision},
                {"themes", themes},
                {"keyfigures", list},
                {"status_symbols", legend},
                {"organisations", base_url + "/api/v1/organisations"},
                {"groups", base_url + "/api/v1/groups"}};
  });
}

web::Response api_keyfigure(Site& site, const web::Request& req, const std::string& base_url) {
  api::only_params(req, {"lang"});
  auto snap = site.snapshot();
  const KeyFigureMeta* kf = snap->find(req.param("id"));
  if (!kf) throw Error::not_found("There is no published key figure '" + req.param("id") + "'.");
  return json_answer(site, req, snap->revision, [&] { return keyfigure_json(*kf, base_url); });
}

static json org_json(const registry::Organisation& o) {
  json j = {{"code", o.code},
            {"name", o.name},
            {"kind", o.kind},
            {"county_code", o.county_code},
            {"county_name", o.county_name},
            {"size_group", o.size_group}};
  j["population"] = o.population ? json(*o.population) : json(nullptr);
  if (!o.skr_group_code.empty()) j["skr_group"] = {{"code", o.skr_group_code}, {"name", o.skr_group_name}};
  return j;
}

web::Response api_organisations(Site& site, const web::Request& req) {
  api::only_params(req, {"lang", "county"});
  auto snap = site.snapshot();
  auto county = req.q("county");
  if (county && !snap->regions.county(*county))
    throw api::bad_param("county", "'" + *county + "' is not a county code (01–25)");
  return json_answer(site, req, snap->revision, [&] {
    json list = json::array();
    for (const auto& o : snap->regions.organisations())
      if (!county || o.county_code == *county) list.push_back(org_json(o));
    return json{{"count", list.size()}, {"year", snap->registry_year}, {"organisations", list}};
  });
}

web::Response api_groups(Site& site, const web::Request& req) {
  api::only_params(req, {"lang"});
  auto snap = site.snapshot();
  return json_answer(site, req, snap->revision, [&] {
    const auto& R = snap->regions;
    json groups = json::array();
    auto members = [&](auto pred) {
      json m = json::array();
      for (const auto& o : R.organisations())
        if (pred(o)) m.push_back(o.code);
      return m;
    };
    RegionRef nat{"national", "total"};
    groups.push_back({{"id", "00"},
                      {"breakdown", "national"},
                      {"label", i18n(R.label(nat))},
                      {"members", members([](auto&) { return true; })}});
    for (const auto& g : R.scheme().groups) {
      RegionRef r{"size_group", g.id};
      json m = members([&](auto& o) { return o.size_group == g.id; });
      groups.push_back({{"id", Regions::code_of(r)},
                        {"breakdown", "size_group"},
                        {"label", i18n(R.label(r))},
                        {"min_population", g.min},
                        {"max_population", g.max ? json(*g.max) : json(nullptr)},
                        {"count", m.size()},
                        {"members", m}});
    }
    for (const auto& c : R.counties()) {
      RegionRef r{"county", c.code};
      json m = members([&](auto& o) { return o.county_code == c.code; });
      groups.push_back(
          {{"id", c.code}, {"breakdown", "county"}, {"label", i18n(R.label(r))}, {"count", m.size()}, {"members", m}});
    }
    groups[0]["count"] = groups[0]["members"].size();
    return json{{"count", groups.size()}, {"year", snap->registry_year}, {"groups", groups}};
  });
}

web::Response api_config(Site& site, const web::Request& req) {
  api::only_params(req, {"lang"});
  const auto& cfg = site.config();
  json j = {{"apiVersion", "1.0.0"},
            {"appVersion", DIGIPULS_VERSION},
            {"languages", json::array({{{"id", "sv"}, {"label", "Svenska"}}, {{"id", "en"}, {"label", "English"}}})},
            {"defaultLanguage", "sv"},
            {"maxDataCells", cfg.max_cells},
            {"maxCallsPerTimeWindow", cfg.rate_limit.enabled() ? json(cfg.rate_limit.max_calls) : json(nullptr)},
            {"timeWindow", cfg.rate_limit.enabled() ? json(cfg.rate_limit.window_seconds) : json(nullptr)},
            {"koladaMaxPerPage", cfg.kolada_max_per_page},
            {"dataFormats", json::array({"jsonstat", "csv", "xlsx"})},
            {"defaultDataFormat", "jsonstat"},
            {"csv",
             {{"comma", {{"separator", ","}, {"decimal", "."}, {"bom", false}}},
              {"semicolon", {{"separator", ";"}, {"decimal", ","}, {"bom", true}}}}},
            {"cors", {{"enabled", true}, {"origins", "*"}}},
            {"sourceReferences", json::array({i18n(ui::label("api_routes.source_reference"))})}};
  auto res = web::Response::json(j);
  res.set_header("Cache-Control", "public, max-age=3600");
  api::add_cors(res);
  return res;
}

}  // namespace dp::publish
