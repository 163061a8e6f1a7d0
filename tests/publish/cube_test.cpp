#include "publish/cube.h"

#include <gtest/gtest.h>

using namespace dp;
using namespace dp::publish;

static Cube small_cube() {
  Cube c;
  Dimension a{"a", {"A", "A"}, "", {{"a1", {"A1", "A1"}, {}}, {"a2", {"A2", "A2"}, {}}}};
  Dimension b{"b",
              {"B", "B"},
              "time",
              {{"2020", {"2020", "2020"}, {}}, {"2021", {"2021", "2021"}, {}}, {"2022", {"2022", "2022"}, {}}}};
  c.set_dimensions({a, b});
  for (size_t i = 0; i < c.size(); ++i) c.set(i, (double)i * 10);
  return c;
}

TEST(Cube, IndexIsRowMajorWithTheLastDimensionFastest) {
  Cube c = small_cube();
  EXPECT_EQ(c.size(), 6u);
  EXPECT_EQ(c.index({0, 0}), 0u);
  EXPECT_EQ(c.index({0, 2}), 2u);
  EXPECT_EQ(c.index({1, 0}), 3u);
  for (size_t i = 0; i < c.size(); ++i) EXPECT_EQ(c.index(c.coords(i)), i);
}

TEST(Cube, IndexRejectsCoordinatesOutOfRange) {
  Cube c = small_cube();
  EXPECT_THROW(c.index({2, 0}), std::out_of_range);
  EXPECT_THROW(c.index({0}), std::out_of_range);
}

TEST(Cube, SliceKeepsTheValuesOfTheChosenCategories) {
  Cube c = small_cube();
  c.set(c.index({1, 1}), std::nullopt, "..");
  Cube s = c.slice(0, 1, 1);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.dimensions()[0].categories[0].id, "a2");
  EXPECT_EQ(*s.value(0), 30);
  EXPECT_FALSE(s.value(1).has_value());
  EXPECT_EQ(s.status(1), "..");
  EXPECT_EQ(*s.value(2), 50);
}

TEST(Cube, DecimalsComeFromTheCellThenTheMetricUnit) {
  Cube c;
  Dimension m{"measure",
              {"M", "M"},
              "metric",
              {{"v", {"V", "V"}, Unit{{"procent", "percent"}, 1, "%"}}, {"n", {"N", "N"}, Unit{{"st", "pcs"}, 0, ""}}}};
  c.set_dimensions({m});
  c.set(0, 1.25);
  c.set(1, 3, "", 2);
  EXPECT_EQ(c.decimals(0), 1);
  EXPECT_EQ(c.decimals(1), 2);
}
