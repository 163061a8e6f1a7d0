// digipuls serve: the web application. Route tables live in their modules; this only assembles
// them, with the store and the configuration (flags, then the config file's `server:` section).
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "app/output.h"
#include "app/serve_config.h"
#include "collection/module.h"
#include "core/error.h"
#include "core/mail_status.h"
#include "figures/instrument_import.h"
#include "figures/publication.h"
#include "mail/config.h"
#include "publish/routes.h"
#include "selfassess/env.h"
#include "selfassess/routes.h"
#include "storage/mail_store.h"
#include "storage/store.h"
#include "web/app.h"
#include "web/logging.h"
#include "web/rate_limiter.h"
#include "web/server.h"

namespace dp::app {

namespace {

// The admin page "Instruments" checks and imports with the figures module's rules.
figures::ImportRequest import_request(const collection::Module::InstrumentUpload& u) {
  figures::ImportRequest req;
  req.instrument = {u.name, u.text};
  if (!u.keyfigures_text.empty()) req.keyfigures = figures::DeclarationFile{u.keyfigures_name, u.keyfigures_text};
  if (!u.report_text.empty()) req.report = figures::DeclarationFile{u.report_name, u.report_text};
  return req;
}

collection::Module::InstrumentTools instrument_tools(storage::Store& store) {
  collection::Module::InstrumentTools t;
  t.check = [&store](const collection::Module::InstrumentUpload& u) {
    auto c = figures::check_import(store, import_request(u));
    return collection::Module::InstrumentCheck{std::move(c.instrument), std::move(c.diagnostics)};
  };
  t.import = [&store](const collection::Module::InstrumentUpload& u) {
    return figures::import_instrument(store, import_request(u)).id;
  };
  return t;
}

}  // namespace

// Every module's routes over one store, the order the modules need: collection first (it
// installs the session hook and the access lookups the others use).
struct Assembly {
  collection::Module collection;
  selfassess::Env selfassessment;
  std::shared_ptr<publish::Site> site;

  Assembly(web::App& app, storage::Store& store, const mail::Config& mail, const collection::AuthPolicy& policy,
           const publish::SiteConfig& site_config = {})
      : collection(app, store, mail, policy), selfassessment{app, store} {
    web::register_core_routes(app);
    site = publish::register_public_routes(app, store, site_config);
    // The public self-assessment API shares the open API's rate limit (kept alive with the site).
    selfassess::register_routes(selfassessment, std::shared_ptr<web::RateLimiter>(site, &site->limiter()));
  }
};

// digipuls routes: the route table with each route's access policy, as the server has it. The
// authorization matrix test reads it, so that no route escapes the matrix.
static void register_routes_command(Cli& cli) {
  auto* cmd = cli.root.add_subcommand("routes", "List every route of the web application with its access policy");
  static std::string db, format;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    web::App app(web::Config{});
    Assembly modules(app, *store, mail::Config{}, {});
    Rows r;
    r.columns = {"method", "pattern", "access", "csrf", "cost"};
    for (const auto& route : app.router().routes())
      r.rows.push_back({route.method, route.pattern, route.access, route.options.csrf ? "yes" : "no",
                        route.options.cost == web::Cost::Heavy ? "heavy" : "light"});
    print_rows(r, format);
    return 0;
  });
}

// What an operator and a load balancer can ask: can the database be written, is there disk
// space; and the numbers the metrics endpoint shows about the database and the mail queue.
static void add_operations(web::App& app, storage::Store& store, long long min_free_mb) {
  auto& ready = app.readiness();
  ready.add("database", [&store] { return store.write_check(); });
  ready.add("disk", [&store, min_free_mb] { return web::free_disk_problem(store.path(), min_free_mb); });
  auto& m = app.metrics();
  m.add_callback("digipuls_ready", "1 when every readiness check passes.", "gauge",
                 [&app] { return app.readiness().report().ready ? 1.0 : 0.0; });
  auto file_size = [](const std::string& path) {
    std::error_code ec;
    auto n = std::filesystem::file_size(path, ec);
    return ec ? 0.0 : (double)n;
  };
  m.add_callback("digipuls_database_bytes", "Size of the database file.", "gauge",
                 [&store, file_size] { return file_size(store.path()); }, {{"file", "db"}});
  m.add_callback("digipuls_database_bytes", "Size of the database file.", "gauge",
                 [&store, file_size] { return file_size(store.path() + "-wal"); }, {{"file", "wal"}});
  m.add_callback("digipuls_database_schema_version", "Schema version of the database.", "gauge",
                 [&store] { return (double)store.schema_version(); });
  for (MailStatus state : kAllMailStatuses)
    m.add_callback("digipuls_mail_messages", "Messages in the outbox by state.", "gauge",
                   [&store, state] { return (double)store.mail().counts().of(state); }, {{"state", to_string(state)}});
}

void register_serve_command(Cli& cli) {
  register_routes_command(cli);
  auto* serve = cli.root.add_subcommand("serve", "Run the web application (public site, forms, API)");
  static std::string db, config_file;
  static ServeOptions o;
  add_db_option(serve, db);
  serve->add_option("--config", config_file,
                    "Config file (YAML) with a server: and a mail: section; default $DIGIPULS_CONFIG");
  add_serve_options(serve, o);
  cli.on_run(serve, [serve] {
    if (config_file.empty())
      if (const char* c = std::getenv("DIGIPULS_CONFIG"); c && *c) config_file = c;
    if (!config_file.empty()) apply_server_section(serve, config_file);
    if (const char* s = std::getenv("DIGIPULS_SECURE_COOKIES"); s && std::string(s) == "1") o.web.secure_cookies = true;
    web::setup_logging(o.logs);
    o.web.limits.heavy_per_client = web::parse_rate_limit(o.heavy_rate_limit, "--heavy-rate-limit");
    auto policy = signin_policy(o);
    auto mail_config = mail::load(config_file);
    auto retention = collection::load_retention(config_file);
    auto store = storage::open_sqlite(db, {.create = false});
    // A database that cannot be written would answer every save with an error: refuse to
    // start, unless the operator asks for a read-only service.
    if (auto problem = store->write_check(); !problem.empty()) {
      if (!o.web.read_only)
        throw Error::bad_input(
            "cannot write the database (" + problem + "); fix that, or serve it read-only with --read-only",
            Location{db, 0, 0, {}});
      spdlog::warn("serving {} read-only: {}", db, problem);
    }
    web::App app(o.web);
    publish::SiteConfig site;
    site.rate_limit = web::parse_rate_limit(o.api_rate_limit);
    Assembly modules(app, *store, mail_config, policy, site);
    modules.collection.set_retention(retention);
    modules.collection.set_publisher([&store](const std::string& campaign, int64_t user, const std::string& at) {
      figures::publish_revision(*store, campaign, 0, user, {at, ""});
    });
    modules.collection.set_instrument_tools(instrument_tools(*store));
    add_operations(app, *store, o.web.limits.min_free_disk_mb);
    if (!mail_config.configured())
      spdlog::warn("no mail server configured (DIGIPULS_SMTP_URL); e-mail is kept in the outbox at /admin/mail");
    if (!o.web.read_only) modules.collection.start();
    web::Server server(app);
    server.run([](int port) { spdlog::info("serving on http://{}:{}/  (Ctrl-C stops)", o.web.host, port); },
               [](int port) { spdlog::info("metrics on http://{}:{}/metrics", o.web.metrics_host, port); });
    modules.collection.stop();
    return 0;
  });
}

}  // namespace dp::app
