// The generator gives plausible answers that obey the instrument: every generated response passes
// the same check as an import (no answer to an item that is not shown, every shown mandatory item
// answered), and the national shares follow the published ones.
#include <gtest/gtest.h>

#include "instrument/answer_check.h"
#include "instrument/org_attributes.h"
#include "stats/compute.h"
#include "support.h"

namespace dp::stats {
namespace {

using namespace testing;

instrument::OrgAttributes attributes_of(const OrgRecord& o, const instrument::Instrument& in) {
  registry::Organisation org;
  org.code = o.code;
  org.name = o.name;
  org.county_code = o.county_code;
  org.size_group = o.size_group;
  org.skr_group_code = o.skr_group;
  if (o.population) org.population = (long long)*o.population;
  org.attributes = o.attributes;
  return instrument::org_attributes(org, {}, in);
}

TEST(Synthetic, EveryResponsePassesTheImportCheck) {
  const auto& in = bundled_instruments()[0];
  auto orgs = bundled_orgs();
  SyntheticOptions opts;
  opts.seed = 7;
  auto ds = generate_dataset(in, orgs, bundled_marginals(), opts);
  size_t checked = 0;
  ds.responded.for_each([&](size_t i) {
    auto answers = answers_of(ds, in, i);
    auto problems = instrument::check_answers(in, answers, attributes_of(orgs[i], in), instrument::CheckMode::Import);
    std::string all;
    for (const auto& p : problems) all += p.item + ": " + p.message + "\n";
    EXPECT_TRUE(problems.empty()) << orgs[i].code << "\n" << all;
    ++checked;
  });
  EXPECT_GT(checked, 270u);
}

TEST(Synthetic, SameSeedSameData_OtherSeedOtherData) {
  const auto& in = bundled_instruments()[0];
  auto orgs = bundled_orgs();
  SyntheticOptions a, b;
  a.seed = b.seed = 3;
  auto d1 = generate_dataset(in, orgs, bundled_marginals(), a);
  auto d2 = generate_dataset(in, orgs, bundled_marginals(), b);
  b.seed = 4;
  auto d3 = generate_dataset(in, orgs, bundled_marginals(), b);
  EXPECT_EQ(answers_of(d1, in, 5), answers_of(d2, in, 5));
  bool differs = false;
  for (size_t i = 0; i < orgs.size() && !differs; ++i) differs = answers_of(d1, in, i) != answers_of(d3, in, i);
  EXPECT_TRUE(differs);
}

TEST(Synthetic, NationalSharesFollowThePublishedOnes) {
  const auto& in = bundled_instruments()[0];
  auto orgs = synthetic_orgs(bundled_orgs(), 5000, 11);
  SyntheticOptions opts;
  opts.seed = 11;
  auto ds = generate_dataset(in, orgs, bundled_marginals(), opts);
  auto res = compute(bundled_keyfigures(), ds);
  // Every published 2021 national share of a single option, against the generated one.
  auto history = map_history(bundled_keyfigures(), bundled_history());
  double deviation = 0;
  int cells = 0;
  for (const auto& h : history) {
    if (h.key.year != 2021 || h.key.breakdown != "national" || !h.value) continue;
    const KeyFigure* kf = bundled_keyfigures().find(h.key.keyfigure);
    const Cell* c = kf ? kf->cell(h.key.cell) : nullptr;
    if (!c || c->stat != Stat::Share || kf->id == "K51") continue;
    const FigureValue* f = res.find(h.key.keyfigure, h.key.cell, "national", "total");
    if (!f || !f->value) continue;
    deviation += std::fabs(*f->value - *h.value);
    ++cells;
  }
  ASSERT_GT(cells, 300);
  EXPECT_LT(deviation / cells, 8.0) << "mean absolute deviation in percentage points over " << cells << " cells";
}

}  // namespace
}  // namespace dp::stats
