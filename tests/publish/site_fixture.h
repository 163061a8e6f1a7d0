#pragma once
// A database made by `digipuls init` (the bundled registry and boundaries) and an App with the
// public routes over MemoryData; requests go through the whole App pipeline (no sockets).
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>

#include "memory_data.h"
#include "publish/routes.h"
#include "publish/site.h"
#include "storage/registry_store.h"
#include "storage/store.h"
#include "web/app.h"
#include "web/server.h"

namespace dp::publish::testing {

class SiteFixture : public ::testing::Test {
 protected:
  static inline std::string db_path;

  static void SetUpTestSuite() {
    db_path =
        (std::filesystem::temp_directory_path() / ("publish-site-" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(db_path);
    std::string cmd = std::string(DIGIPULS_BINARY) + " init --db " + db_path + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static void TearDownTestSuite() {
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + ext);
  }

  void SetUp() override { make_site({}); }

  void make_site(SiteConfig cfg) {
    store = storage::open_sqlite(db_path, {.create = false});
    web::Config wc;
    wc.base_url = "http://stat.test";
    app = std::make_unique<web::App>(wc);
    auto& reg = store->registry();
    Regions regions(reg.counties(), reg.list(2021, 2021, reg.size_groups()), reg.size_groups());
    auto d = MemoryData::synthetic(regions);
    data = d.get();
    cfg.revision_check = std::chrono::milliseconds(0);
    site = std::make_shared<Site>(*store, std::move(d), cfg);
    register_page_routes(*app, site);
    register_api_routes(*app, site);
  }

  web::Response get(const std::string& target, std::map<std::string, std::string> headers = {}) {
    web::Request req;
    req.method = "GET";
    req.target = target;
    req.headers = std::move(headers);
    req.remote_ip = "10.0.0.1";
    EXPECT_TRUE(web::build_request(req, ""));
    web::Response r = app->handle(req);
    if (r.shared_body) r.body = *r.shared_body;  // what the server would send
    return r;
  }

  std::unique_ptr<storage::Store> store;
  std::unique_ptr<web::App> app;
  std::shared_ptr<Site> site;
  MemoryData* data = nullptr;
};

}  // namespace dp::publish::testing
