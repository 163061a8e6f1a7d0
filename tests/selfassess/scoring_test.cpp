#include "selfassess/scoring.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "fixture.h"

namespace dp::selfassess {
namespace {

using testing::fixture;
using testing::fixture_rules;

// i1 uppnadd (100, w3), i2 planerad (25, w1), i3 ej_relevant (w2), i4 paborjad (50, w2).
Ratings hand_ratings() { return {{"i1", "uppnadd"}, {"i2", "planerad"}, {"i3", "ej_relevant"}, {"i4", "paborjad"}}; }

const GroupScore& group(const std::vector<GroupScore>& gs, const std::string& id) {
  for (const auto& g : gs)
    if (g.id == id) return g;
  throw std::runtime_error("no group " + id);
}

TEST(Scoring, OverallIsWeightedMeanWithEjRelevantOutOfTheDenominator) {
  auto r = score(fixture(), hand_ratings(), fixture_rules());
  // (3*100 + 1*25 + 2*50) / (3 + 1 + 2) = 425 / 6; with i3 counted as 0 it would be 425 / 8.
  ASSERT_TRUE(r.overall.value);
  EXPECT_NEAR(*r.overall.value, 425.0 / 6.0, 1e-9);
  EXPECT_EQ(display(*r.overall.value), 71);
  EXPECT_EQ(r.overall.scored, 3);
  EXPECT_EQ(r.overall.not_relevant, 1);
  EXPECT_DOUBLE_EQ(r.overall.weight, 6);
  EXPECT_EQ(r.overall.band->id, "gul");
}

TEST(Scoring, AreaScoresAreWeightedWithinTheArea) {
  auto r = score(fixture(), hand_ratings(), fixture_rules());
  const auto& infra = group(r.areas, "infra");
  EXPECT_NEAR(*infra.score.value, (3 * 100.0 + 1 * 25.0) / 4.0, 1e-9);  // 81.25
  EXPECT_EQ(infra.score.band->id, "gron");
  const auto& sak = group(r.areas, "sak");  // only i4 counts; i3 is not relevant
  EXPECT_NEAR(*sak.score.value, 50.0, 1e-9);
  EXPECT_EQ(sak.score.not_relevant, 1);
  EXPECT_EQ(sak.score.band->id, "gul");
}

TEST(Scoring, TargetGroupWithOnlyEjRelevantHasNoScoreAndCrossCuttingIndicatorsStayOutOfTargetGroups) {
  auto r = score(fixture(), hand_ratings(), fixture_rules());
  EXPECT_NEAR(*group(r.target_groups, "a").score.value, 81.25, 1e-9);  // i4 (cross-cutting) is not in a
  EXPECT_FALSE(group(r.target_groups, "b").score.value);
  EXPECT_FALSE(group(r.target_groups, "b").score.band);
}

TEST(Scoring, PerspectiveScores) {
  auto r = score(fixture(), hand_ratings(), fixture_rules());
  EXPECT_NEAR(*group(r.perspectives, "invanare").score.value, 100.0, 1e-9);
  EXPECT_NEAR(*group(r.perspectives, "medarbetare").score.value, 25.0, 1e-9);
  EXPECT_EQ(group(r.perspectives, "medarbetare").score.band->id, "rod");
  EXPECT_NEAR(*group(r.perspectives, "beslutsfattare").score.value, 50.0, 1e-9);
}

TEST(Scoring, UnratedIndicatorsAreCountedButNotScored) {
  auto r = score(fixture(), {{"i2", "ej_planerad"}}, fixture_rules());
  EXPECT_NEAR(*r.overall.value, 0.0, 1e-9);
  EXPECT_EQ(r.overall.unrated, 3);
  EXPECT_EQ(r.overall.band->id, "rod");
}

TEST(Scoring, NoRatingsGiveNoScore) {
  auto r = score(fixture(), {}, fixture_rules());
  EXPECT_FALSE(r.overall.value);
}

TEST(Scoring, UnknownRatingIsBadInputNamingTheIndicator) {
  try {
    score(fixture(), {{"i1", "bra"}}, fixture_rules());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_EQ(e.where().field, "i1");
  }
}

TEST(Scoring, UnknownIndicatorIsBadInput) {
  EXPECT_THROW(score(fixture(), {{"zz", "uppnadd"}}, fixture_rules()), Error);
}

}  // namespace
}  // namespace dp::selfassess
