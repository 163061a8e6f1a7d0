// The bundled 2021 report declaration names every table of the report and resolves against the
// key figures.
#include <gtest/gtest.h>
#include <regex>

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

namespace dp::stats {
namespace {

// «(L603)» is a line of the project's text extract of the report: a reader of a table, a workbook
// or the API has no such file. No text the bundled declarations and history show may carry one.
TEST(BundledReport, NoTextShownToReadersCarriesAnInternalLineReference) {
  static const std::regex line_ref(R"(\bL\d{3,4}\b)");
  std::vector<std::string> found;
  auto check = [&](const std::string& where, const I18n& text) {
    for (const auto* s : {&text.sv, &text.en})
      if (std::regex_search(*s, line_ref)) found.push_back(where + ": " + *s);
  };
  for (const auto& kf : testing::bundled_keyfigures().keyfigures) {
    check(kf.id + " title", kf.title);
    check(kf.id + " definition", kf.definition);
    check(kf.id + " note", kf.note);
    for (const auto& c : kf.cells) check(kf.id + ":" + c.id, c.label);
    for (const auto& h : kf.history) check(kf.id + " " + h.table + " note", h.note);
    for (const auto& b : kf.breaks) check(kf.id + " break", b.note);
  }
  std::function<void(const std::string&, const std::vector<AxisEntry>&)> walk = [&](const std::string& t,
                                                                                    const std::vector<AxisEntry>& es) {
    for (const auto& e : es) {
      check(t + " label", e.label);
      walk(t, e.within);
    }
  };
  for (const auto& t : testing::bundled_report().tables) {
    check(t.id + " title", t.title);
    for (const auto& n : t.notes) check(t.id + " note", n);
    walk(t.id, t.rows);
    walk(t.id, t.columns);
    walk(t.id, t.panels);
  }
  for (const auto& q : testing::bundled_report().quality) check("quality", q.text);
  for (const auto& v : map_history(testing::bundled_keyfigures(), testing::bundled_history(), nullptr)) {
    check("history source", I18n{v.source, v.source});
    check("history note", v.note);
  }
  EXPECT_TRUE(found.empty()) << found.size() << " texts, e.g. " << (found.empty() ? "" : found.front());
}

}  // namespace
}  // namespace dp::stats
