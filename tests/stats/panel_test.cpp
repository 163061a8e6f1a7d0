// Panel comparison (stats/panel.h) on a world small enough to count by hand: the change over the
// organisations in the base both years, and this year's base split into returning and new.
#include <gtest/gtest.h>

#include "stats/panel.h"
#include "support.h"

namespace dp::stats {
namespace {

using testing::world_org;
using testing::yes_no_dataset;
using testing::yes_no_keyfigures;

// Before: O01..O05 in scope; O01..O04 respond (O01 ja, O02 nej, O03 ja, O04 nej), O05 does not.
// Now: O01..O06 in scope (O06 a new organisation, not in last year's registry); O01, O02, O03, O05
// and O06 respond (O01 ja, O02 ja, O03 nej, O05 ja, O06 nej), O04 does not.
struct TwoYears {
  Dataset before, now;
  TwoYears() {
    std::vector<OrgRecord> orgs_before, orgs_now;
    for (size_t i = 1; i <= 6; ++i) {
      auto o = world_org(i, i <= 3 ? "01" : "02", 0);
      if (i <= 5) orgs_before.push_back(o);
      orgs_now.push_back(o);
    }
    before = yes_no_dataset(orgs_before, {true, false, true, false, false}, {true, true, true, true, false});
    now = yes_no_dataset(orgs_now, {true, true, false, false, true, false}, {true, true, true, false, true, true});
  }
};

const PanelFigure& only(const std::vector<PanelFigure>& v, const std::string& kf, const std::string& cell) {
  for (const auto& f : v)
    if (f.keyfigure == kf && f.cell == cell) return f;
  throw std::runtime_error("no panel figure " + kf + ":" + cell);
}

TEST(Panel, ComparesOnlyOrganisationsInTheBaseBothYearsAndSplitsThisYearsBase) {
  TwoYears w;
  auto out = panel(yes_no_keyfigures(false), w.before, w.now, "");
  ASSERT_EQ(out.size(), 1u);  // K1 has one cell (ja)
  const auto& f = only(out, "K1", "ja");
  EXPECT_TRUE(f.comparable);
  // Panel: respondents both years = O01, O02, O03 (O04 not now, O05 not before, O06 not in scope
  // before). Before: O01, O03 ja = 2 of 3 = 66.67 %; now: O01, O02 ja = 2 of 3 = 66.67 %: no change,
  // although the plain shares moved (50 % before, 3 of 5 = 60 % now).
  EXPECT_EQ(f.panel_n, 3);
  EXPECT_EQ(f.count_before, 2);
  EXPECT_EQ(f.count_now, 2);
  EXPECT_NEAR(f.share_before, 200.0 / 3, 1e-9);
  EXPECT_NEAR(f.share_now, 200.0 / 3, 1e-9);
  EXPECT_NEAR(f.change, 0, 1e-9);
  // This year's base (5): returning = responded the year before = O01, O02, O03 (2 ja); new = O05
  // (did not respond) and O06 (not in last year's scope) (1 ja).
  EXPECT_EQ(f.n_returning, 3);
  EXPECT_EQ(f.count_returning, 2);
  EXPECT_EQ(f.n_new, 2);
  EXPECT_EQ(f.count_new, 1);
}

TEST(Panel, TheChangeIsInPercentagePointsOverThePanel) {
  TwoYears w;
  // O03 says ja now too: now 3 of 3 = 100 %, before 2 of 3: +33.3 points.
  std::vector<OrgRecord> orgs;
  for (size_t i = 1; i <= 6; ++i) orgs.push_back(world_org(i, i <= 3 ? "01" : "02", 0));
  w.now = yes_no_dataset(orgs, {true, true, true, false, true, false}, {true, true, true, false, true, true});
  const auto& f = only(panel(yes_no_keyfigures(false), w.before, w.now, "K1"), "K1", "ja");
  EXPECT_EQ(f.panel_n, 3);
  EXPECT_EQ(f.count_now, 3);
  EXPECT_NEAR(f.change, 100.0 - 200.0 / 3, 1e-9);
  EXPECT_EQ(f.count_returning, 3);
}

TEST(Panel, AScopeBasedCellComparesTheScopeBothYears) {
  TwoYears w;
  // K51 «svar»: base scope, count responded. Scope both years: O01..O05 (5). Responded before:
  // O01..O04 (4 = 80 %); now: O01, O02, O03, O05 (4 = 80 %). This year's base is the scope (6):
  // returning (responded before) O01..O04: 3 of 4 respond now; new O05, O06: 2 of 2.
  const auto& f = only(panel(yes_no_keyfigures(true), w.before, w.now, "K51"), "K51", "svar");
  EXPECT_EQ(f.panel_n, 5);
  EXPECT_EQ(f.count_before, 4);
  EXPECT_EQ(f.count_now, 4);
  EXPECT_EQ(f.n_returning, 4);
  EXPECT_EQ(f.count_returning, 3);
  EXPECT_EQ(f.n_new, 2);
  EXPECT_EQ(f.count_new, 2);
}

TEST(Panel, AKeyFigureFilterKeepsOnlyThatKeyFigure) {
  TwoYears w;
  auto out = panel(yes_no_keyfigures(true), w.before, w.now, "K51");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].keyfigure, "K51");
  EXPECT_TRUE(panel(yes_no_keyfigures(true), w.before, w.now, "K99").empty());
}

}  // namespace
}  // namespace dp::stats
