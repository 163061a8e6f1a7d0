// Attacks on published tables. The attacker knows which organisations responded and which county
// and size group each belongs to (the registry and the list of respondents are public) and reads
// every published figure. The tests try to recover each suppressed figure and must fail.
//
// 1. Exhaustive: in small worlds every possible set of answers is tried; a suppressed count is
//    recovered when all answer sets that reproduce the published tables agree on it.
// 2. Linear, on the 290 municipalities: the attacker solves the published totals by Gaussian
//    elimination (floating point, independent of the engine's exact audit) and by the per-
//    breakdown bounds (a withheld total of 0 or of all).
#include <cmath>
#include <gtest/gtest.h>
#include <random>

#include "instrument/load.h"
#include "stats/compute.h"
#include "stats/response_input.h"
#include "stats/suppression.h"
#include "support.h"

namespace dp::stats {
namespace {

struct World {
  std::vector<OrgRecord> orgs;
  std::vector<bool> yes;  // per organisation (all respond)
};

World random_world(std::mt19937& rng, size_t n) {
  World w;
  std::uniform_int_distribution<int> county(1, 4), size(0, 1);
  std::bernoulli_distribution yes(0.45);
  for (size_t i = 0; i < n; ++i) {
    std::string c = "0" + std::to_string(county(rng));
    w.orgs.push_back(testing::world_org(i, c, size(rng)));
    w.yes.push_back(yes(rng));
  }
  return w;
}

Results publish(const World& w, const KeyFigureSet& kfs, int min_n) {
  Dataset ds = testing::yes_no_dataset(w.orgs, w.yes, std::vector<bool>(w.orgs.size(), true));
  ComputeOptions opts;
  opts.breakdowns = {"national", "county", "size_group"};
  Results r = compute(kfs, ds, opts);
  DisclosureProfile p;
  p.min_n = min_n;
  suppress(r, ds, p);
  return r;
}

// Which group of breakdown `b` organisation i is in.
int group_of(const Results& r, size_t b, size_t i) {
  for (size_t g = 0; g < r.breakdowns[b].sets.size(); ++g)
    if (r.breakdowns[b].sets[g].test(i)) return (int)(r.offsets[b] + g);
  return -1;
}

TEST(DisclosureAttack, ExhaustiveSearchRecoversNoSuppressedCountInSmallWorlds) {
  const auto& kfs = testing::yes_no_keyfigures(/*with_response_rate=*/false);
  std::mt19937 rng(20210511);
  int worlds_with_suppression = 0;
  for (int trial = 0; trial < 300; ++trial) {
    size_t n = 8 + (size_t)(trial % 7);  // 8..14 organisations: 2^14 answer sets at most
    World w = random_world(rng, n);
    Results r = publish(w, kfs, 3);
    const CellResult* c = r.cell("K1", "ja");
    size_t G = r.group_count();
    std::vector<int> published(G, -1);
    bool any_suppressed = false;
    for (size_t g = 0; g < G; ++g) {
      if (c->figures[g].marker == Marker::Suppressed) any_suppressed = true;
      else published[g] = (int)c->figures[g].count.value_or(0);
    }
    if (!any_suppressed) continue;
    int national = r.group_index("national", "total");
    if (published[(size_t)national] == 0 || published[(size_t)national] == (int)n) continue;  // nothing to protect
    ++worlds_with_suppression;
    std::vector<std::vector<int>> member(n);
    for (size_t i = 0; i < n; ++i)
      for (size_t b = 0; b < r.breakdowns.size(); ++b) member[i].push_back(group_of(r, b, i));
    std::vector<std::set<int>> possible(G);
    for (uint32_t mask = 0; mask < (1u << n); ++mask) {
      std::vector<int> count(G, 0);
      for (size_t i = 0; i < n; ++i)
        if (mask >> i & 1)
          for (int g : member[i])
            if (g >= 0) ++count[(size_t)g];
      bool consistent = true;
      for (size_t g = 0; g < G && consistent; ++g) consistent = published[g] < 0 || published[g] == count[g];
      if (!consistent) continue;
      for (size_t g = 0; g < G; ++g)
        if (published[g] < 0) possible[g].insert(count[g]);
    }
    for (size_t g = 0; g < G; ++g) {
      if (published[g] < 0 && c->figures[g].n > 0) {
        EXPECT_GT(possible[g].size(), 1u) << "trial " << trial << ": the suppressed count of group " << g
                                          << " is recoverable (" << *possible[g].begin() << ")";
      }
    }
  }
  EXPECT_GT(worlds_with_suppression, 100);
}

// Floating-point Gaussian elimination: is `target` a combination of `rows`?
bool in_span(std::vector<std::vector<double>> rows, const std::vector<double>& target) {
  size_t m = target.size();
  auto rank = [&](std::vector<std::vector<double>> a) {
    size_t r = 0;
    for (size_t col = 0; col < m && r < a.size(); ++col) {
      size_t piv = r;
      for (size_t i = r; i < a.size(); ++i)
        if (std::fabs(a[i][col]) > std::fabs(a[piv][col])) piv = i;
      if (std::fabs(a[piv][col]) < 1e-9) continue;
      std::swap(a[piv], a[r]);
      for (size_t i = 0; i < a.size(); ++i) {
        if (i == r) continue;
        double f = a[i][col] / a[r][col];
        for (size_t j = col; j < m; ++j) a[i][j] -= f * a[r][j];
      }
      ++r;
    }
    return r;
  };
  size_t before = rank(rows);
  rows.push_back(target);
  return rank(rows) == before;
}

TEST(DisclosureAttack, NoSuppressedFigureOfTheGenerated2021ReportIsRecoverable) {
  using namespace testing;
  const auto& in = bundled_instruments()[0];
  auto orgs = bundled_orgs();
  SyntheticOptions opts;
  opts.seed = 2021;
  Dataset ds = generate_dataset(in, orgs, bundled_marginals(), opts);
  Results r = compute(bundled_keyfigures(), ds);
  DisclosureProfile strict;
  strict.min_n = 5;
  auto rep = suppress(r, ds, strict);
  ASSERT_GT(rep.cells, 0u) << "the strict profile must withhold something in 290 municipalities";
  size_t attacked = 0;
  for (const auto& c : r.cells) {
    if (c.base_key.empty() || is_numeric_stat(c.cell->stat) || is_term_stat(c.cell->stat)) continue;
    bool any = false;
    for (const auto& f : c.figures) any = any || f.marker == Marker::Suppressed;
    if (!any) continue;
    const OrgSet& base = r.bases.at(c.base_key);
    // Atoms over the base.
    std::map<std::vector<int>, size_t> atom_of;
    std::vector<std::vector<int>> keys;
    base.for_each([&](size_t i) {
      std::vector<int> k;
      for (size_t b = 0; b < r.breakdowns.size(); ++b) k.push_back(group_of(r, b, i));
      if (atom_of.emplace(k, keys.size()).second) keys.push_back(k);
    });
    auto vec = [&](size_t flat) {
      std::vector<double> v(keys.size(), 0);
      for (size_t a = 0; a < keys.size(); ++a)
        for (int g : keys[a]) v[a] = v[a] || g == (int)flat ? 1 : 0;
      return v;
    };
    std::vector<std::vector<double>> known;
    for (size_t g = 0; g < c.figures.size(); ++g)
      if (c.figures[g].marker != Marker::Suppressed && c.figures[g].n > 0) known.push_back(vec(g));
    int64_t national_count = c.figures[(size_t)r.group_index("national", "total")].count.value_or(0);
    int64_t national_n = c.figures[(size_t)r.group_index("national", "total")].n.value_or(0);
    for (size_t b = 0; b < r.breakdowns.size(); ++b) {
      int64_t withheld_n = 0, published_count = 0, published_n = 0;
      size_t withheld = 0;
      for (size_t g = r.offsets[b]; g < r.offsets[b] + r.breakdowns[b].groups.size(); ++g) {
        const FigureValue& f = c.figures[g];
        if (f.marker == Marker::Suppressed) {
          ++withheld;
          withheld_n += f.n.value_or(0);
          EXPECT_FALSE(in_span(known, vec(g)))
              << c.keyfigure->id << ":" << c.cell->id << " group " << g << " is a combination of published totals";
          ++attacked;
        } else {
          published_count += f.count.value_or(0);
          published_n += f.n.value_or(0);
        }
      }
      if (!withheld || national_count == 0 || national_count == national_n) continue;
      // Organisations without a group in this breakdown are outside it; compare within it.
      int64_t in_breakdown_count = 0, in_breakdown_n = 0;
      for (size_t g = r.offsets[b]; g < r.offsets[b] + r.breakdowns[b].groups.size(); ++g) {
        in_breakdown_n += c.figures[g].n.value_or(0);
      }
      (void)in_breakdown_count;
      if (in_breakdown_n != national_n) continue;
      int64_t withheld_count = national_count - published_count;
      EXPECT_GT(withheld_count, 0) << c.keyfigure->id << ":" << c.cell->id << " " << r.breakdowns[b].id
                                   << ": every withheld group is known to be 0";
      EXPECT_LT(withheld_count, withheld_n) << c.keyfigure->id << ":" << c.cell->id << " " << r.breakdowns[b].id
                                            << ": every withheld group is known to be full";
      EXPECT_GE(withheld, 2u);
    }
  }
  EXPECT_GT(attacked, 10u);
}

}  // namespace
}  // namespace dp::stats
