#pragma once
// A web application over a fresh SQLite database with the bundled maturity instruments and a
// small registry, for driving the self-assessment routes through App::handle as a browser would.
#include <filesystem>
#include <memory>
#include <random>

#include "core/resources.h"
#include "instrument/load.h"
#include "registry/model.h"
#include "selfassess/routes.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"
#include "storage/store.h"
#include "web/app.h"

namespace dp::selfassess::testing {

class WebEnv {
 public:
  WebEnv() {
    path_ = std::filesystem::temp_directory_path() / ("sa-test-" + std::to_string(std::random_device{}()) + ".db");
    store = storage::open_sqlite(path_.string());
    store->registry().upsert_county({"01", "Stockholms län"});
    store->registry().upsert_county({"03", "Uppsala län"});
    store->registry().put_size_groups(resources::require("data/registry/size_groups.yaml"));
    for (const char* f : {"instruments/mognad-2025.yaml", "instruments/mognad-2026.yaml"})
      store->instruments().put(instrument::load_or_throw(resources::require(f), f));
    web::Config cfg;
    cfg.base_url = "http://test";
    app = std::make_unique<web::App>(cfg);
    app->authenticate = [this](web::Request&) { return who; };
    env = std::make_unique<Env>(Env{*app, *store});
    register_routes(*env);
  }
  ~WebEnv() {
    env.reset();
    app.reset();
    store.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }

  void add_org(const std::string& code, const std::string& name, const std::string& county, long long population) {
    registry::ImportRecord r;
    r.year = 2021;
    r.code = code;
    r.kind = "municipality";
    r.name = name;
    r.county_code = county;
    r.population = population;
    store->registry().apply(r);
  }

  void sign_in(const std::string& role, const std::string& org = "", int64_t id = 7) {
    who = {};
    who.user_id = id;
    who.role = parse_role(role);
    who.org_code = org;
    who.email = role + "@example.se";
    who.csrf = "session-csrf-token-0123456789";
  }
  void sign_out() { who = {}; }

  web::Response call(const std::string& method, const std::string& path,
                     std::multimap<std::string, std::string> form = {}) {
    web::Request req;
    req.method = method;
    auto q = path.find('?');
    req.path = path.substr(0, q);
    req.target = path;
    if (q != std::string::npos) req.query = web::parse_urlencoded(path.substr(q + 1));
    if (method != "GET") {
      std::string token = who.signed_in() ? who.csrf : std::string("visitor-csrf-token-0123456789");
      req.cookies["dp_csrf"] = token;
      form.insert({"_csrf", token});
    }
    req.form = std::move(form);
    req.remote_ip = "127.0.0.1";
    return app->handle(req);
  }

  std::unique_ptr<storage::Store> store;
  std::unique_ptr<web::App> app;
  std::unique_ptr<Env> env;
  web::Principal who;

 private:
  std::filesystem::path path_;
};

}  // namespace dp::selfassess::testing
