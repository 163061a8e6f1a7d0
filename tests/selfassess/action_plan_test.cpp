#include "selfassess/action_plan.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "fixture.h"

namespace dp::selfassess {
namespace {

using testing::fixture;

Ratings hand_ratings() { return {{"i1", "uppnadd"}, {"i2", "planerad"}, {"i3", "ej_relevant"}, {"i4", "paborjad"}}; }

TEST(ActionPlan, TakesIndicatorsBelowTheLevelOrderedByWeightTimesGap) {
  auto plan = propose_plan(fixture(), hand_ratings(), "nastan");
  // i4: weight 2 x gap (100-50) = 100, two measures; i2: 1 x (100-25) = 75.
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].indicator, "i4");
  EXPECT_EQ(plan[0].measure.sv, "M4a");
  EXPECT_DOUBLE_EQ(plan[0].priority, 100);
  EXPECT_EQ(plan[1].indicator, "i4");
  EXPECT_EQ(plan[1].measure_no, 1);
  EXPECT_EQ(plan[2].indicator, "i2");
  EXPECT_DOUBLE_EQ(plan[2].gap, 75);
  EXPECT_DOUBLE_EQ(plan[2].priority, 75);
}

TEST(ActionPlan, EjRelevantAndUnratedNeverEnterThePlan) {
  auto plan = propose_plan(fixture(), {{"i3", "ej_relevant"}}, "uppnadd");
  EXPECT_TRUE(plan.empty());
}

TEST(ActionPlan, LowerLevelTakesFewerIndicators) {
  auto plan = propose_plan(fixture(), hand_ratings(), "paborjad");
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].indicator, "i2");
}

TEST(ActionPlan, HighestLevelTakesEverythingNotAchieved) {
  auto plan = propose_plan(fixture(), {{"i1", "nastan"}, {"i2", "uppnadd"}}, "uppnadd");
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].indicator, "i1");
  EXPECT_DOUBLE_EQ(plan[0].priority, 3 * 25);
}

TEST(ActionPlan, UnscoredLevelIsBadInputNamingLevel) {
  try {
    propose_plan(fixture(), hand_ratings(), "ej_relevant");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "level");
  }
}

}  // namespace
}  // namespace dp::selfassess
