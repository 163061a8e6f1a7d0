#include <gtest/gtest.h>

#include "core/error.h"
#include "fixture.h"
#include "selfassess/chart_geometry.h"
#include "selfassess/register_prefill.h"
#include "selfassess/spread.h"

namespace dp::selfassess {
namespace {

using testing::fixture;
using testing::fixture_rules;

TEST(Spread, CountsRatingsAndFlagsDisagreement) {
  auto s = spread(fixture(), {"uppnadd", "planerad", "paborjad", "ej_relevant"}, fixture_rules());
  EXPECT_EQ(s.n, 4);
  EXPECT_DOUBLE_EQ(*s.lowest, 25);
  EXPECT_DOUBLE_EQ(*s.highest, 100);
  EXPECT_NEAR(*s.mean, 175.0 / 3.0, 1e-9);
  EXPECT_TRUE(s.disagreement);
  EXPECT_EQ(s.counts[0].first, "uppnadd");
  EXPECT_EQ(s.counts[0].second, 1);
}

TEST(Spread, CloseRatingsAreNoDisagreementAndTiesPickTheLowerRating) {
  auto s = spread(fixture(), {"nastan", "paborjad"}, fixture_rules());
  EXPECT_FALSE(s.disagreement);
  EXPECT_EQ(s.typical, "paborjad");
}

TEST(Rules, BandsAreChosenFromTheTop) {
  auto r = fixture_rules();
  EXPECT_EQ(r.band_of(100).id, "gron");
  EXPECT_EQ(r.band_of(75).id, "gron");
  EXPECT_EQ(r.band_of(74.9).id, "gul");
  EXPECT_EQ(r.band_of(40).id, "gul");
  EXPECT_EQ(r.band_of(39.9).id, "rod");
}

TEST(Rules, BundledRulesParse) {
  const auto& r = bundled_rules();
  ASSERT_EQ(r.bands.size(), 3u);
  EXPECT_EQ(r.bands.front().id, "gron");
}

TEST(Rules, BandsOutOfOrderAreRejectedNamingTheKey) {
  try {
    parse_rules("bands: [{id: a, min: 10, label: A}, {id: b, min: 50, label: B}]", "r.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "bands.b.min");
  }
}

TEST(RegisterPrefill, ValueBecomesTheRatingOfTheFirstBandItReaches) {
  const auto& m = *fixture().question("i3")->maturity;
  EXPECT_EQ(rating_from_register(m, 100).value(), "uppnadd");
  EXPECT_EQ(rating_from_register(m, 60).value(), "paborjad");
  EXPECT_EQ(rating_from_register(m, 0).value(), "ej_planerad");
  EXPECT_FALSE(rating_from_register(m, -1));
  EXPECT_FALSE(rating_from_register(*fixture().question("i1")->maturity, 100));
}

TEST(ChartGeometry, RadarAxesStartAtTheTopAndGoClockwise) {
  auto r = radar(4, {{100, 50, std::nullopt, 0}}, 200);
  EXPECT_DOUBLE_EQ(r.radius, 60);
  EXPECT_NEAR(r.axes[0].end.x, 100, 1e-9);
  EXPECT_NEAR(r.axes[0].end.y, 40, 1e-9);
  EXPECT_EQ(r.series[0], "100.0,40.0 130.0,100.0 100.0,100.0 100.0,100.0");
  EXPECT_EQ(r.dots[0].size(), 3u) << "a missing value has no dot";
  EXPECT_EQ(r.axes[1].anchor, "start");
  EXPECT_EQ(r.axes[3].anchor, "end");
}

TEST(ChartGeometry, BarLengthIsClamped) {
  EXPECT_DOUBLE_EQ(bar_length(50, 300), 150);
  EXPECT_DOUBLE_EQ(bar_length(120, 300), 300);
}

}  // namespace
}  // namespace dp::selfassess
