// The publication calendar over the statistics store, through the whole App (pages and API):
// a revision scheduled for later is announced (what and when) and nothing of it is public before
// its time, through any page or format; at that moment it is public, and a revision that replaces
// a published one tells what changed. The clock is injected, so nothing sleeps.
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "publish/charts.h"
#include "publish/published_store.h"
#include "publish/routes.h"
#include "publish/site.h"
#include "storage/campaign_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"
#include "web/app.h"
#include "web/server.h"

using namespace dp;
using namespace dp::publish;

namespace {

class PublicationCalendar : public ::testing::Test {
 protected:
  void SetUp() override {
    path = (std::filesystem::temp_directory_path() / ("publication-calendar-" + std::to_string(::getpid()) + ".db"))
               .string();
    std::filesystem::remove(path);
    std::string cmd = std::string(DIGIPULS_BINARY) + " init --db " + path + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    store = storage::open_sqlite(path, {.create = false});
    campaign = store->campaigns().find("ehalsa-2021")->id;
    store->stats().replace_history({});  // only this test's revisions are published
    web::Config wc;
    wc.base_url = "http://stat.test";
    app = std::make_unique<web::App>(wc);
    SiteConfig cfg;
    cfg.revision_check = std::chrono::milliseconds(0);
    site = std::make_shared<Site>(*store, make_published_data(*store, [this] { return now; }), cfg);
    register_page_routes(*app, site);
    register_api_routes(*app, site);
  }
  void TearDown() override {
    site.reset();
    app.reset();
    store.reset();
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  }
  int64_t revision(double national, double county) {
    auto f = [](const std::string& group, double v) {
      Figure x;
      x.key = {"K33", "barn_unga", group == "total" ? "national" : "county", group, 2021};
      x.n = 285;
      x.count = 40;
      x.value = v;
      x.decimals = 1;  // values like 63,7 that nothing else on a page reads
      return x;
    };
    storage::StatRun r;
    r.campaign_id = campaign;
    r.profile = "standard";
    r.input_hash = "h";
    return store->stats().add_run(r, {f("total", national), f("01", county)}).id;
  }
  web::Response get(const std::string& target) {
    web::Request req;
    req.method = "GET";
    req.target = target;
    req.remote_ip = "10.0.0.1";
    EXPECT_TRUE(web::build_request(req, ""));
    web::Response r = app->handle(req);
    if (r.shared_body) r.body = *r.shared_body;
    return r;
  }
  // Every public address that could carry a K33 figure, with its text.
  std::vector<std::pair<std::string, std::string>> everything() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* t : {"/", "/statistik", "/statistik/K33", "/statistik/K33?lang=en", "/publiceringskalender",
                          "/publiceringskalender?lang=en", "/api/v1/keyfigures", "/api/v1/keyfigures/K33",
                          "/api/v1/keyfigures/K33/data", "/api/v1/keyfigures/K33/data?format=csv",
                          "/api/v1/keyfigures/K33/data?format=jsonstat", "/api/v1/keyfigures/K33/revisions",
                          "/api/v1/calendar", "/api/v1/kolada/data/kpi/K33"})
      out.push_back({t, get(t).body});
    return out;
  }
  std::string path;
  std::string now = "2027-03-01T00:00:00Z";
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<web::App> app;
  std::shared_ptr<Site> site;
  int64_t campaign = 0;
};

}  // namespace

TEST_F(PublicationCalendar, AScheduledRevisionIsAnnouncedAndLeaksNothingBeforeItsTime) {
  store->stats().publish_run(revision(63.7, 81.3), "2027-03-15T08:30:00Z");  // 09:30 Swedish time
  now = "2027-03-15T08:29:59Z";
  EXPECT_EQ(get("/statistik/K33").status, 404) << "nothing of K33 is published yet";
  for (const auto& [target, body] : everything())
    for (const char* v : {"63,7", "63.7", "81,3", "81.3"})
      EXPECT_EQ(body.find(v), std::string::npos) << target << " shows " << v << "\n" << body.substr(0, 2000);
  auto cal = get("/publiceringskalender");
  EXPECT_EQ(cal.status, 200);
  EXPECT_NE(cal.body.find("2027-03-15 kl. 09:30"), std::string::npos) << "announced in Swedish time\n" << cal.body;
  EXPECT_NE(cal.body.find("datetime=\"2027-03-15T08:30:00Z\""), std::string::npos);
  EXPECT_NE(get("/api/v1/calendar").body.find("\"publish_at\":\"2027-03-15T08:30:00Z\""), std::string::npos);

  now = "2027-03-15T08:30:00Z";  // the moment
  auto page = get("/statistik/K33");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(value_text(63.7, Marker::None, 1, true, Lang::sv)), std::string::npos);
  EXPECT_NE(get("/api/v1/keyfigures/K33/data?format=csv").body.find("63.7"), std::string::npos);
  EXPECT_EQ(get("/api/v1/calendar").body.find("publish_at"), std::string::npos) << "no longer upcoming";
}

TEST_F(PublicationCalendar, ARevisedFigureShowsTheDateAndWhatChangedAndTheApiListsTheHistory) {
  store->stats().publish_run(revision(63.7, 81.3), "2027-03-15T08:30:00Z");
  store->stats().publish_run(revision(64.2, 81.34),
                             "2027-04-02T08:00:00Z");  // the county's 81,3 stays 81,3 as published
  now = "2027-03-20T00:00:00Z";
  auto before = get("/statistik/K33");
  EXPECT_EQ(before.body.find(value_text(64.2, Marker::None, 1, true, Lang::sv)), std::string::npos)
      << "the revision waits";
  EXPECT_NE(before.body.find("2027-04-02"), std::string::npos) << "but the coming publication is announced";
  EXPECT_EQ(before.body.find("Reviderad"), std::string::npos);
  auto history = get("/api/v1/keyfigures/K33/revisions").body;
  EXPECT_EQ(history.find("\"revision\":2"), std::string::npos) << history;

  now = "2027-04-02T08:00:00Z";
  auto after = get("/statistik/K33").body;
  EXPECT_NE(after.find("Reviderad"), std::string::npos) << after;
  EXPECT_NE(after.find("2027-04-02 kl. 10:00"), std::string::npos) << "the date of the revision, Swedish summer time";
  EXPECT_NE(after.find(value_text(63.7, Marker::None, 1, true, Lang::sv) + " → " +
                       value_text(64.2, Marker::None, 1, true, Lang::sv)),
            std::string::npos);
  EXPECT_NE(get("/statistik/K33?lang=en").body.find("Revised"), std::string::npos);
  history = get("/api/v1/keyfigures/K33/revisions").body;
  auto j = nlohmann::json::parse(history);
  ASSERT_EQ(j["revisions"].size(), 2u);
  EXPECT_EQ(j["revisions"][0]["changes"].size(), 0u) << "the first publication revised nothing";
  ASSERT_EQ(j["revisions"][1]["changes"].size(), 1u) << "only the national value changed as published: " << history;
  EXPECT_EQ(j["revisions"][1]["changes"][0]["region"], "00");
  EXPECT_EQ(j["revisions"][1]["changes"][0]["before"]["value"], 63.7);
  EXPECT_EQ(j["revisions"][1]["changes"][0]["after"]["value"], 64.2);
  EXPECT_EQ(j["revisions"][1]["published_at"], "2027-04-02T08:00:00Z");
}
