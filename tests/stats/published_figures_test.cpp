// The engine's figures are already as published (core/figure.h), so that a revision computed now
// and one read back from the store say the same: no number behind a marker that hides it, no base
// where the question was not asked or does not apply, a numerator only for shares and counts.
#include <gtest/gtest.h>

#include "stats/compute.h"
#include "stats/suppression.h"
#include "support.h"

namespace dp::stats {
namespace {

using namespace testing;

bool has_numerator(Stat s) { return s == Stat::Share || s == Stat::Count || s == Stat::PooledShare; }

TEST(PublishedFigures, EveryFigureOfTheGenerated2021CampaignFollowsThePublicationRules) {
  const auto& in = bundled_instruments()[0];
  auto orgs = bundled_orgs();
  SyntheticOptions so;
  so.seed = 5;
  auto ds = generate_dataset(in, orgs, bundled_marginals(), so);
  DisclosureProfile profile;
  profile.id = "test";
  profile.min_n = 5;
  ComputeOptions co;
  co.breakdowns = {"national", "county", "size_group"};
  auto res = compute(bundled_keyfigures(), ds, co);
  suppress(res, ds, profile);
  size_t hidden = 0, structural = 0, suppressed = 0;
  for (const auto& c : res.cells)
    for (const auto& f : c.figures) {
      std::string at = c.keyfigure->id + ":" + c.cell->id + " " + marker_name(f.marker);
      EXPECT_EQ(f.decimals, c.cell->decimals) << at;
      if (hides_value(f.marker)) {
        ++hidden;
        EXPECT_FALSE(f.value) << at;
        EXPECT_FALSE(f.count) << at;
      } else {
        EXPECT_TRUE(f.value) << at;
      }
      if (f.marker == Marker::NotAsked || f.marker == Marker::NotApplicable || c.cell->external) {
        ++structural;
        EXPECT_FALSE(f.n) << at;
      }
      if (f.marker == Marker::Suppressed) {
        ++suppressed;
        EXPECT_TRUE(f.n) << at << ": the base of a withheld figure is published";
      }
      if (!has_numerator(c.cell->stat)) {
        EXPECT_FALSE(f.count) << at;
      }
    }
  // The run has every kind: withheld, structural and plain figures.
  EXPECT_GT(hidden, 0u);
  EXPECT_GT(structural, 0u);
  EXPECT_GT(suppressed, 0u);
}

}  // namespace
}  // namespace dp::stats
