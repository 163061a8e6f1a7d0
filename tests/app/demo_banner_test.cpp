// `serve --demo` (what `make demo` runs) says on every page that the data are synthetic; a real
// server says nothing of the kind.
#include <gtest/gtest.h>

#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace dp;

namespace {
std::string start_page(const std::string& db, const std::string& log, std::vector<std::string> extra,
                       const std::string& path = "/") {
  test::ServerProcess server(db, log, std::move(extra));
  test::Http h(server.url());
  auto r = h.get(path);
  EXPECT_EQ(r.status, 200) << path;
  return r.body;
}
}  // namespace

TEST(DemoBanner, EveryPageOfTheDemoServerSaysTheDataAreSynthetic) {
  test::ScopedDir dir("digipuls-demo-banner");
  std::string db = (dir.path / "d.db").string(), log = (dir.path / "server.log").string();
  test::run_cli({"init", "--db", db});
  for (const std::string path : {"/", "/statistik", "/login", "/kommuner"}) {
    auto body = start_page(db, log, {"--demo"}, path);
    EXPECT_NE(body.find("class=\"demo-banner\""), std::string::npos) << path;
    EXPECT_NE(body.find("syntetiska"), std::string::npos) << path;
  }
  auto en = start_page(db, log, {"--demo"}, "/?lang=en");
  EXPECT_NE(en.find("synthetic"), std::string::npos);
}

TEST(DemoBanner, AServerWithoutDemoShowsNoBanner) {
  test::ScopedDir dir("digipuls-demo-banner");
  std::string db = (dir.path / "d.db").string(), log = (dir.path / "server.log").string();
  test::run_cli({"init", "--db", db});
  EXPECT_EQ(start_page(db, log, {}).find("demo-banner"), std::string::npos);
}
