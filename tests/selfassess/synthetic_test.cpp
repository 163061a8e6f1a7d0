// Synthetic self-assessments for the demo (selfassess/synthetic.h, `digipuls selfassess generate`):
// deterministic for a seed, idempotent, comparison groups reaching the minimum n, scores and plans
// the tool's own, a published subset on the public pages, and nothing written for bad input.
#include "selfassess/synthetic.h"

#include <cmath>
#include <gtest/gtest.h>

#include "core/error.h"
#include "selfassess/action_plan.h"
#include "selfassess/context.h"
#include "selfassess/engine.h"
#include "storage/registry_store.h"
#include "storage/selfassess_store.h"
#include "web_env.h"

namespace dp::selfassess {
namespace {

using testing::WebEnv;

// 40 municipalities in two counties, ten in each size group, and one alone in its county (as
// Gotland is): too small a group ever to be shown.
void add_registry(WebEnv& env) {
  const long long sizes[] = {8000, 22000, 45000, 150000};
  for (const char* county : {"01", "03"})
    for (int i = 0; i < 20; ++i) {
      std::string code = std::string(county) + (i < 10 ? "0" : "") + std::to_string(i);
      env.add_org(code, "Kommun " + code, county, sizes[i % 4]);
    }
  env.store->registry().upsert_county({"09", "Gotlands län"});
  env.add_org("0980", "Gotland", "09", 60000);
}

SyntheticOptions options(int year = 2025, uint64_t seed = 7, double share = 0.6) {
  SyntheticOptions o;
  o.year = year;
  o.seed = seed;
  o.share = share;
  return o;
}

// Everything generated, as text: organisation, publication, ratings, the plan with its statuses.
std::vector<std::string> snapshot(storage::Store& store) {
  std::vector<std::string> out;
  for (const auto& a : store.selfassess().list_all()) {
    std::string s = a.org_code + " " + std::to_string(a.year) + " " + to_string(a.status) + " " +
                    std::to_string(a.publish_overall) + std::to_string(a.publish_target_groups) + ":";
    for (const auto& r : store.selfassess().agreed(a.id)) s += " " + r.indicator + "=" + r.rating;
    s += " |";
    for (const auto& p : store.selfassess().plan(a.id))
      s += " " + p.indicator + "." + std::to_string(p.measure_no) + "=" + to_string(p.status) + "@" + p.due_date;
    out.push_back(s);
  }
  return out;
}

class Synthetic : public ::testing::Test {
 protected:
  WebEnv env;
  void SetUp() override { add_registry(env); }
};

TEST_F(Synthetic, Generate_SameSeedGivesTheSameAssessments_AnotherSeedOthers) {
  generate_synthetic(*env.store, options());
  WebEnv same, other;
  add_registry(same);
  add_registry(other);
  generate_synthetic(*same.store, options());
  generate_synthetic(*other.store, options(2025, 8));
  auto a = snapshot(*env.store);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, snapshot(*same.store));
  EXPECT_NE(a, snapshot(*other.store));
}

TEST_F(Synthetic, Generate_SecondRunDoesNothingAndSaysSo) {
  auto first = generate_synthetic(*env.store, options());
  EXPECT_EQ(first.instrument_id, "mognad-2025");
  EXPECT_GT(first.created, 0);
  EXPECT_EQ(first.already, 0);
  auto before = snapshot(*env.store);
  auto second = generate_synthetic(*env.store, options(2025, 99, 1.0));
  EXPECT_EQ(second.already, first.created);
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(snapshot(*env.store), before);
}

TEST_F(Synthetic, Generate_EveryAssessmentIsCompletedAndMarkedSynthetic) {
  generate_synthetic(*env.store, options());
  for (const auto& a : env.store->selfassess().list_all()) {
    EXPECT_EQ(a.status, AssessmentStatus::Completed);
    EXPECT_EQ(a.part, "");
    EXPECT_TRUE(is_synthetic(*env.store, a));
    EXPECT_EQ(env.store->selfassess().agreed(a.id).size(),
              indicators(*load_instrument(*env.store, "mognad-2025")).size());
    for (const auto& r : env.store->selfassess().agreed(a.id)) EXPECT_EQ(r.comment, kSyntheticMark);
    for (const auto& p : env.store->selfassess().plan(a.id)) EXPECT_EQ(p.comment, kSyntheticMark);
  }
}

TEST_F(Synthetic, Generate_NationAndEverySizeGroupAndCountyReachTheMinimumN_EvenForASmallShare) {
  generate_synthetic(*env.store, options(2025, 7, 0.1));
  auto ms = members(*env.store, "mognad-2025", false);
  auto run = run_engine(*env.store, "mognad-2025", ms);
  int size_groups = 0;
  for (const auto& g : run.groups) {
    if (g.breakdown == "county" && g.code == "09") continue;
    EXPECT_FALSE(g.suppressed) << g.breakdown << " " << g.code << " n=" << g.n;
    EXPECT_GE(g.n, run.min_n) << g.breakdown << " " << g.code;
    size_groups += g.breakdown == "size_group";
  }
  EXPECT_EQ(size_groups, 4);
  // Alone in its county, Gotland would be withheld and drag other groups with it.
  EXPECT_TRUE(env.store->selfassess().list_for_org("0980").empty());
}

TEST_F(Synthetic, Generate_ScoresAndPlansAreTheToolsOwnOnTheStoredRatings) {
  generate_synthetic(*env.store, options());
  auto in = load_instrument(*env.store, "mognad-2025");
  const auto& rules = bundled_rules();
  double sum = 0;
  int n = 0;
  for (const auto& a : env.store->selfassess().list_all()) {
    Ratings ratings;
    for (const auto& r : env.store->selfassess().agreed(a.id)) ratings[r.indicator] = r.rating;
    auto res = score(*in, ratings, rules);
    ASSERT_TRUE(res.overall.value);
    sum += *res.overall.value;
    ++n;
    // The plan is the one the tool proposes for those ratings, in its order.
    auto proposed = propose_plan(*in, ratings, a.plan_level);
    auto plan = env.store->selfassess().plan(a.id);
    ASSERT_EQ(plan.size(), proposed.size()) << a.org_code;
    for (size_t i = 0; i < plan.size(); ++i) {
      EXPECT_EQ(plan[i].indicator, proposed[i].indicator);
      EXPECT_EQ(plan[i].measure_no, proposed[i].measure_no);
      EXPECT_DOUBLE_EQ(plan[i].priority, proposed[i].priority);
    }
    if (a.publish_overall) {
      auto j = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/municipalities/" + a.org_code).body);
      ASSERT_EQ(j["data"].size(), 1u);
      EXPECT_EQ(j["data"][0]["overall"], display(*res.overall.value)) << a.org_code;
    }
  }
  env.sign_in("admin");
  auto agg = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/aggregates?instrument=mognad-2025").body);
  bool national = false;
  for (const auto& g : agg["data"])
    if (g["kind"] == "national") {
      national = true;
      EXPECT_EQ(g["n"], n);
      EXPECT_EQ(g["values"]["overall"], display(sum / n));
    }
  EXPECT_TRUE(national);
  EXPECT_EQ(env.call("GET", "/sjalvskattning/nationellt").status, 200);
}

TEST_F(Synthetic, Generate_PublishedSubsetIsOnThePublicPagesAndTheRestIsNot) {
  generate_synthetic(*env.store, options());
  int published = 0, unpublished = 0;
  for (const auto& a : env.store->selfassess().list_all()) {
    auto page = env.call("GET", "/sjalvskattning/publicerat/" + a.org_code);
    auto embed = env.call("GET", "/embed/sjalvskattning/" + a.org_code);
    auto api = nlohmann::json::parse(env.call("GET", "/api/v1/selfassessment/municipalities/" + a.org_code).body);
    if (a.publish_overall) {
      ++published;
      EXPECT_EQ(page.status, 200) << a.org_code;
      EXPECT_EQ(embed.status, 200) << a.org_code;
      ASSERT_EQ(api["data"].size(), 1u);
      EXPECT_EQ(api["data"][0].contains("target_groups"), a.publish_target_groups);
      EXPECT_EQ(page.body.find(kSyntheticMark), std::string::npos) << "comments are never public";
    } else {
      ++unpublished;
      EXPECT_EQ(page.status, 404) << a.org_code;
      EXPECT_EQ(api["data"].size(), 0u);
    }
  }
  EXPECT_GT(published, 0);
  EXPECT_GT(unpublished, 0);
}

TEST_F(Synthetic, Generate_IncludedIsPublishedWithAPartlyDonePlan_FollowedUpByNextYearsAssessment) {
  auto o = options();
  o.include = {"0101"};
  o.exclude = {"0102"};
  generate_synthetic(*env.store, o);
  EXPECT_TRUE(env.store->selfassess().list_for_org("0102").empty());
  auto list = env.store->selfassess().list_for_org("0101");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0].publish_overall);
  EXPECT_TRUE(list[0].publish_target_groups);
  std::map<std::string, int> statuses;
  for (const auto& p : env.store->selfassess().plan(list[0].id)) ++statuses[to_string(p.status)];
  EXPECT_GT(statuses["done"] + statuses["in_progress"], 0);
  EXPECT_GT(statuses["planned"], 0);

  // 2026 leaves 0101 to its respondent, whose new assessment follows up last year's plan.
  auto o26 = options(2026);
  o26.exclude = {"0101"};
  auto out = generate_synthetic(*env.store, o26);
  EXPECT_EQ(out.instrument_id, "mognad-2026");
  EXPECT_GT(out.created, 0);
  env.sign_in("respondent", "0101");
  auto r = env.call("POST", "/sjalvskattning/kommun/0101", {{"year", "2026"}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto plan = env.call("GET", r.header("Location") + "/handlingsplan");
  ASSERT_EQ(plan.status, 200);
  EXPECT_NE(plan.body.find("Uppföljning av förra årets handlingsplan (2025)"), std::string::npos);
}

TEST_F(Synthetic, Generate_LeavesAMunicipalitysOwnAssessmentAlone) {
  storage::Assessment own;
  own.org_code = "0101";
  own.year = 2025;
  own.instrument_id = "mognad-2025";
  own.id = env.store->selfassess().create(own);
  auto o = options();
  o.include = {"0101"};
  auto out = generate_synthetic(*env.store, o);
  EXPECT_EQ(out.skipped, 1);
  auto list = env.store->selfassess().list_for_org("0101");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].status, AssessmentStatus::Open);
  EXPECT_FALSE(is_synthetic(*env.store, list[0]));
}

