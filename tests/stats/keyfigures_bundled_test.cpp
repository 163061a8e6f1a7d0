// The bundled key-figure file is valid against both instrument versions and claims every
// published history cell exactly once.
#include <gtest/gtest.h>
#include <set>

#include "support.h"

namespace dp::stats {
namespace {

using testing::bundled_history;
using testing::bundled_instrument_ptrs;
using testing::read_source;

TEST(BundledKeyFigures, LoadWithoutDiagnostics) {
  auto res = load_keyfigures(read_source("instruments/ehalsa.keyfigures.yaml"), "instruments/ehalsa.keyfigures.yaml",
                             bundled_instrument_ptrs(), &bundled_history());
  std::string all;
  for (const auto& d : res.diagnostics) all += d.str() + "\n";
  EXPECT_TRUE(res.diagnostics.empty()) << all;
  ASSERT_TRUE(res.set.has_value());
}

TEST(BundledKeyFigures, DeclareEveryKeyFigureOfTheReport) {
  const auto& set = testing::bundled_keyfigures();
  for (int i = 1; i <= 53; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "K%02d", i);
    EXPECT_NE(set.find(id), nullptr) << id;
  }
}

TEST(BundledKeyFigures, HistoryClaimsEveryPublishedCellOnce) {
  Diagnostics problems;
  auto values = map_history(testing::bundled_keyfigures(), bundled_history(), &problems);
  std::string all;
  for (const auto& d : problems) all += d.str() + "\n";
  EXPECT_TRUE(problems.empty()) << all;
  std::set<std::string> tables;
  for (const auto& v : values) tables.insert(v.source.substr(0, v.source.find(" (")));
  EXPECT_EQ(tables.size(), 33u);
  EXPECT_GT(values.size(), 500u);
}

TEST(BundledKeyFigures, HistoryValuesLandOnTheirSeriesYears) {
  auto values = map_history(testing::bundled_keyfigures(), bundled_history(), nullptr);
  auto find = [&](const std::string& kf, const std::string& cell, int year) -> const Figure* {
    for (const auto& v : values)
      if (v.key.keyfigure == kf && v.key.cell == cell && v.key.year == year && v.key.breakdown == "national") return &v;
    return nullptr;
  };
  // Tabell 21: ICF in case handling, Barn och unga 2015 = 14 (L1178).
  const auto* icf = find("K33", "barn_unga", 2015);
  ASSERT_NE(icf, nullptr);
  EXPECT_EQ(icf->value, 14);
  // Tabell 24: «Funktionshinder» 2021 is printed «*» = not asked that year.
  const auto* ksi = find("K37", "funktionshinder", 2021);
  ASSERT_NE(ksi, nullptr);
  EXPECT_EQ(ksi->marker, Marker::NotAsked);
  // Tabell 31 is for the 2020 funds, reported in the 2021 survey: the series year is 2021.
  EXPECT_NE(find("K48", "kvalitet", 2021), nullptr);
  EXPECT_EQ(find("K48", "kvalitet", 2020), nullptr);
  // Tabell 17's «Antal svar» is the base of every cell of its row.
  const auto* fam = find("K30", "familjeratt.alla", 2021);
  ASSERT_NE(fam, nullptr);
  ASSERT_TRUE(fam->n.has_value());
  EXPECT_EQ(*fam->n, 254);
}

}  // namespace
}  // namespace dp::stats
