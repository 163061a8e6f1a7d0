// Personal data in collection (collection/privacy.h): the retention periods a config file sets,
// the cutoffs they give, and the erasure of an account by an administrator; over HTTP, the privacy
// notice (public, linked from every page and the sign-in page, stating the periods in force) and
// the administrator's erasure of an account.
#include "collection/privacy.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fstream>
#include <gtest/gtest.h>

#include "collection/field_error.h"
#include "core/error.h"
#include "storage/privacy_store.h"
#include "storage/user_store.h"
#include "support/site.h"

using namespace dp;

namespace {

std::string write_config(const test::ScopedDir& dir, const std::string& text) {
  auto path = (dir.path / "digipuls.yaml").string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(Retention, ConfigFileSetsThePeriodsAndZeroKeeps) {
  test::ScopedDir dir{"retention"};
  auto p = collection::load_retention(
      write_config(dir, "mail:\n  smtp_url: smtp://127.0.0.1:25\nretention:\n  session_days: 7\n  audit_days: 0\n"));
  EXPECT_EQ(p.session_days, 7);
  EXPECT_EQ(p.audit_days, 0);
  EXPECT_EQ(p.removed_account_days, collection::RetentionPolicy{}.removed_account_days);
  auto c = collection::cutoffs(p, "2027-03-08T12:00:00Z");
  EXPECT_EQ(c.sessions, "2027-03-01T12:00:00Z");
  EXPECT_EQ(c.audit, "");  // kept
  EXPECT_EQ(c.removed_accounts, "2026-03-08T12:00:00Z");
}

TEST(Retention, ABadKeyOrValueNamesTheFileAndTheKey) {
  test::ScopedDir dir{"retention"};
  for (const char* bad : {"retention:\n  sessions: 7\n", "retention:\n  session_days: -1\n",
                          "retention:\n  session_days: soon\n", "retention: 30\n"}) {
    try {
      collection::load_retention(write_config(dir, bad));
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_NE(std::string(e.what()).find("digipuls.yaml"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("retention"), std::string::npos) << e.what();
    }
  }
}

class PrivacyOverHttp : public ::testing::Test {
 protected:
  static test::Site* site;
  static void SetUpTestSuite() { site = new test::Site(); }
  static void TearDownTestSuite() {
    delete site;
    site = nullptr;
  }
};
test::Site* PrivacyOverHttp::site = nullptr;

TEST_F(PrivacyOverHttp, TheNoticeIsPublicStatesTheRetentionPeriodsAndIsLinkedFromEveryPageAndTheSignIn) {
  auto visitor = site->client();
  auto sv = visitor.get("/integritet");
  EXPECT_EQ(sv.status, 200);
  EXPECT_NE(sv.body.find("<h1>Integritet och personuppgifter</h1>"), std::string::npos);
  EXPECT_NE(sv.body.find("30 dagar efter att de har gått ut"), std::string::npos);
  EXPECT_NE(sv.body.find("1 år efter att det togs bort"), std::string::npos);
  auto en = visitor.get("/integritet?lang=en");
  EXPECT_NE(en.body.find("<h1>Privacy and personal data</h1>"), std::string::npos);
  EXPECT_NE(en.body.find("30 days after they expired"), std::string::npos);
  EXPECT_NE(en.body.find("10 years"), std::string::npos);
  for (const char* page : {"/login", "/kommuner", "/integritet"})
    EXPECT_NE(visitor.get(page).body.find("<a href=\"/integritet\">"), std::string::npos) << page;
  EXPECT_NE(site->client().get("/login").body.find("Så behandlar vi dina personuppgifter"), std::string::npos);
}

TEST_F(PrivacyOverHttp, AnAdministratorErasesAnAccountAfterConfirmingAndNotTheirOwn) {
  auto admin = site->signed_in("admin@test.se");
  auto confirm = admin.get("/admin/users/" + std::to_string(site->spare_user) + "/erase");
  EXPECT_EQ(confirm.status, 200);
  EXPECT_NE(confirm.body.find("spare@test.se"), std::string::npos);
  auto done = admin.post_form("/admin/users/" + std::to_string(site->spare_user) + "/erase", {{"_csrf", admin.csrf}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.location, "/admin/users?removed=1&done=erased");
  auto list = admin.get(done.location);
  EXPECT_NE(list.body.find("Raderat"), std::string::npos);
  EXPECT_EQ(list.body.find("spare@test.se"), std::string::npos);
  {
    SQLite::Database db(site->db);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM users WHERE email = 'spare@test.se'").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM events WHERE action = 'user_erase'").getInt(), 1);
  }
  // Signing in as the erased account fails like any unknown address.
  auto spare = site->client();
  spare.get("/login");
  auto r = spare.post_form(
      "/login", {{"_csrf", spare.cookies["dp_csrf"]}, {"email", "spare@test.se"}, {"password", test::Site::kPassword}});
  EXPECT_NE(r.status, 303);

  auto me = storage::open_sqlite(site->db, {.create = false})->users().find_by_email("admin@test.se");
  ASSERT_TRUE(me);
  auto self = admin.post_form("/admin/users/" + std::to_string(me->id) + "/erase", {{"_csrf", admin.csrf}});
  EXPECT_EQ(self.status, 422);
  EXPECT_NE(self.body.find("Du kan inte radera ditt eget konto."), std::string::npos);
}
