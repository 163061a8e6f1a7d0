// The rounding rule of published figures (docs/statistics.md, "Rounding"), tested directly:
// halves away from zero, shares from the exact fraction.
#include "stats/rounding.h"

#include <cmath>
#include <gtest/gtest.h>

namespace dp::stats {
namespace {

TEST(Rounding, ASharesExactHalfRoundsUpAtEveryPrecision) {
  EXPECT_EQ(round_share_scaled(1, 8, 0), 13);    // 12.5 %
  EXPECT_EQ(round_share_scaled(1, 8, 1), 125);   // 12.5 % exactly
  EXPECT_EQ(round_share_scaled(1, 16, 1), 63);   // 6.25 %
  EXPECT_EQ(round_share_scaled(1, 200, 0), 1);   // 0.5 %
  EXPECT_EQ(round_share_scaled(3, 8, 0), 38);    // 37.5 %
  EXPECT_EQ(round_share_scaled(1, 3, 0), 33);    // 33.33 %
  EXPECT_EQ(round_share_scaled(2, 3, 0), 67);    // 66.67 %
  EXPECT_EQ(round_share_scaled(2, 3, 2), 6667);  // 66.667 %
}

TEST(Rounding, NobodyAndEverybodyAreExactlyZeroAndOneHundred) {
  for (int d = 0; d <= 6; ++d) {
    EXPECT_EQ(round_share_scaled(0, 290, d), 0);
    EXPECT_DOUBLE_EQ(round_share(290, 290, d), 100.0);
  }
}

TEST(Rounding, ASmallShareCanRoundToZeroWithoutBeingZero) {
  EXPECT_EQ(round_share_scaled(1, 1000, 0), 0);  // 0.1 % shown without decimals
  EXPECT_EQ(round_share_scaled(1, 1000, 1), 1);  // 0.1 %
}

TEST(Rounding, LargeBasesDoNotOverflow) {
  int64_t n = 4'000'000'000'000, count = 1'000'000'000'000;  // 25 %
  EXPECT_EQ(round_share_scaled(count, n, 6), 25'000'000);
  EXPECT_DOUBLE_EQ(round_share(count - 1, n, 0), 25.0);
}

TEST(Rounding, SharesAgreeWithTheDoubleRuleAwayFromHalves) {
  for (int64_t n = 1; n <= 300; ++n)
    for (int64_t c = 0; c <= n; ++c) {
      double exact = 100.0 * (double)c / (double)n;
      double scaled = exact * 10;
      if (std::fabs(scaled - std::floor(scaled) - 0.5) < 1e-6) continue;  // a half: the integer rule decides
      ASSERT_DOUBLE_EQ(round_share(c, n, 1), std::round(scaled) / 10) << c << "/" << n;
    }
}

TEST(Rounding, HalfUpMeansAwayFromZeroForNegativeValuesToo) {
  EXPECT_DOUBLE_EQ(round_half_up(2.5, 0), 3);
  EXPECT_DOUBLE_EQ(round_half_up(-2.5, 0), -3);
  EXPECT_DOUBLE_EQ(round_half_up(0.05, 1), 0.1);
  EXPECT_DOUBLE_EQ(round_half_up(-0.05, 1), -0.1);
  EXPECT_DOUBLE_EQ(round_half_up(2.44, 1), 2.4);
  EXPECT_DOUBLE_EQ(round_half_up(1234.5678, 2), 1234.57);
}

TEST(Rounding, AHalfWrittenInDecimalIsAHalfThoughBinaryMissesIt) {
  // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
  EXPECT_DOUBLE_EQ(round_half_up(2.675, 2), 2.68);
  EXPECT_DOUBLE_EQ(round_half_up(1.005, 2), 1.01);
}

TEST(Rounding, ValuesAlreadyAtThePrecisionAreKeptAndNonFiniteOnesPassThrough) {
  EXPECT_DOUBLE_EQ(round_half_up(12.3, 1), 12.3);
  EXPECT_DOUBLE_EQ(round_half_up(0, 3), 0);
  EXPECT_TRUE(std::isnan(round_half_up(NAN, 1)));
  EXPECT_TRUE(std::isinf(round_half_up(INFINITY, 1)));
}

}  // namespace
}  // namespace dp::stats
