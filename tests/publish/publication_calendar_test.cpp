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
  // `count` of 285: the numerator a report table divides again (the pages show `value`).
  int64_t revision(double national, double county, int64_t count = 40) {
    auto f = [count](const std::string& group, double v) {
      Figure x;
      x.key = {"K33", "barn_unga", group == "total" ? "national" : "county", group, 2021};
      x.n = 285;
      x.count = count;
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
                          "/api/v1/calendar", "/api/v1/kolada/data/kpi/K33", "/rapporter", "/rapporter/ehalsa-2021",
                          "/rapporter/ehalsa-2021/ehalsa-2021-report.html",
                          "/rapporter/ehalsa-2021/ehalsa-2021-report.csv", "/rapporter/ehalsa-2021/T21.csv"})
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

TEST_F(PublicationCalendar, TheSitesReportIsThePublishedRevisionInEveryFormatAndNeverALaterOne) {
  store->stats().publish_run(revision(63.5, 81.3, 181), "2027-03-15T08:30:00Z");
  store->stats().publish_run(revision(64.2, 81.3, 183), "2027-04-02T08:00:00Z");
  now = "2027-03-15T07:00:00Z";
  EXPECT_EQ(get("/rapporter/ehalsa-2021").status, 404) << "no report before its publication";
  EXPECT_EQ(get("/rapporter/ehalsa-2021/T21.csv").status, 404);
  EXPECT_NE(get("/rapporter").body.find("Ingen rapport"), std::string::npos);

  now = "2027-03-20T00:00:00Z";  // the first revision is published, the second waits
  auto list = get("/rapporter");
  EXPECT_NE(list.body.find("href=\"/rapporter/ehalsa-2021\""), std::string::npos) << list.body;
  auto page = get("/rapporter/ehalsa-2021");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("/rapporter/ehalsa-2021/T21.csv"), std::string::npos) << "every table downloadable";
  EXPECT_NE(page.body.find("ehalsa-2021-report.xlsx"), std::string::npos);
  auto table = get("/rapporter/ehalsa-2021/T21.csv");
  ASSERT_EQ(table.status, 200);
  EXPECT_EQ(table.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(table.body.find("63.5"), std::string::npos) << table.body;
  auto whole = get("/rapporter/ehalsa-2021/ehalsa-2021-report.csv");
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body.rfind("table,number,panel,row,column,value,marker", 0), 0u) << "long form";
  EXPECT_NE(whole.body.find("T21,"), std::string::npos);
  auto html = get("/rapporter/ehalsa-2021/ehalsa-2021-report.html");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("63,5"), std::string::npos);
  EXPECT_NE(html.header("Content-Security-Policy").find("default-src 'none'"), std::string::npos)
      << "its own stylesheet, no script";
  auto xlsx = get("/rapporter/ehalsa-2021/ehalsa-2021-report.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << "a zip container";
  EXPECT_NE(get("/rapporter/ehalsa-2021?lang=en").body.find("Every table in one file"), std::string::npos);
  for (const char* t : {"/rapporter/ehalsa-2021/T21.csv", "/rapporter/ehalsa-2021/ehalsa-2021-report.csv",
                        "/rapporter/ehalsa-2021/ehalsa-2021-report.html"})
    for (const char* v : {"64.2", "64,2"}) EXPECT_EQ(get(t).body.find(v), std::string::npos) << t << " shows " << v;

  now = "2027-04-02T08:00:00Z";  // the revision's moment: the report follows it
  EXPECT_NE(get("/rapporter/ehalsa-2021/T21.csv").body.find("64.2"), std::string::npos);
  EXPECT_NE(get("/rapporter/ehalsa-2021").body.find("(Revision 2)"), std::string::npos);
}

TEST_F(PublicationCalendar, AReportFileThatDoesNotExistIsNotFound) {
  store->stats().publish_run(revision(63.5, 81.3, 181), "2027-03-15T08:30:00Z");
  for (const char* t :
       {"/rapporter/ehalsa-2021/T99.csv", "/rapporter/ehalsa-2021/T21.pdf",
        "/rapporter/ehalsa-2021/..%2F..%2Fetc%2Fpasswd.csv", "/rapporter/nosuch/T21.csv", "/rapporter/nosuch"})
    EXPECT_EQ(get(t).status, 404) << t;
}
