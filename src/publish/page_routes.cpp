// The route table of the public pages, and the assembly of the whole public side.
#include "api/guard.h"
#include "publish/api_support.h"
#include "publish/page_support.h"
#include "publish/pages.h"
#include "publish/published_store.h"
#include "publish/routes.h"

namespace dp::publish {

web::Response open_data_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    const auto& t = app.templates();
    Lang lang = req.lang;
    auto snap = site.snapshot();
    std::string example = snap->keyfigures.empty() ? "K01" : snap->keyfigures.front().id;
    nlohmann::json endpoints = nlohmann::json::array();
    auto add = [&](std::string path, std::string href, const char* key) {
      endpoints.push_back({{"path", path}, {"href", href}, {"text", t.t(lang, std::string("api_routes.") + key)}});
    };
    add("/api/v1/openapi.json", "/api/v1/openapi.json", "openapi");
    add("/api/v1/config", "/api/v1/config", "config");
    add("/api/v1/keyfigures", "/api/v1/keyfigures", "keyfigures");
    add("/api/v1/keyfigures/{id}/data", "/api/v1/keyfigures/" + example + "/data", "data");
    add("/api/v1/keyfigures/{id}/revisions", "/api/v1/keyfigures/" + example + "/revisions", "revisions");
    add("/api/v1/calendar", "/api/v1/calendar", "calendar");
    add("/api/v1/organisations", "/api/v1/organisations", "organisations");
    add("/api/v1/groups", "/api/v1/groups", "groups");
    add("/api/v1/kolada/data/kpi/{kpi}/municipality/{m}/year/{y}", "/api/v1/kolada/data/kpi/" + example, "kolada");
    nlohmann::json ctx = {{"title", t.t(lang, "stat.open_data_heading")}, {"endpoints", endpoints}};
    return app.page(req, "publish/open_data", ctx);
  });
}

// The API's front door: a page for people, a list of links for programs.
web::Response api_front_door(web::App& app, Site& site, const web::Request& req) {
  if (req.header("accept").find("text/html") != std::string::npos) {
    auto res = open_data_page(app, site, req);
    res.content_type = "text/html; charset=utf-8";
    return res;
  }
  std::string b = app.config().base_url + "/api/v1";
  auto res = web::Response::json({{"openapi", b + "/openapi.json"},
                                  {"config", b + "/config"},
                                  {"keyfigures", b + "/keyfigures"},
                                  {"organisations", b + "/organisations"},
                                  {"groups", b + "/groups"},
                                  {"kolada", b + "/kolada/data/kpi/{kpi}"}});
  api::add_cors(res);
  return res;
}

void register_page_routes(web::App& app, std::shared_ptr<Site> site) {
  auto& r = app.router();
  auto page = [&app, site](web::Response (*fn)(web::App&, Site&, const web::Request&)) {
    return [&app, site, fn](web::Request& req) {
      normalise_query(*site, req);
      return fn(app, *site, req);
    };
  };
  // Rendering a chart as PNG takes a while: heavy (its own threads, a per-client limit). The same
  // chart as SVG or CSV is text, cheap to serve, and a page may ask for many.
  const web::RouteOptions heavy{.cost_of = [](const web::Request& req) {
    return req.path.ends_with(".png") ? web::Cost::Heavy : web::Cost::Light;
  }};
  add_route(r, "GET", "/", "public", page(start_page));
  add_route(r, "GET", "/statistik", "public", page(catalogue_page));
  add_route(r, "GET", "/statistik/{id}", "public", page(keyfigure_page));
  add_route(r, "GET", "/statistik/{id}/diagram/{file}", "public", page(chart_file), heavy);
  add_route(r, "GET", "/embed/statistik/{id}/{chart}", "public", page(embed_page));
  add_route(r, "GET", "/publiceringskalender", "public", page(calendar_page));
  // A report is built (the campaign computed) once per publication; then it is served from the cache.
  const web::RouteOptions builds{.cost_of = [](const web::Request&) { return web::Cost::Heavy; }};
  add_route(r, "GET", "/rapporter", "public", page(reports_page));
  add_route(r, "GET", "/rapporter/{campaign}", "public", page(report_page), builds);
  // Before /rapporter/{campaign}/{file}: the first route that matches answers.
  add_route(r, "GET", "/rapporter/{campaign}/sammanfattning", "public", page(summary_page));
  add_route(r, "GET", "/rapporter/{campaign}/{file}", "public", page(report_file), builds);
  // The analyst's editor of the summary (its query, ?done=saved, is the editor's own).
  auto admin = [&app, site](web::Response (*fn)(web::App&, Site&, const web::Request&)) {
    return [&app, site, fn](web::Request& req) { return fn(app, *site, req); };
  };
  add_route(r, "GET", "/admin/campaigns/{campaign}/summary", "admin", admin(summary_editor));
  add_route(r, "POST", "/admin/campaigns/{campaign}/summary", "admin", admin(summary_save));
  add_route(r, "GET", "/kommuner", "public", page(municipalities_page));
  add_route(r, "GET", "/kommuner/{code}", "public", page(municipality_page));
  add_route(r, "GET", "/api/v1/", "public", page(api_front_door));
}

std::shared_ptr<Site> register_public_routes(web::App& app, storage::Store& store, SiteConfig cfg) {
  auto site = std::make_shared<Site>(store, make_published_data(store), cfg);
  register_page_routes(app, site);
  register_api_routes(app, site);
  // The response cache, for the operator's metrics (hit rate = hits / (hits + misses)).
  std::weak_ptr<Site> w = site;
  auto count = [w](uint64_t (ResponseCache::*what)() const) {
    return [w, what]() -> double {
      auto s = w.lock();
      if (!s) throw std::runtime_error("the site is gone");
      return (double)(s->cache().*what)();
    };
  };
  auto& m = app.metrics();
  m.add_callback("digipuls_cache_hits_total", "Answers served from the public response cache.", "counter",
                 count(&ResponseCache::hits));
  m.add_callback("digipuls_cache_misses_total", "Answers the public response cache did not hold.", "counter",
                 count(&ResponseCache::misses));
  m.add_callback("digipuls_cache_bytes", "Bytes held by the public response cache.", "gauge", [w]() -> double {
    auto s = w.lock();
    if (!s) throw std::runtime_error("the site is gone");
    return (double)s->cache().bytes();
  });
  // Public answers that caches may share carry no cookie.
  app.after.push_back([](const web::Request& req, web::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 || req.path.rfind("/embed/", 0) == 0 ||
        req.path.find("/diagram/") != std::string::npos)
      std::erase_if(res.headers, [](auto& h) { return to_lower_ascii(h.first) == "set-cookie"; });
  });
  return site;
}

}  // namespace dp::publish
