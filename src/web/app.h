#pragma once
// The web application: the route table, templates, and the request pipeline that every request
// goes through, in this order: text check (UTF-8), language, who is asking, route,
// authorization (one place), CSRF (one place), read-only mode, the handler, errors -> 4xx/5xx
// pages, security headers, caching and compression. Modules add their routes with
// register_*_routes and get what else they need (the store, the site) from their caller: the
// web layer knows no module and no storage.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "web/authorization.h"
#include "web/health.h"
#include "web/http.h"
#include "web/metrics.h"
#include "web/rate_limiter.h"
#include "web/router.h"
#include "web/templates.h"

namespace dp::web {

// Every limit of the server, configurable (`serve --help`, docs/security.md).
struct Limits {
  size_t max_body_bytes = 20 << 20;
  size_t max_header_bytes = 64 << 10;  // the request line and headers; also a chunked body's trailer
  int max_connections = 1024;          // open connections at most (also bounded by the open-file limit)
  int request_timeout_seconds = 30;    // to receive one whole request (slow senders are cut off)
  int idle_timeout_seconds = 30;       // a kept-alive connection waiting for its next request
  int heavy_threads = 1;               // threads that answer heavy routes (router.h, Cost::Heavy)
  int heavy_queue = 64;                // heavy requests waiting at most; more are answered 503
  RateLimit heavy_per_client{20, 10};  // heavy requests per client: calls per seconds (0 = off)
  int shutdown_grace_seconds = 30;     // SIGTERM: how long in-flight answers may take to finish
  int refusal_delay_ms = 250;          // a 429 waits this long before it is sent, so a client over its
                                       // allowance slows itself down instead of everyone (0 = at once)
  long long min_free_disk_mb = 64;     // readiness fails below this much free space for the database
};

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 4;       // threads that answer light routes
  std::string base_url;  // public URL for links in mail, e.g. "https://digipuls.example" (default http://host:port)
  bool secure_cookies = false;  // true behind TLS (set by --secure-cookies or DIGIPULS_SECURE_COOKIES=1)
  bool demo = false;            // every page says the data are synthetic (set by `serve --demo`, used by `make demo`)
  bool read_only = false;       // serve a database that cannot be written: unsafe requests answer 503
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For is believed (client_address.h)
  std::string metrics_host = "127.0.0.1";    // the operator's listener: /metrics, /healthz, /readyz
  int metrics_port = -1;                     // -1 = no metrics listener, 0 = any free port
  Limits limits;
};

// What the server may do with a request before a thread answers it.
struct Admission {
  Cost cost = Cost::Light;
  std::optional<Response> refusal;  // answer this at once (429 for a client over its heavy limit)
};

class App {
 public:
  explicit App(Config config);

  const Config& config() const { return config_; }
  Router& router() { return router_; }
  const Router& router() const { return router_; }
  const Templates& templates() const { return templates_; }
  Metrics& metrics() { return metrics_; }
  Readiness& readiness() { return readiness_; }

  // The whole pipeline for one request. Never throws.
  Response handle(Request& req);

  // Cheap checks on the I/O thread before a request is queued: its route's cost, and the
  // per-client limit of heavy routes. Never throws.
  Admission admit(Request& req);

  // An error answer with the pipeline's headers, for requests the server refuses before the
  // pipeline (a malformed body). Never throws.
  Response refuse(Request& req, int status, const std::string& code, const std::string& message);

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
  Config config_;
  Router router_;
  Templates templates_;
  Metrics metrics_;
  Readiness readiness_;
  RateLimiter heavy_limiter_;

  Response dispatch(Request& req);
  void finish(const Request& req, Response& res) const;
};

// Refuses text that is not UTF-8 (or holds NUL) in the path, a query parameter or a form field
// (names and values; not uploaded files): dp::Error BadInput naming the field. Run once for
// every request by App::handle.
void check_request_text(const Request& req);

// The link that switches the language of a page: same path and query, other language. Always a
// local path (a path such as "//evil.example/x" must not become a link off-site).
std::string language_switch_url(const Request& req, Lang other);

// Registers /healthz (liveness), /readyz (readiness) and /static/*.
void register_core_routes(App& app);

}  // namespace dp::web
