// Comparison groups on the results page and in the administrator's API: groups with fewer than
// the minimum n of assessments are hidden (min_n = 5 in data/selfassess/rules.yaml).
#include <gtest/gtest.h>

#include "selfassess/rules.h"
#include "storage/selfassess_store.h"
#include "web_env.h"

namespace dp::selfassess {
namespace {

using testing::WebEnv;

void completed_assessment(WebEnv& env, const std::string& org, const std::string& rating) {
  env.sign_in("respondent", org);
  auto r = env.call("POST", "/sjalvskattning/kommun/" + org, {{"year", "2025"}});
  ASSERT_EQ(r.status, 303);
  std::string base = r.header("Location");
  env.call("POST", base + "/workshop/ov01", {{"rating", rating}});
  env.call("POST", base + "/installningar", {{"status", "completed"}});
}

class Groups : public ::testing::Test {
 protected:
  WebEnv env;
  void SetUp() override {
    ASSERT_EQ(bundled_rules().min_n, 5);
    // Five in Stockholm county (all 70 001 or more), one in Uppsala county (0-15 000).
    const char* stockholm[] = {"0180", "0114", "0115", "0117", "0120"};
    for (const char* c : stockholm) env.add_org(c, std::string("Kommun ") + c, "01", 100000);
    env.add_org("0305", "Håbo", "03", 12000);
    for (const char* c : stockholm) completed_assessment(env, c, "uppnadd");
    completed_assessment(env, "0305", "planerad");
  }
};

TEST_F(Groups, ResultsShowGroupsAtMinimumNAndHideSmallerOnes) {
  env.sign_in("respondent", "0305");
  auto list = env.store->selfassess().list_for_org("0305");
  auto page = env.call("GET", "/sjalvskattning/bedomning/" + std::to_string(list[0].id) + "/resultat");
  ASSERT_EQ(page.status, 200);
  // National: 6 assessments, mean of ov01 = (5*100 + 25) / 6 = 87.5 -> 88.
  EXPECT_NE(page.body.find("<td class=\"num\">6</td><td class=\"num\">88</td>"), std::string::npos);
  EXPECT_NE(page.body.find("Länet (Uppsala län) visas inte: gruppen har 1 självskattningar"), std::string::npos);
  EXPECT_NE(page.body.find("Storleksgrupp (0–15 000) visas inte"), std::string::npos);
}

TEST_F(Groups, CountyWithMinimumNIsShownToItsMembers) {
  env.sign_in("respondent", "0180");
  auto list = env.store->selfassess().list_for_org("0180");
  auto page = env.call("GET", "/sjalvskattning/bedomning/" + std::to_string(list[0].id) + "/resultat");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<th scope=\"row\">Länet (Stockholms län)</th><td class=\"num\">5</td><td class=\"num\">100</td>"),
            std::string::npos);
}

TEST_F(Groups, AdministratorsAggregatesSuppressSmallGroups) {
  env.sign_in("admin");
  auto r = env.call("GET", "/api/v1/selfassessment/aggregates?instrument=mognad-2025");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = nlohmann::json::parse(r.body);
  bool saw_small = false, saw_national = false;
  for (const auto& g : j["data"]) {
    if (g["kind"] == "county" && g["id"] == "03") {
      saw_small = true;
      EXPECT_EQ(g["marker"], "suppressed");
      EXPECT_TRUE(g["values"].is_null());
    }
    if (g["kind"] == "national") {
      saw_national = true;
      EXPECT_EQ(g["values"]["overall"], 88);
    }
  }
  EXPECT_TRUE(saw_small && saw_national);
  env.sign_in("respondent", "0180");
  EXPECT_EQ(env.call("GET", "/api/v1/selfassessment/aggregates").status, 403);
}

TEST_F(Groups, DistributionPerIndicatorCountsAgreedRatings) {
  env.sign_in("admin");
  auto j = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/distribution?instrument=mognad-2025").body);
  for (const auto& row : j["data"])
    if (row["indicator"] == "ov01") {
      EXPECT_EQ(row["counts"]["uppnadd"], 5);
      EXPECT_EQ(row["counts"]["planerad"], 1);
    }
  EXPECT_EQ(env.call("GET", "/sjalvskattning/nationellt").status, 200);
}

}  // namespace
}  // namespace dp::selfassess
