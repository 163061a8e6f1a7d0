// The route table of the open data API (/api/v1/). Every handler runs behind the rate limit and
// answers with CORS headers; errors are JSON naming the bad parameter (web::App turns dp::Error
// into that).
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/params.h"
#include "core/error.h"
#include "core/resources.h"
#include "publish/api_calendar.h"
#include "publish/api_data.h"
#include "publish/api_kolada.h"
#include "publish/api_meta.h"
#include "publish/api_support.h"
#include "publish/routes.h"

namespace dp::publish {

namespace {

using Handler = std::function<web::Response(web::Request&)>;

// Rate limit, language check and CORS around an API handler.
Handler api(std::shared_ptr<Site> site, Handler h) {
  return [site, h](web::Request& req) {
    if (auto limited = api::rate_limited(site->limiter(), req)) return *limited;
    if (auto l = req.q("lang"); l && *l != "sv" && *l != "en")
      throw api::bad_param("lang", "lang must be sv or en, not '" + *l + "'");
    web::Response res = h(req);
    api::add_cors(res);
    return res;
  };
}

web::Response openapi(web::App& app, const web::Request& req) {
  static const nlohmann::json doc = nlohmann::json::parse(resources::require("static/api/openapi.json"));
  nlohmann::json d = doc;
  d["servers"] = nlohmann::json::array({{{"url", app.config().base_url + "/api/v1"}}});
  auto res = web::Response::json(d);
  res.set_header("Cache-Control", "public, max-age=3600");
  return res;
}

// CORS preflight for every API address.
web::Response preflight(web::Request&) {
  web::Response res;
  res.status = 204;
  res.set_header("Access-Control-Allow-Origin", "*");
  res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
  res.set_header("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match, Content-Type");
  res.set_header("Access-Control-Max-Age", "86400");
  res.set_header("Cache-Control", "public, max-age=86400");
  return res;
}

}  // namespace

void register_api_routes(web::App& app, std::shared_ptr<Site> site) {
  auto& r = app.router();
  const std::string base = app.config().base_url;
  // The answers that carry links need the public base URL.
  using Linked = web::Response (*)(Site&, const web::Request&, const std::string&);
  using Plain = web::Response (*)(Site&, const web::Request&);
  auto linked = [&](Linked fn) {
    return api(site, [site, base, fn](web::Request& req) { return fn(*site, req, base); });
  };
  auto plain = [&](Plain fn) { return api(site, [site, fn](web::Request& req) { return fn(*site, req); }); };
  add_route(r, "GET", "/api/v1/openapi.json", "public",
            api(site, [&app](web::Request& req) { return openapi(app, req); }));
  add_route(r, "GET", "/api/v1/config", "public", plain(api_config));
  add_route(r, "GET", "/api/v1/keyfigures", "public", linked(api_keyfigures));
  add_route(r, "GET", "/api/v1/keyfigures/{id}", "public", linked(api_keyfigure));
  add_route(r, "GET", "/api/v1/keyfigures/{id}/data", "public", linked(api_keyfigure_data));
  add_route(r, "GET", "/api/v1/keyfigures/{id}/revisions", "public", plain(api_keyfigure_revisions));
  add_route(r, "GET", "/api/v1/calendar", "public", plain(api_calendar));
  add_route(r, "GET", "/api/v1/organisations", "public", plain(api_organisations));
  add_route(r, "GET", "/api/v1/groups", "public", plain(api_groups));
  add_route(r, "GET", "/api/v1/kolada/data/kpi/{kpi}", "public", linked(api_kolada));
  add_route(r, "GET", "/api/v1/kolada/data/kpi/{kpi}/year/{year}", "public", linked(api_kolada));
  add_route(r, "GET", "/api/v1/kolada/data/kpi/{kpi}/municipality/{municipality}", "public", linked(api_kolada));
  add_route(r, "GET", "/api/v1/kolada/data/kpi/{kpi}/municipality/{municipality}/year/{year}", "public",
            linked(api_kolada));
  add_route(r, "OPTIONS", "/api/v1/{rest...}", "public", preflight);  // CORS preflight for every API address
}

}  // namespace dp::publish
