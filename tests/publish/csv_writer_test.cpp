#include "publish/csv_writer.h"

#include <gtest/gtest.h>

#include "core/csv.h"

using namespace dp;
using namespace dp::publish;

static Cube cube() {
  Cube c;
  Dimension r{"region",
              {"Region", "Region"},
              "geo",
              {{"00", {"Riket", "Sweden"}, {}}, {"0180", {"Stockholm, stad", "Stockholm, city"}, {}}}};
  Dimension m{
      "measure", {"Mått", "Measure"}, "metric", {{"value", {"Värde", "Value"}, Unit{{"procent", "percent"}, 1, "%"}}}};
  c.set_dimensions({r, m});
  c.set(0, 1234.56);
  c.set(1, std::nullopt, "..");
  return c;
}

TEST(CsvWriter, HasOneHeaderRowAndOneRowPerCell) {
  auto text = to_csv(cube(), Lang::sv);
  auto t = csv::parse(text);
  EXPECT_EQ(t.header, (std::vector<std::string>{"region", "region_label", "measure", "measure_label", "unit", "value",
                                                "status"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[5], "1234.6");
  EXPECT_EQ(t.rows[1].fields[1], "Stockholm, stad");  // quoted because of the comma
  EXPECT_EQ(t.rows[1].fields[5], "");
  EXPECT_EQ(t.rows[1].fields[6], "..");
}

TEST(CsvWriter, CommaDialectUsesDecimalPointAndNoByteOrderMark) {
  auto text = to_csv(cube(), Lang::en);
  EXPECT_EQ(text.rfind("region,", 0), 0u);
  EXPECT_NE(text.find(",1234.6,"), std::string::npos);
  EXPECT_NE(text.find("\"Stockholm, city\""), std::string::npos);
}

TEST(CsvWriter, SemicolonDialectUsesDecimalCommaAndAByteOrderMark) {
  auto text = to_csv(cube(), Lang::sv, CsvDialect::Semicolon);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBFregion;", 0), 0u);
  EXPECT_NE(text.find(";1234,6;"), std::string::npos);
  EXPECT_NE(text.find(";Stockholm, stad;"), std::string::npos);  // comma needs no quotes here
}

TEST(CsvWriter, PlainNumberHasNoThousandsSeparatorAndNoNegativeZero) {
  EXPECT_EQ(plain_number(1234567.891, 2, '.'), "1234567.89");
  EXPECT_EQ(plain_number(-0.01, 1, '.'), "0.0");
  EXPECT_EQ(plain_number(-2.5, 0, ','), "-3");
  EXPECT_EQ(plain_number(12.25, 1, ','), "12,3");
}
