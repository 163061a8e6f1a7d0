// A municipality's answers on its public page (publish/municipality_answers.h) come from the
// published revision only, and only when that revision's disclosure profile publishes
// organisation-level values: a response reopened and corrected after publication changes nothing
// public until a new revision is published.
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "figures/compute_run.h"
#include "publish/routes.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"
#include "web/app.h"
#include "web/server.h"

namespace dp::publish {
namespace {

using instrument::Value;

class MunicipalityAnswers : public ::testing::Test {
 protected:
  std::string db_path;
  std::unique_ptr<storage::Store> store;

  void SetUp() override {
    db_path =
        (std::filesystem::temp_directory_path() / ("muni-answers-" + std::to_string(::getpid()) + ".db")).string();
    remove_db();
    std::string cmd = std::string(DIGIPULS_BINARY) + " init --db " + db_path + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    store = storage::open_sqlite(db_path, {.create = false});
    // A campaign of a few municipalities keeps the organisation-level figures (and the test) small.
    auto scope = store->campaigns().scope(campaign());
    std::erase_if(scope, [](const storage::CampaignOrg& o) { return o.org_code > "0120"; });
    store->campaigns().set_scope(campaign(), scope);
  }
  void TearDown() override {
    store.reset();
    remove_db();
  }
  void remove_db() {
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + ext);
  }

  int64_t campaign() { return store->campaigns().find("ehalsa-2021")->id; }

  // q04 of Upplands Väsby: "alla" reads «Ja, alla objekt», "delar" «Ja, delar av objekten».
  void answer_q04(const std::string& code, const std::string& status) {
    auto resp = store->responses().get_or_create(campaign(), "0114");
    store->responses().replace(resp.id, {{"q03", Value::code("nej")}, {"q04", Value::code(code)}},
                               parse_response_status(status), 0, "import", "");
  }

  storage::StatRun compute(const std::string& profile, const std::string& note = "") {
    figures::ComputeRequest req;
    req.campaign = "ehalsa-2021";
    req.profile = profile;
    req.note = note;
    auto out = figures::compute_campaign(*store, req);
    EXPECT_TRUE(out.stored);
    return out.run;
  }

  // The section "Kommunens publicerade svar" of the page, as a freshly started server shows it
  // (no cached page from an earlier request). The key-figure tables above it carry option
  // labels too.
  std::string page() {
    web::Config wc;
    web::App app(wc);
    register_public_routes(app, *store, {});
    web::Request req;
    req.method = "GET";
    req.target = "/kommuner/0114";
    req.remote_ip = "10.0.0.1";
    EXPECT_TRUE(web::build_request(req, ""));
    auto res = app.handle(req);
    EXPECT_EQ(res.status, 200);
    std::string html = res.shared_body ? *res.shared_body : res.body;
    auto start = html.find("<section aria-labelledby=\"answers-h\">");
    EXPECT_NE(start, std::string::npos);
    return html.substr(start, html.find("</section>", start) - start);
  }
};

const char* kAll = "Ja, alla objekt";
const char* kSome = "Ja, delar av objekten";

TEST_F(MunicipalityAnswers, ACorrectedResponseShowsOnlyOnceANewRevisionIsPublished) {
  answer_q04("alla", "submitted");
  store->stats().publish_run(compute("reproduce-2021").id);
  auto before = page();
  EXPECT_NE(before.find(kAll), std::string::npos);

  // Reopened, corrected, submitted again: the published revision still says what it said.
  auto resp = store->responses().get_or_create(campaign(), "0114");
  store->responses().set_status(resp.id, ResponseStatus::Reopened, 0, "reopen", "q04 corrected");
  answer_q04("delar", "submitted");
  auto after_edit = page();
  EXPECT_NE(after_edit.find(kAll), std::string::npos);
  EXPECT_EQ(after_edit.find(kSome), std::string::npos) << "a live answer reached the public page";

  // Computed, not yet published: still the published answer.
  auto second = compute("reproduce-2021", "q04 of 0114 corrected");
  EXPECT_EQ(page().find(kSome), std::string::npos);

  store->stats().publish_run(second.id);
  auto published = page();
  EXPECT_NE(published.find(kSome), std::string::npos);
  EXPECT_EQ(published.find(kAll), std::string::npos);
}

TEST_F(MunicipalityAnswers, NoAnswersWhenThePublishedProfileWithholdsSingleOrganisations) {
  answer_q04("alla", "submitted");
  store->stats().publish_run(compute("standard").id);
  EXPECT_EQ(page().find(kAll), std::string::npos);
}

TEST_F(MunicipalityAnswers, ARevisionStoredWithoutItsAnswersGetsThemWhenRecomputedUnchanged) {
  answer_q04("alla", "submitted");
  auto run = compute("reproduce-2021");
  store->stats().publish_run(run.id);
  {  // as a revision computed before answers were kept with revisions
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM stat_run_answers");
  }
  EXPECT_EQ(page().find(kAll), std::string::npos);
  figures::ComputeRequest req;
  req.campaign = "ehalsa-2021";
  req.profile = "reproduce-2021";
  auto again = figures::compute_campaign(*store, req);
  EXPECT_FALSE(again.stored);  // the same input: no new revision
  EXPECT_NE(page().find(kAll), std::string::npos);
}

}  // namespace
}  // namespace dp::publish
