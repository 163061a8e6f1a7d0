#pragma once
// The web application: the route table, templates, and the request pipeline that every request
// goes through, in this order: language, who is asking, route, authorization (one place),
// CSRF (one place), the handler, errors -> 4xx/5xx pages, security headers, caching and
// compression. Modules add their routes with register_*_routes(App&).
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "storage/store.h"
#include "web/authorization.h"
#include "web/http.h"
#include "web/router.h"
#include "web/templates.h"

namespace dp::web {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 4;
  std::string base_url;        // public URL for links in mail, e.g. "https://digipuls.example" (default http://host:port)
  bool secure_cookies = false;  // true behind TLS (set by --secure-cookies or DIGIPULS_SECURE_COOKIES=1)
  size_t max_body_bytes = 20 << 20;
  size_t max_header_bytes = 64 << 10;  // the request line and headers; also a chunked body's trailer
  bool demo = false;  // every page says the data are synthetic (set by `serve --demo`, used by `make demo`)
};

class App {
 public:
  App(storage::Store& store, Config config);

  storage::Store& store() { return store_; }
  const Config& config() const { return config_; }
  Router& router() { return router_; }
  const Templates& templates() const { return templates_; }

  // The whole pipeline for one request. Never throws.
  Response handle(Request& req);

  // Renders a full page: the template into the layout, with the common view model (t, lang,
  // user, csrf, the language switch link...). ctx["title"] becomes the page title.
  Response page(const Request& req, const std::string& tmpl, nlohmann::json ctx, int status = 200) const;
  // An error page or JSON error, matching the request.
  Response error(const Request& req, int status, const std::string& code, const std::string& message,
                 const std::string& parameter = "") const;

  // Installed by the collection module: resolves the session cookie to a principal.
  std::function<Principal(Request&)> authenticate;
  // Installed by the collection module (and others): logout etc. needs nothing more.
  AccessLookups lookups;

  // Hooks run after the handler (e.g. publish adds caching); they may modify the response.
  std::vector<std::function<void(const Request&, Response&)>> after;

 private:
  storage::Store& store_;
  Config config_;
  Router router_;
  Templates templates_;

  Response dispatch(Request& req);
  void finish(const Request& req, Response& res) const;
};

// Registers /healthz and /static/*.
void register_core_routes(App& app);

}  // namespace dp::web
