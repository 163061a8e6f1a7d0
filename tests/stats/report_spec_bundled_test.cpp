// The bundled 2021 report declaration names every table of the report and resolves against the
// key figures.
#include <gtest/gtest.h>

#include "support.h"

namespace dp::stats {
namespace {

using namespace testing;

TEST(BundledReport, LoadsWithoutDiagnostics) {
  auto res = load_report(read_source("instruments/ehalsa-2021.report.yaml"), "instruments/ehalsa-2021.report.yaml",
                         &bundled_keyfigures());
  std::string all;
  for (const auto& d : res.diagnostics) all += d.str() + "\n";
  EXPECT_TRUE(res.diagnostics.empty()) << all;
  EXPECT_TRUE(res.spec.has_value());
}

TEST(BundledReport, DeclaresEveryMainTableAndEveryAppendixTable) {
  const auto& spec = bundled_report();
  for (int i = 1; i <= 33; ++i) EXPECT_NE(spec.table("T" + std::to_string(i)), nullptr) << "Tabell " << i;
  for (int i = 1; i <= 34; ++i) EXPECT_NE(spec.table("B2-T" + std::to_string(i)), nullptr) << "Bilaga 2 tabell " << i;
  EXPECT_NE(spec.table("B1"), nullptr);
}

TEST(BundledReport, EveryKeyFigureAppearsInSomeTable) {
  std::set<std::string> used;
  std::function<void(const std::vector<AxisEntry>&)> walk = [&](const std::vector<AxisEntry>& es) {
    for (const auto& e : es) {
      if (e.keyfigure) used.insert(*e.keyfigure);
      walk(e.within);
    }
  };
  for (const auto& t : bundled_report().tables) {
    if (!t.keyfigure.empty()) used.insert(t.keyfigure);
    walk(t.rows);
    walk(t.columns);
    walk(t.panels);
  }
  for (const auto& kf : bundled_keyfigures().keyfigures) EXPECT_TRUE(used.count(kf.id)) << kf.id << " is in no table";
}

}  // namespace
}  // namespace dp::stats
