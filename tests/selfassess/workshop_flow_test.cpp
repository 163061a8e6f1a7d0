// The self-assessment through its web routes: start, invite, rate, agree, results, plan, export,
// publication; access, bad input and all-or-nothing writes.
#include <gtest/gtest.h>
#include <regex>

#include "storage/mail_store.h"
#include "storage/selfassess_store.h"
#include "web_env.h"

namespace dp::selfassess {
namespace {

using testing::WebEnv;

std::string token_of(const web::Response& r) {
  std::smatch m;
  static const std::regex link(R"(/sjalvskattning/delta/([A-Za-z0-9_-]+))");
  if (!std::regex_search(r.body, m, link)) return "";
  return m[1];
}

int64_t start(WebEnv& env, const std::string& org, const std::string& year = "2025") {
  auto r = env.call("POST", "/sjalvskattning/kommun/" + org, {{"year", year}});
  EXPECT_EQ(r.status, 303) << r.body;
  auto loc = r.header("Location");
  return std::stoll(loc.substr(loc.rfind('/') + 1));
}

class Workshop : public ::testing::Test {
 protected:
  WebEnv env;
  void SetUp() override {
    env.add_org("0180", "Stockholm", "01", 980000);
    env.add_org("0114", "Upplands Väsby", "01", 47000);
    env.sign_in("respondent", "0180");
  }
};

TEST_F(Workshop, ParticipantsRateFacilitatorSeesSpreadAndRecordsConsensus) {
  int64_t id = start(env, "0180");
  std::string base = "/sjalvskattning/bedomning/" + std::to_string(id);
  std::vector<std::string> tokens;
  for (auto [name, email] :
       {std::pair{"Anna", "anna@example.se"}, {"Bo", "bo@example.se"}, {"Cecilia", "c@example.se"}}) {
    auto r = env.call("POST", base + "/deltagare", {{"name", name}, {"email", email}});
    ASSERT_EQ(r.status, 200) << r.body;
    tokens.push_back(token_of(r));
    ASSERT_FALSE(tokens.back().empty());
  }
  // Each invitation is in the outbox with the personal link.
  auto mails = env.store->mail().list({});
  ASSERT_EQ(mails.size(), 3u);
  for (const auto& m : mails) {
    EXPECT_EQ(m.kind, "selfassess_invitation");
    EXPECT_NE(m.body_text.find("/sjalvskattning/delta/"), std::string::npos);
  }
  env.sign_out();
  const char* ratings[] = {"uppnadd", "planerad", "paborjad"};
  for (int i = 0; i < 3; ++i) {
    auto r = env.call("POST", "/sjalvskattning/delta/" + tokens[i],
                      {{"r_ov01", ratings[i]}, {"c_ov01", "kommentar " + std::to_string(i)}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  env.sign_in("respondent", "0180");
  auto w = env.call("GET", base + "/workshop");
  ASSERT_EQ(w.status, 200);
  EXPECT_NE(w.body.find("sa-disagree"), std::string::npos) << "100 vs 25 points is a wide spread";
  EXPECT_NE(w.body.find("kommentar 1"), std::string::npos);

  auto a = env.call(
      "POST", base + "/workshop/ov01",
      {{"rating", "paborjad"}, {"comment", "Enades om påbörjad"}, {"evidence_url", "https://intra.example.se/plan"}});
  ASSERT_EQ(a.status, 303) << a.body;
  auto agreed = env.store->selfassess().agreed(id);
  ASSERT_EQ(agreed.size(), 1u);
  EXPECT_EQ(agreed[0].rating, "paborjad");
  EXPECT_EQ(agreed[0].evidence_url, "https://intra.example.se/plan");

  // An agreed rating without a comment shows no dangling separator.
  env.call("POST", base + "/workshop/ov02", {{"rating", "planerad"}});
  auto again = env.call("GET", base + "/workshop");
  EXPECT_NE(again.body.find("Överenskommen: Planerad</p>"), std::string::npos);
  EXPECT_NE(again.body.find("Överenskommen: Påbörjad – Enades om påbörjad</p>"), std::string::npos);

  auto res = env.call("GET", base + "/resultat");
  ASSERT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("<svg class=\"sa-radar\""), std::string::npos);
  // ov01 Påbörjad (weight 3, 50) and ov02 Planerad (weight 3, 25): (150 + 75) / 6 = 37.5 -> 38.
  EXPECT_NE(res.body.find("<strong class=\"sa-score-value\">38</strong>"), std::string::npos);
}

TEST_F(Workshop, RegisterValueGivesTheRatingThroughTheBands) {
  int64_t id = start(env, "0180");
  auto r = env.call("POST", "/sjalvskattning/bedomning/" + std::to_string(id) + "/workshop/al02",
                    {{"register_value", "100"}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto agreed = env.store->selfassess().agreed(id);
  ASSERT_EQ(agreed.size(), 1u);
  EXPECT_EQ(agreed[0].rating, "uppnadd");
  EXPECT_EQ(agreed[0].source, "register");
  EXPECT_DOUBLE_EQ(*agreed[0].register_value, 100);
}

TEST_F(Workshop, BadInputIsA4xxNamingTheFieldAndWritesNothing) {
  int64_t id = start(env, "0180");
  std::string base = "/sjalvskattning/bedomning/" + std::to_string(id);
  auto r = env.call("POST", base + "/workshop/ov01", {{"rating", "kanske"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("rating"), std::string::npos);
  EXPECT_EQ(env.call("POST", base + "/workshop/ov01", {{"rating", "uppnadd"}, {"evidence_url", "javascript:alert(1)"}})
                .status,
            400);
  EXPECT_EQ(env.call("POST", base + "/workshop/ov02", {{"register_value", "50"}}).status, 400)
      << "ov02 has no register bands";
  EXPECT_EQ(env.call("POST", base + "/workshop/ov01", {{"register_value", "many"}}).status, 400);
  EXPECT_TRUE(env.store->selfassess().agreed(id).empty());

  auto inv = env.call("POST", base + "/deltagare", {{"name", "Dora"}, {"email", "not-an-address"}});
  EXPECT_EQ(inv.status, 400);
  EXPECT_NE(inv.body.find("email"), std::string::npos);

  auto ok = env.call("POST", base + "/deltagare", {{"name", "Dora"}, {"email", "dora@example.se"}});
  std::string token = token_of(ok);
  env.sign_out();
  // One valid and one invalid rating: nothing is stored.
  auto bad = env.call("POST", "/sjalvskattning/delta/" + token, {{"r_ov01", "uppnadd"}, {"r_ov02", "jättebra"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("r_ov02"), std::string::npos);
  EXPECT_TRUE(env.store->selfassess().individual(id).empty());
  EXPECT_EQ(env.call("GET", "/sjalvskattning/delta/unknown-token-000000000").status, 404);
}

TEST_F(Workshop, OneAssessmentPerYearAndPart) {
  start(env, "0180");
  EXPECT_EQ(env.call("POST", "/sjalvskattning/kommun/0180", {{"year", "2025"}}).status, 409);
  EXPECT_EQ(env.call("POST", "/sjalvskattning/kommun/0180", {{"year", "2025"}, {"part", "Äldreomsorgen"}}).status, 303);
  EXPECT_EQ(env.call("POST", "/sjalvskattning/kommun/0180", {{"year", "1999"}}).status, 400);
}

TEST_F(Workshop, OtherMunicipalitiesCannotReadOrWrite) {
  int64_t id = start(env, "0180");
  std::string base = "/sjalvskattning/bedomning/" + std::to_string(id);
  env.sign_in("respondent", "0114");
  EXPECT_EQ(env.call("GET", base).status, 403);
  EXPECT_EQ(env.call("GET", base + "/resultat").status, 403);
  EXPECT_EQ(env.call("POST", base + "/workshop/ov01", {{"rating", "uppnadd"}}).status, 403);
  EXPECT_EQ(env.call("POST", "/sjalvskattning/kommun/0180", {{"year", "2025"}, {"part", "x"}}).status, 403);
  env.sign_out();
  EXPECT_EQ(env.call("GET", base).status, 303) << "visitors are sent to sign in";
}

TEST_F(Workshop, ActionPlanIsGeneratedEditedAndFollowedUpNextYear) {
  int64_t id = start(env, "0180");
  std::string base = "/sjalvskattning/bedomning/" + std::to_string(id);
  env.call("POST", base + "/workshop/ov01", {{"rating", "planerad"}});     // weight 3, gap 75: 225
  env.call("POST", base + "/workshop/ov02", {{"rating", "ej_planerad"}});  // weight 3, gap 100: 300
  env.call("POST", base + "/workshop/ov03", {{"rating", "uppnadd"}});
  env.call("POST", base + "/workshop/ov04", {{"rating", "ej_relevant"}});
  ASSERT_EQ(env.call("POST", base + "/handlingsplan", {{"level", "nastan"}}).status, 303);
  auto plan = env.store->selfassess().plan(id);
  ASSERT_EQ(plan.size(), 4u);  // ov02's two measures, then ov01's two
  EXPECT_EQ(plan[0].indicator, "ov02");
  EXPECT_EQ(plan[2].indicator, "ov01");

  auto e = env.call(
      "POST", base + "/handlingsplan/" + std::to_string(plan[0].id),
      {{"owner", "Socialchefen"}, {"due_date", "2025-12-31"}, {"status", "in_progress"}, {"comment", "Budget äskad"}});
  ASSERT_EQ(e.status, 303) << e.body;
  EXPECT_EQ(env.call("POST", base + "/handlingsplan/" + std::to_string(plan[0].id), {{"due_date", "31/12"}}).status,
            400);
  // Regenerating keeps the edits of items proposed again.
  env.call("POST", base + "/handlingsplan", {{"level", "uppnadd"}});
  plan = env.store->selfassess().plan(id);
  EXPECT_EQ(plan[0].owner, "Socialchefen");
  EXPECT_EQ(plan[0].status, PlanStatus::InProgress);

  auto x = env.call("GET", base + "/export.xlsx");
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");

  // Next year's assessment shows last year's plan and records what was done.
  int64_t next = start(env, "0180", "2026");
  std::string nbase = "/sjalvskattning/bedomning/" + std::to_string(next);
  auto page = env.call("GET", nbase + "/handlingsplan");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Budget äskad"), std::string::npos);
  auto f = env.call("POST", nbase + "/uppfoljning/" + std::to_string(plan[0].id),
                    {{"status", "done"}, {"followup", "Strateg anställd"}});
  ASSERT_EQ(f.status, 303) << f.body;
  EXPECT_EQ(env.store->selfassess().plan(id)[0].followup, "Strateg anställd");
  EXPECT_EQ(env.store->selfassess().plan(id)[0].status, PlanStatus::Done);
}

TEST_F(Workshop, NothingUnpublishedAppearsPublicly) {
  int64_t id = start(env, "0180");
  std::string base = "/sjalvskattning/bedomning/" + std::to_string(id);
  env.call("POST", base + "/workshop/ov01", {{"rating", "uppnadd"}, {"comment", "HEMLIG KOMMENTAR"}});
  env.call("POST", base + "/installningar", {{"status", "completed"}});
  env.sign_out();
  EXPECT_EQ(env.call("GET", "/sjalvskattning/publicerat/0180").status, 404);
  EXPECT_EQ(env.call("GET", "/embed/sjalvskattning/0180").status, 404);
  auto api = env.call("GET", "/api/v1/selfassessment/municipalities/0180");
  EXPECT_EQ(api.status, 200);
  EXPECT_EQ(nlohmann::json::parse(api.body)["data"].size(), 0u);

  env.sign_in("respondent", "0180");
  env.call("POST", base + "/installningar", {{"publication", "1"}, {"publish_overall", "1"}});
  env.sign_out();
  auto pub = env.call("GET", "/sjalvskattning/publicerat/0180");
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.body.find("HEMLIG KOMMENTAR"), std::string::npos);
  EXPECT_EQ(pub.body.find("chart-target_group"), std::string::npos) << "target groups were not chosen for publication";
  auto embed = env.call("GET", "/embed/sjalvskattning/0180");
  ASSERT_EQ(embed.status, 200);
  EXPECT_EQ(embed.header("X-Frame-Options"), "");
  auto j = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/municipalities/0180").body);
  ASSERT_EQ(j["data"].size(), 1u);
  EXPECT_EQ(j["data"][0]["overall"], 100);
  EXPECT_FALSE(j["data"][0].contains("target_groups"));
}

}  // namespace
}  // namespace dp::selfassess
