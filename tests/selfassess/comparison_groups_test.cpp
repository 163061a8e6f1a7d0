// Comparison groups on the results page and the administrator's aggregates go through the
// statistics engine's disclosure control (instruments/disclosure.yaml, default profile 'standard':
// at least 3 organisations per group, with complementary suppression).
#include <gtest/gtest.h>

#include "selfassess/engine.h"
#include "storage/registry_store.h"
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

std::string results_of(WebEnv& env, const std::string& org) {
  env.sign_in("respondent", org);
  auto list = env.store->selfassess().list_for_org(org);
  auto page = env.call("GET", "/sjalvskattning/bedomning/" + std::to_string(list[0].id) + "/resultat");
  EXPECT_EQ(page.status, 200);
  return page.body;
}

nlohmann::json aggregates(WebEnv& env) {
  env.sign_in("admin");
  auto r = env.call("GET", "/api/v1/selfassessment/aggregates?instrument=mognad-2025");
  EXPECT_EQ(r.status, 200) << r.body;
  return nlohmann::json::parse(r.body);
}

const nlohmann::json* find_group(const nlohmann::json& j, const std::string& kind, const std::string& id) {
  for (const auto& g : j["data"])
    if (g["kind"] == kind && g["id"] == id) return &g;
  return nullptr;
}

// Three large municipalities in Stockholm county rated Uppnådd, three small ones in Uppsala
// county rated Planerad: every group has 3 members.
class Groups : public ::testing::Test {
 protected:
  WebEnv env;
  void SetUp() override {
    ASSERT_EQ(disclosure_profile().min_n, 3);
    for (const char* c : {"0180", "0114", "0115"}) env.add_org(c, std::string("Kommun ") + c, "01", 100000);
    for (const char* c : {"0305", "0319", "0330"}) env.add_org(c, std::string("Kommun ") + c, "03", 12000);
    for (const char* c : {"0180", "0114", "0115"}) completed_assessment(env, c, "uppnadd");
    for (const char* c : {"0305", "0319", "0330"}) completed_assessment(env, c, "planerad");
  }
};

TEST_F(Groups, ResultsShowNationalCountyAndSizeGroupMeansAsValues) {
  auto body = results_of(env, "0305");
  // National: (3*100 + 3*25) / 6 = 62.5 -> 63; Uppsala county and size group 0-15 000: 25.
  EXPECT_NE(body.find("<th scope=\"row\">Riket</th><td class=\"num\">6</td><td class=\"num\">63</td>"),
            std::string::npos);
  EXPECT_NE(body.find("<th scope=\"row\">Länet (Uppsala län)</th><td class=\"num\">3</td><td class=\"num\">25</td>"),
            std::string::npos);
  EXPECT_NE(
      body.find("<th scope=\"row\">Storleksgrupp (0–15 000)</th><td class=\"num\">3</td><td class=\"num\">25</td>"),
      std::string::npos);
  EXPECT_EQ(body.find("visas inte"), std::string::npos);
}

TEST_F(Groups, DistributionPerIndicatorComesFromTheEngine) {
  env.sign_in("admin");
  auto j = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/distribution?instrument=mognad-2025").body);
  bool seen = false;
  for (const auto& row : j["data"])
    if (row["indicator"] == "ov01")
      for (const auto& g : row["groups"])
        if (g["breakdown"] == "national") {
          seen = true;
          EXPECT_EQ(row["keyfigure"], "SA_OV01");
          EXPECT_EQ(g["n"], 6);
          EXPECT_EQ(g["counts"]["uppnadd"], 3);
          EXPECT_DOUBLE_EQ(g["shares"]["planerad"].get<double>(), 50.0);
        }
  EXPECT_TRUE(seen);
  EXPECT_EQ(env.call("GET", "/sjalvskattning/nationellt").status, 200);
}

// One more municipality, alone in its county and its size group.
class SmallGroup : public Groups {
 protected:
  void SetUp() override {
    Groups::SetUp();
    env.store->registry().upsert_county({"04", "Södermanlands län"});
    env.add_org("0428", "Vingåker", "04", 20000);
    completed_assessment(env, "0428", "paborjad");
  }
};

TEST_F(SmallGroup, GroupBelowMinimumNIsHiddenOnTheResultsPage) {
  auto body = results_of(env, "0428");
  EXPECT_NE(body.find("Länet (Södermanlands län) visas inte: gruppen har 1 självskattningar och minst 3 krävs."),
            std::string::npos);
  EXPECT_NE(body.find("Storleksgrupp (15–30 000) visas inte"), std::string::npos);
}

TEST_F(SmallGroup, ComplementarySuppressionLeavesNoWayToWorkOutTheSmallGroup) {
  auto j = aggregates(env);
  const auto* small = find_group(j, "county", "04");
  ASSERT_TRUE(small);
  EXPECT_EQ((*small)["marker"], "suppressed");
  EXPECT_TRUE((*small)["values"].is_null());
  // Were the nation and both other counties shown, Södermanland's mean would follow from them.
  int shown = 0;
  for (auto [kind, id] : {std::pair{"national", "total"}, {"county", "01"}, {"county", "03"}}) {
    const auto* g = find_group(j, kind, id);
    ASSERT_TRUE(g);
    shown += !g->contains("marker");
  }
  EXPECT_LT(shown, 3);
  env.sign_in("respondent", "0180");
  EXPECT_EQ(env.call("GET", "/api/v1/selfassessment/aggregates").status, 403);
}

}  // namespace
}  // namespace dp::selfassess
