// The admin page "Instruments" through HTTP against the real server: an uploaded version is
// checked with every problem positioned, previewed as the form, imported without a restart, and
// two versions are compared.
#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/versions.h"
#include "support/site.h"

using namespace dp;
using test::Http;

namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class InstrumentAdmin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site = new test::Site(); }
  static void TearDownTestSuite() {
    delete site;
    site = nullptr;
  }
  static test::Site* site;
  std::string next_ = instrument::next_version(source("instruments/ehalsa-2022.yaml"), "ehalsa-2022.yaml", 2023).yaml;
};
test::Site* InstrumentAdmin::site = nullptr;

TEST_F(InstrumentAdmin, ABrokenLineageIsShownWithItsPositionAndCannotBeImported) {
  Http admin = site->signed_in("admin@test.se", "127.0.5.1");
  std::string bad = next_;
  auto at = bad.find("continues: {id: q05, comparability: same}");
  ASSERT_NE(at, std::string::npos);
  int line = 1 + static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<long>(at), '\n'));
  bad.replace(at, 41, "continues: {id: q99, comparability: same}");
  auto r = admin.post_multipart("/admin/instruments/check", {{"_csrf", admin.csrf}},
                                {{"instrument", "ehalsa-2023.yaml", bad}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("ehalsa-2023.yaml:" + std::to_string(line) + ":"), std::string::npos) << r.body.substr(0, 3000);
  EXPECT_NE(r.body.find("I018"), std::string::npos);
  EXPECT_EQ(r.body.find("action=\"/admin/instruments/import\""), std::string::npos)
      << "no import of a file with errors";
  auto forced =
      admin.post_form("/admin/instruments/import",
                      {{"_csrf", admin.csrf}, {"instrument_name", "ehalsa-2023.yaml"}, {"instrument_text", bad}});
  EXPECT_EQ(forced.status, 422);
  EXPECT_EQ(admin.get("/admin/instruments").body.find("ehalsa-2023"), std::string::npos);
  auto none = admin.post_multipart("/admin/instruments/check", {{"_csrf", admin.csrf}}, {});
  EXPECT_EQ(none.status, 422);
}

TEST_F(InstrumentAdmin, AValidVersionIsPreviewedAsTheFormAndImportedOnce) {
  Http admin = site->signed_in("admin@test.se", "127.0.5.2");
  auto r = admin.post_multipart("/admin/instruments/check", {{"_csrf", admin.csrf}},
                                {{"instrument", "ehalsa-2023.yaml", next_}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 3000);
  EXPECT_NE(r.body.find("Har kommunen styrande dokument"), std::string::npos) << "the preview shows the questions";
  EXPECT_NE(r.body.find("type=\"radio\""), std::string::npos);
  EXPECT_NE(r.body.find("action=\"/admin/instruments/import\""), std::string::npos);
  auto imported =
      admin.post_form("/admin/instruments/import",
                      {{"_csrf", admin.csrf}, {"instrument_name", "ehalsa-2023.yaml"}, {"instrument_text", next_}});
  EXPECT_EQ(imported.status, 303) << imported.body.substr(0, 2000);
  EXPECT_NE(imported.location.find("imported=ehalsa-2023"), std::string::npos);
  auto list = admin.get("/admin/instruments?imported=ehalsa-2023");
  EXPECT_NE(list.body.find("ehalsa-2023"), std::string::npos);
  // The same file again changes nothing; other content under the id is refused.
  auto again =
      admin.post_form("/admin/instruments/import",
                      {{"_csrf", admin.csrf}, {"instrument_name", "ehalsa-2023.yaml"}, {"instrument_text", next_}});
  EXPECT_EQ(again.status, 303);
  std::string other = next_;
  other.replace(other.find("Har kommunen styrande"), 21, "Har kommunen antagna styrande");
  auto conflict =
      admin.post_form("/admin/instruments/import",
                      {{"_csrf", admin.csrf}, {"instrument_name", "ehalsa-2023.yaml"}, {"instrument_text", other}});
  EXPECT_EQ(conflict.status, 422);
  EXPECT_NE(conflict.body.find("already holds ehalsa-2023"), std::string::npos) << conflict.body.substr(0, 3000);
}

TEST_F(InstrumentAdmin, TheDiffPageListsWhatChangedBetweenTwoStoredVersions) {
  Http admin = site->signed_in("admin@test.se", "127.0.5.3");
  auto r = admin.get("/admin/instruments/diff?a=ehalsa-2021&b=ehalsa-2022");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<th scope=\"row\">q32</th><td>ny</td>"), std::string::npos) << r.body.substr(0, 4000);
  EXPECT_NE(r.body.find("<th scope=\"row\">q11</th><td>borttagen</td>"), std::string::npos);
  EXPECT_NE(r.body.find("<th scope=\"row\">q12c</th><td>ny frågetyp</td>"), std::string::npos);
  EXPECT_EQ(admin.get("/admin/instruments/diff?a=ehalsa-2021&b=nosuch").status, 404);
}

TEST_F(InstrumentAdmin, OnlyAnAdministratorReachesThePage) {
  Http coordinator = site->signed_in("vg@lan.se", "127.0.5.4");
  EXPECT_EQ(coordinator.get("/admin/instruments").status, 403);
  Http respondent = site->signed_in("anna@ale.se", "127.0.5.5");
  EXPECT_EQ(
      respondent
          .post_multipart("/admin/instruments/check", {{"_csrf", respondent.csrf}}, {{"instrument", "x.yaml", next_}})
          .status,
      403);
}

}  // namespace
