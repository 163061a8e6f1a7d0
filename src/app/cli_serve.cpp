// digipuls serve: the web application. Route tables live in their modules; this only assembles.
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "api/rate_limiter.h"
#include "app/cli.h"
#include "app/output.h"
#include "collection/module.h"
#include "mail/config.h"
#include "figures/publication.h"
#include "publish/routes.h"
#include "selfassess/routes.h"
#include "storage/store.h"
#include "web/app.h"
#include "web/server.h"

namespace dp::app {

void register_all_routes(web::App& app, const publish::SiteConfig& site = {}) {
  web::register_core_routes(app);
  auto public_site = publish::register_public_routes(app, site);
  // The public self-assessment API shares the open API's rate limit (kept alive with the site).
  selfassess::register_routes(app, std::shared_ptr<api::RateLimiter>(public_site, &public_site->limiter()));
}

// digipuls routes: the route table with each route's access policy, as the server has it. The
// authorization matrix test reads it, so that no route escapes the matrix.
static void register_routes_command(Cli& cli) {
  auto* cmd = cli.root.add_subcommand("routes", "List every route of the web application with its access policy");
  static std::string db, format;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    web::App app(*store, web::Config{});
    collection::Module collection(app, mail::Config{});
    register_all_routes(app);
    Rows r;
    r.columns = {"method", "pattern", "access", "csrf"};
    for (const auto& route : app.router().routes())
      r.rows.push_back({route.method, route.pattern, route.access, route.csrf ? "yes" : "no"});
    print_rows(r, format);
    return 0;
  });
}

void register_serve_command(Cli& cli) {
  register_routes_command(cli);
  auto* serve = cli.root.add_subcommand("serve", "Run the web application (public site, forms, API)");
  static std::string db, config_file;
  static web::Config cfg;
  add_db_option(serve, db);
  serve->add_option("--host", cfg.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", cfg.port, "Port (0 = any free port)")->capture_default_str();
  serve->add_option("--threads", cfg.threads, "Worker threads")->capture_default_str();
  serve->add_option("--base-url", cfg.base_url, "Public URL used in e-mailed links (default http://HOST:PORT)");
  serve->add_flag("--secure-cookies", cfg.secure_cookies, "Mark cookies Secure (when served over HTTPS)");
  serve->add_flag("--demo", cfg.demo, "Say on every page that the data are synthetic (the demo database)");
  serve->add_option("--config", config_file, "Config file (YAML) with a mail: section; default $DIGIPULS_CONFIG");
  static std::string rate_limit = "30/10";
  serve->add_option("--api-rate-limit", rate_limit, "Open API calls per client: CALLS/SECONDS, or 0 for no limit")
      ->capture_default_str();
  cli.on_run(serve, [] {
    if (const char* s = std::getenv("DIGIPULS_SECURE_COOKIES"); s && std::string(s) == "1") cfg.secure_cookies = true;
    auto mail_config = mail::load(config_file);
    auto retention = collection::load_retention(config_file);
    auto store = storage::open_sqlite(db, {.create = false});
    web::App app(*store, cfg);
    // Collection first: it installs the session hook and access lookups the other modules use.
    collection::Module collection(app, mail_config);
    collection.set_retention(retention);
    collection.set_publisher([&store](const std::string& campaign, int64_t user) {
      figures::publish_revision(*store, campaign, 0, user);
    });
    publish::SiteConfig site;
    site.rate_limit = api::parse_rate_limit(rate_limit);
    register_all_routes(app, site);
    if (!mail_config.configured())
      std::cerr << "digipuls: no mail server configured (DIGIPULS_SMTP_URL); e-mail is kept in the outbox at /admin/mail\n";
    collection.start();
    web::Server server(app);
    server.run([](int port) {
      std::cerr << "digipuls: serving on http://" << cfg.host << ":" << port << "/  (Ctrl-C stops)" << std::endl;
    });
    return 0;
  });
}

}  // namespace dp::app
