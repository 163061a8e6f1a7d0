// Panel comparison (stats/panel.h) on a world small enough to count by hand: the change over the
// organisations in the base both years, and this year's base split into returning and new.
#include "stats/panel.h"

#include <algorithm>
#include <gtest/gtest.h>

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
  auto figures = panel(yes_no_keyfigures(false), w.before, w.now, "K1");
  const auto& f = only(figures, "K1", "ja");
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
  auto figures = panel(yes_no_keyfigures(true), w.before, w.now, "K51");
  const auto& f = only(figures, "K51", "svar");
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

// Three counties, by hand. 01: O01..O05, all respond both years. 02: O06..O10, and O11, O12 new in
// this year's registry; O06..O09 responded last year, all seven respond now. 03: O13..O16; O13,
// O14 responded last year, all four now.
//   last year ja: O01 O02 | O06 O08 | O13        this year ja: O01 O02 O03 | O06 O07 O08 O11 | O13 O14
struct ThreeCounties {
  Dataset before, now;
  ThreeCounties() {
    std::vector<OrgRecord> orgs_before, orgs_now;
    std::vector<bool> yes_before, resp_before, yes_now, resp_now;
    auto in = [](size_t i, std::initializer_list<size_t> l) { return std::find(l.begin(), l.end(), i) != l.end(); };
    for (size_t i = 1; i <= 16; ++i) {
      auto o = world_org(i, i <= 5 ? "01" : i <= 12 ? "02" : "03", 0);
      orgs_now.push_back(o);
      yes_now.push_back(in(i, {1, 2, 3, 6, 7, 8, 11, 13, 14}));
      resp_now.push_back(true);
      if (i == 11 || i == 12) continue;
      orgs_before.push_back(o);
      yes_before.push_back(in(i, {1, 2, 6, 8, 13}));
      resp_before.push_back(!in(i, {10, 15, 16}));
    }
    before = yes_no_dataset(orgs_before, yes_before, resp_before);
    before.year = 2020;
    now = yes_no_dataset(orgs_now, yes_now, resp_now);
  }
};

const PanelFigure& at(const std::vector<PanelFigure>& v, const std::string& breakdown, const std::string& group) {
  for (const auto& f : v)
    if (f.breakdown == breakdown && f.group == group) return f;
  throw std::runtime_error("no panel figure for " + breakdown + "/" + group);
}

DisclosureProfile min3() {
  DisclosureProfile p;
  p.id = "min3";
  p.min_n = 3;
  return p;
}

TEST(Panel, ByCountyEachGroupComparesItsOwnPanel) {
  ThreeCounties w;
  PanelOptions o;
  o.breakdowns = {"national", "county"};
  auto out = panel(yes_no_keyfigures(false), w.before, w.now, "K1", o);
  ASSERT_EQ(out.size(), 4u);
  // 01: panel O01..O05: 2 ja before (40 %), 3 now (60 %): +20.
  const auto& c01 = at(out, "county", "01");
  EXPECT_EQ(c01.panel_n, 5);
  EXPECT_EQ(c01.count_before, 2);
  EXPECT_EQ(c01.count_now, 3);
  EXPECT_NEAR(c01.change, 20, 1e-9);
  // 02: panel O06..O09: 2 before (50 %), 3 now (75 %); this year's base 7: returning O06..O09 (3
  // ja), new O10 (did not respond), O11, O12 (not in last year's registry): 1 ja.
  const auto& c02 = at(out, "county", "02");
  EXPECT_EQ(c02.panel_n, 4);
  EXPECT_NEAR(c02.change, 25, 1e-9);
  EXPECT_EQ(c02.n_returning, 4);
  EXPECT_EQ(c02.count_returning, 3);
  EXPECT_EQ(c02.n_new, 3);
  EXPECT_EQ(c02.count_new, 1);
  // 03: panel O13, O14: 1 before, 2 now.
  EXPECT_EQ(at(out, "county", "03").panel_n, 2);
  // The nation: 11 in the panel, 5 ja before, 8 now.
  const auto& nat = at(out, "national", "total");
  EXPECT_EQ(nat.panel_n, 11);
  EXPECT_EQ(nat.count_before, 5);
  EXPECT_EQ(nat.count_now, 8);
  for (const auto& f : out) EXPECT_FALSE(f.withheld || f.split_withheld) << f.group;  // no profile
}

TEST(Panel, UnderAMinimumBaseSmallPanelsAndTheirComplementAreWithheld) {
  ThreeCounties w;
  auto p = min3();
  PanelOptions o;
  o.breakdowns = {"national", "county"};
  o.profile = &p;
  auto out = panel(yes_no_keyfigures(false), w.before, w.now, "K1", o);
  // 03: a panel of 2 is below 3.
  EXPECT_TRUE(at(out, "county", "03").withheld);
  EXPECT_EQ(at(out, "county", "03").reason, "panel n 2 is below 3");
  // With 03 alone withheld, the nation minus 01 and 02 would give it: the smaller published panel
  // (02: 4, against 01: 5) is withheld too.
  EXPECT_TRUE(at(out, "county", "02").withheld);
  EXPECT_NE(at(out, "county", "02").reason.find("complementary"), std::string::npos);
  EXPECT_FALSE(at(out, "county", "01").withheld);
  // The nation: 11 of 16 this year (5 outside), all 11 of last year's respondents: published.
  EXPECT_FALSE(at(out, "national", "total").withheld);
  // The split of 03 (2 returning, 2 new) is below 3; its complement is 01's (5 in all, against 02's
  // 7); 02's and the nation's (11 returning, 5 new) are published.
  EXPECT_TRUE(at(out, "county", "03").split_withheld);
  EXPECT_TRUE(at(out, "county", "01").split_withheld);
  EXPECT_FALSE(at(out, "county", "02").split_withheld);
  EXPECT_FALSE(at(out, "national", "total").split_withheld);
}

TEST(Panel, AFigureMinusItsPanelMayNotSingleOutAFewOrganisations) {
  TwoYears w;  // this year's base 5, panel 3: the 2 outside would be shown; last year's 4, panel 3: 1
  auto p = min3();
  PanelOptions o;
  o.profile = &p;
  auto figures = panel(yes_no_keyfigures(false), w.before, w.now, "K1", o);
  const auto& f = only(figures, "K1", "ja");
  EXPECT_TRUE(f.withheld);
  EXPECT_EQ(f.reason, "this year's figure minus the panel would show 2 organisation(s)");
  EXPECT_TRUE(f.split_withheld);  // 3 returning, 2 new
}

TEST(Panel, AGroupWhoseOwnFigureIsWithheldHasItsPanelWithheld) {
  ThreeCounties w;
  auto p = min3();
  PanelOptions o;
  o.breakdowns = {"county"};
  o.profile = &p;
  o.figure_withheld = [](const FigureKey& k) { return k.group == "01" && k.year == 2020; };
  auto out = panel(yes_no_keyfigures(false), w.before, w.now, "K1", o);
  EXPECT_TRUE(at(out, "county", "01").withheld);
  EXPECT_EQ(at(out, "county", "01").reason, "the group's own figure of the year before is withheld");
  // Two counties withheld (01, and 03 below the minimum): no complement is needed, 02 stays.
  EXPECT_TRUE(at(out, "county", "03").withheld);
  EXPECT_FALSE(at(out, "county", "02").withheld);
}

}  // namespace
}  // namespace dp::stats
