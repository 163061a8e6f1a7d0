// The route table of the open data API (/api/v1/). Every handler runs behind the rate limit and
// answers with CORS headers; errors are JSON naming the bad parameter (web::App turns dp::Error
// into that).
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/params.h"
#include "core/error.h"
#include "core/resources.h"
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

}  // namespace

void register_api_routes(web::App& app, std::shared_ptr<Site> site) {
  auto& r = app.router();
  const std::string base = app.config().base_url;
  add_public(r, "GET", "/api/v1/openapi.json", api(site, [&app](web::Request& req) { return openapi(app, req); }));
  add_public(r, "GET", "/api/v1/config", api(site, [site](web::Request& req) { return api_config(*site, req); }));
  add_public(r, "GET", "/api/v1/keyfigures",
         api(site, [site, base](web::Request& req) { return api_keyfigures(*site, req, base); }));
  add_public(r, "GET", "/api/v1/keyfigures/{id}",
         api(site, [site, base](web::Request& req) { return api_keyfigure(*site, req, base); }));
  add_public(r, "GET", "/api/v1/keyfigures/{id}/data",
         api(site, [site, base](web::Request& req) { return api_keyfigure_data(*site, req, base); }));
  add_public(r, "GET", "/api/v1/organisations", api(site, [site](web::Request& req) { return api_organisations(*site, req); }));
  add_public(r, "GET", "/api/v1/groups", api(site, [site](web::Request& req) { return api_groups(*site, req); }));
  for (const char* p : {"/api/v1/kolada/data/kpi/{kpi}", "/api/v1/kolada/data/kpi/{kpi}/year/{year}",
                        "/api/v1/kolada/data/kpi/{kpi}/municipality/{municipality}",
                        "/api/v1/kolada/data/kpi/{kpi}/municipality/{municipality}/year/{year}"})
    add_public(r, "GET", p, api(site, [site, base](web::Request& req) { return api_kolada(*site, req, base); }));
  // CORS preflight for every API address.
  add_public(r, "OPTIONS", "/api/v1/{rest...}", [](web::Request&) {
           web::Response res;
           res.status = 204;
           res.set_header("Access-Control-Allow-Origin", "*");
           res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
           res.set_header("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match, Content-Type");
           res.set_header("Access-Control-Max-Age", "86400");
           res.set_header("Cache-Control", "public, max-age=86400");
           return res;
         });
}

}  // namespace dp::publish
