// Number parsing and formatting (core/text.h): Swedish decimal comma and U+00A0 group separator,
// English point and comma, strict parsing of user input.
#include <cmath>
#include <gtest/gtest.h>

#include "core/text.h"

using dp::format_integer;
using dp::format_number;
using dp::Lang;
using dp::parse_number;

static const std::string NBSP = "\xC2\xA0";

TEST(NumberFormat, SwedishUsesDecimalCommaAndNoBreakSpaceGroups) {
  EXPECT_EQ(format_number(12345.6, 1, Lang::sv), "12" + NBSP + "345,6");
  EXPECT_EQ(format_number(1234567.891, 2, Lang::sv), "1" + NBSP + "234" + NBSP + "567,89");
  EXPECT_EQ(format_number(0.5, 1, Lang::sv), "0,5");
}

TEST(NumberFormat, EnglishUsesPointAndCommaGroups) {
  EXPECT_EQ(format_number(12345.6, 1, Lang::en), "12,345.6");
  EXPECT_EQ(format_number(0.25, 2, Lang::en), "0.25");
}

TEST(NumberFormat, NegativeNumbersUseAsciiHyphenMinus) {
  EXPECT_EQ(format_number(-3.5, 1, Lang::sv), "-3,5");
  EXPECT_EQ(format_number(-1234, 0, Lang::sv), "-1" + NBSP + "234");
  EXPECT_EQ(format_number(-3.5, 1, Lang::en), "-3.5");
}

TEST(NumberFormat, RoundsToTheRequestedDecimals) {
  EXPECT_EQ(format_number(2.449, 1, Lang::sv), "2,4");
  EXPECT_EQ(format_number(2.46, 1, Lang::sv), "2,5");
  EXPECT_EQ(format_number(7, 2, Lang::en), "7.00");
}

// The publication rule (docs/statistics.md, "Rounding"): exact halves round up, away from zero,
// on pages as in the report and the API's files: 1 of 8 = 12.5 % shows 13 %, never ICU's default
// half-to-even 12.
TEST(NumberFormat, ExactHalvesRoundUpAwayFromZeroNotToEven) {
  EXPECT_EQ(format_number(12.5, 0, Lang::sv), "13");
  EXPECT_EQ(format_number(0.5, 0, Lang::sv), "1");
  EXPECT_EQ(format_number(2.25, 1, Lang::en), "2.3");
  EXPECT_EQ(format_number(-12.5, 0, Lang::sv), "-13");
}

TEST(NumberFormat, IntegersHaveNoDecimals) {
  EXPECT_EQ(format_integer(290, Lang::sv), "290");
  EXPECT_EQ(format_integer(10379295, Lang::sv), "10" + NBSP + "379" + NBSP + "295");
  EXPECT_EQ(format_integer(10379295, Lang::en), "10,379,295");
}

TEST(NumberFormat, NotANumberIsEmpty) { EXPECT_EQ(format_number(std::nan(""), 1, Lang::sv), ""); }

TEST(NumberParse, AcceptsPlainIntegersAndDecimals) {
  EXPECT_EQ(parse_number("12"), 12.0);
  EXPECT_EQ(parse_number("12.5"), 12.5);
  EXPECT_EQ(parse_number("-3"), -3.0);
  EXPECT_EQ(parse_number("+4"), 4.0);
  EXPECT_EQ(parse_number("0"), 0.0);
}

TEST(NumberParse, AcceptsDecimalComma) {
  EXPECT_EQ(parse_number("12,5"), 12.5);
  EXPECT_EQ(parse_number("-0,25"), -0.25);
}

TEST(NumberParse, AcceptsSpacesAndNoBreakSpacesAsGroupSeparators) {
  EXPECT_EQ(parse_number(" 1 234,5 "), 1234.5);
  EXPECT_EQ(parse_number("1" + NBSP + "234" + NBSP + "567"), 1234567.0);
  EXPECT_EQ(parse_number("\t42\t"), 42.0);
}

TEST(NumberParse, ReadsBackWhatSwedishFormattingWrites) {
  for (double v : {0.0, 1.5, -2.25, 1234.5, 9876543.21}) {
    auto text = format_number(v, 2, Lang::sv);
    auto back = parse_number(text);
    ASSERT_TRUE(back) << text;
    EXPECT_DOUBLE_EQ(*back, v) << text;
  }
}

TEST(NumberParse, RejectsEverythingElse) {
  for (const char* bad :
       {"", " ", "abc", "12a", "1.2.3", "1,2,3", "1,234.5", "--1", "-", ".", "1e5", "0x10", "inf", "nan", "12%", "1-2"})
    EXPECT_FALSE(parse_number(bad)) << "'" << bad << "'";
}

TEST(NumberParse, RejectsOverlongInput) {
  EXPECT_FALSE(parse_number(std::string(41, '1')));
  EXPECT_TRUE(parse_number(std::string(20, '1')));
}

TEST(NumberParse, LoneNoBreakSpaceByteIsNotANumber) {
  EXPECT_FALSE(parse_number("1\xC2"));
  EXPECT_FALSE(
      parse_number("\xA0"
                   "1"));
}