TEST_F(Synthetic, Generate_RefusesBadInputAndWritesNothing) {
  auto code_of = [&](const SyntheticOptions& o) {
    try {
      generate_synthetic(*env.store, o);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::Internal;
  };
  auto include_unknown = options();
  include_unknown.include = {"9999"};
  EXPECT_EQ(code_of(options(2019)), ErrorCode::BadInput);
  EXPECT_EQ(code_of(options(2025, 7, 1.5)), ErrorCode::BadInput);
  EXPECT_EQ(code_of(options(2025, 7, -0.1)), ErrorCode::BadInput);
  EXPECT_EQ(code_of(options(2025, 7, std::nan(""))), ErrorCode::BadInput);
  EXPECT_EQ(code_of(include_unknown), ErrorCode::BadInput);
  EXPECT_TRUE(env.store->selfassess().list_all().empty());
}

TEST(SyntheticRatings, LargerMunicipalitiesAreMoreMatureOnAverage_AndSomeIndicatorsAreNotRelevant) {
  WebEnv env;
  auto in = load_instrument(*env.store, "mognad-2025");
  auto mean = [&](long long population, int* not_relevant) {
    double sum = 0;
    for (int i = 0; i < 100; ++i) {
      registry::Organisation org;
      org.code = "S" + std::to_string(i);
      org.population = population;
      auto ratings = synthetic_ratings(*in, org, 2025, 3);
      for (const auto& [id, rating] : ratings) *not_relevant += scale_option(*in, rating)->score ? 0 : 1;
      sum += *score(*in, ratings, bundled_rules()).overall.value;
    }
    return sum / 100;
  };
  int nr = 0;
  double small = mean(4000, &nr), large = mean(400000, &nr);
  EXPECT_GT(large, small + 10);
  EXPECT_GT(nr, 0);
  EXPECT_GT(small, 15);
  EXPECT_LT(large, 90);
}

}  // namespace
}  // namespace dp::selfassess
