#include <gtest/gtest.h>
#include <regex>

#include "publish/bar_chart.h"
#include "publish/chart_scale.h"
#include "publish/line_chart.h"
#include "publish/palette.h"

using namespace dp;
using namespace dp::publish;

TEST(ChartScale, NiceTicksUseStepsOf125TimesAPowerOfTen) {
  auto t = nice_ticks(0, 87, 5);
  EXPECT_EQ(t.min, 0);
  EXPECT_EQ(t.max, 100);
  EXPECT_EQ(t.step, 20);
  EXPECT_EQ(t.values.size(), 6u);
  auto u = nice_ticks(3, 7.2, 5, false);
  EXPECT_EQ(u.step, 1);
  EXPECT_EQ(u.min, 3);
  EXPECT_EQ(u.max, 8);
}

TEST(ChartScale, EmptyRangeBecomesAUnitRange) {
  auto t = nice_ticks(0, 0, 5);
  EXPECT_GT(t.max, t.min);
}

TEST(ChartScale, TickDecimalsAreJustEnough) {
  EXPECT_EQ(tick_decimals(20), 0);
  EXPECT_EQ(tick_decimals(2.5), 1);
  EXPECT_EQ(tick_decimals(0.25), 2);
}

static LineChartInput two_series() {
  LineChartInput in;
  in.id = "t";
  in.years = {2018, 2019, 2020, 2021};
  in.max_hint = 100;
  in.series = {{"a", "Alfa", {{2018, 10, "10"}, {2019, 20, "20"}, {2020, std::nullopt, ".."}, {2021, 40, "40"}}},
               {"b", "Beta", {{2018, 41, "41"}, {2019, 41, "41"}, {2020, 41, "41"}, {2021, 41, "41"}}}};
  return in;
}

static int moves(const std::string& d) { return (int)std::count(d.begin(), d.end(), 'M'); }

TEST(LineChart, AMissingValueEndsTheLine) {
  auto vm = line_chart(two_series());
  EXPECT_EQ(moves(vm["series"][0]["d"]), 2);
  EXPECT_EQ(moves(vm["series"][1]["d"]), 1);
  EXPECT_EQ(vm["series"][0]["points"].size(), 3u);
}

TEST(LineChart, AComparabilityBreakEndsTheLineAndIsDrawnAndLabelled) {
  auto in = two_series();
  in.breaks = {2020};
  in.break_label = "Tidsseriebrott";
  auto vm = line_chart(in);
  EXPECT_EQ(moves(vm["series"][1]["d"]), 2);
  ASSERT_EQ(vm["breaks"].size(), 1u);
  EXPECT_EQ(vm["breaks"][0]["label"], "Tidsseriebrott");
}

TEST(LineChart, HigherValuesAreDrawnHigher) {
  auto vm = line_chart(two_series());
  std::string d = vm["series"][0]["d"];
  std::smatch m;
  std::regex re(R"(M([\d.]+),([\d.]+)L([\d.]+),([\d.]+))");
  ASSERT_TRUE(std::regex_search(d, m, re));
  EXPECT_GT(std::stod(m[1]), 0);
  EXPECT_LT(std::stod(m[4]), std::stod(m[2]));  // 20 is above 10: smaller y
}

TEST(LineChart, SeriesDifferInColourDashAndShape) {
  auto vm = line_chart(two_series());
  EXPECT_NE(vm["series"][0]["colour"], vm["series"][1]["colour"]);
  EXPECT_NE(vm["series"][0]["dash"], vm["series"][1]["dash"]);
  EXPECT_NE(vm["series"][0]["shape"], vm["series"][1]["shape"]);
}

TEST(LineChart, DirectLabelsDoNotOverlap) {
  auto vm = line_chart(two_series());  // last values 40 and 41: one pixel apart
  double a = std::stod(vm["series"][0]["end_y"].get<std::string>());
  double b = std::stod(vm["series"][1]["end_y"].get<std::string>());
  EXPECT_GE(std::abs(a - b), 15 - 1e-9);
}

TEST(BarChart, BarLengthIsProportionalToTheValue) {
  BarChartInput in;
  in.id = "b";
  in.max_hint = 100;
  in.bars = {{"A", 25, "25", false}, {"B", 50, "50", false}, {"C", std::nullopt, "x", false}};
  auto vm = bar_chart(in);
  double w0 = std::stod(vm["bars"][0]["w"].get<std::string>());
  double w1 = std::stod(vm["bars"][1]["w"].get<std::string>());
  EXPECT_NEAR(w1, 2 * w0, 0.2);
  EXPECT_FALSE(vm["bars"][2]["has_value"]);
  EXPECT_EQ(vm["bars"][2]["text"], "x");
}

TEST(BarChart, ReferenceLineSitsAtItsValue) {
  BarChartInput in;
  in.id = "b";
  in.max_hint = 100;
  in.bars = {{"A", 50, "50", false}};
  in.reference = 50;
  auto vm = bar_chart(in);
  double x = std::stod(vm["bars"][0]["x"].get<std::string>()), w = std::stod(vm["bars"][0]["w"].get<std::string>());
  EXPECT_NEAR(std::stod(vm["reference_x"].get<std::string>()), x + w, 0.2);
}

TEST(BarChart, ShortenCutsLongLabelsOnCharacterBoundaries) {
  EXPECT_EQ(shorten("Västra Götalands län", 30), "Västra Götalands län");
  EXPECT_EQ(shorten("Åååååååååå", 5), "Åååå…");
}

TEST(Palette, EverySeriesColourHasThreeToOneContrastOnWhite) {
  for (size_t i = 0; i < series_style_count(); ++i)
    EXPECT_GE(contrast_ratio(series_style(i).colour, "#ffffff"), 3.0) << series_style(i).colour;
}

TEST(Palette, MapClassesGetDarkerAndEachHasItsOwnPattern) {
  auto s = map_class_styles(5);
  ASSERT_EQ(s.size(), 5u);
  for (size_t i = 1; i < s.size(); ++i) {
    EXPECT_GT(contrast_ratio(s[i].fill, "#ffffff"), contrast_ratio(s[i - 1].fill, "#ffffff"));
    for (size_t j = 0; j < i; ++j) EXPECT_NE(s[i].pattern, s[j].pattern);
  }
}

TEST(Palette, PatternMarksContrastWithTheirFill) {
  for (const auto& s : map_class_styles(5))
    if (s.pattern != "none") {
      EXPECT_GE(contrast_ratio(s.fill, s.ink), 3.0) << s.fill;
    }
}
