// Swedish collation (core/text.h): Å, Ä, Ö sort after Z, in that order, as in Swedish tables.
#include <gtest/gtest.h>

#include "core/text.h"

TEST(Collation, SwedishLettersComeAfterZInTheOrderAAO) {
  std::vector<std::string> v = {"Örebro", "Ängelholm", "Åre", "Ale", "Zwedru", "Övertorneå", "Vara"};
  dp::sort_sv(v);
  EXPECT_EQ(v, (std::vector<std::string>{"Ale", "Vara", "Zwedru", "Åre", "Ängelholm", "Örebro", "Övertorneå"}));
}

TEST(Collation, CompareGivesSignLikeStrcmp) {
  EXPECT_LT(dp::collate_sv("Zorn", "Åmål"), 0);
  EXPECT_GT(dp::collate_sv("Öckerö", "Åmål"), 0);
  EXPECT_EQ(dp::collate_sv("Mora", "Mora"), 0);
  EXPECT_LT(dp::collate_sv("Ånge", "Ö"), 0);
}

TEST(Collation, CaseDoesNotOutweighLetters) {
  std::vector<std::string> v = {"borås", "Alingsås", "Bjuv"};
  dp::sort_sv(v);
  EXPECT_EQ(v, (std::vector<std::string>{"Alingsås", "Bjuv", "borås"}));
}

TEST(Collation, SortByKeyIsStableAndSwedish) {
  struct M {
    std::string name;
    int n;
  };
  std::vector<M> v = {{"Östra Göinge", 1}, {"Alvesta", 2}, {"Åstorp", 3}, {"Alvesta", 4}};
  dp::sort_sv_by(v.begin(), v.end(), [](const M& m) -> const std::string& { return m.name; });
  EXPECT_EQ(v[0].n, 2);
  EXPECT_EQ(v[1].n, 4);
  EXPECT_EQ(v[2].name, "Åstorp");
  EXPECT_EQ(v[3].name, "Östra Göinge");
}

TEST(TextHelpers, TrimSplitJoinLower) {
  EXPECT_EQ(dp::trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(dp::trim(""), "");
  EXPECT_EQ(dp::split("a|b||c", '|'), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(dp::split("", ','), (std::vector<std::string>{""}));
  EXPECT_EQ(dp::join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(dp::to_lower_ascii("ÅRE Kommun"), "Åre kommun");
}

TEST(TextHelpers, Utf8Validation) {
  EXPECT_TRUE(dp::valid_utf8("Åre, Ängelholm, Örebro"));
  EXPECT_TRUE(dp::valid_utf8("\xF0\x9F\x98\x80"));            // U+1F600
  EXPECT_FALSE(dp::valid_utf8("\xC3\x28"));                   // bad continuation
  EXPECT_FALSE(dp::valid_utf8("\xC0\xAF"));                   // overlong '/'
  EXPECT_FALSE(dp::valid_utf8("\xED\xA0\x80"));               // surrogate
  EXPECT_FALSE(dp::valid_utf8("\xF4\x90\x80\x80"));           // above U+10FFFF
  EXPECT_FALSE(dp::valid_utf8("abc\xE2\x82"));                // truncated
  EXPECT_FALSE(dp::valid_utf8(std::string_view("a\0b", 3)));  // NUL
}

TEST(TextHelpers, LanguageCodes) {
  EXPECT_EQ(dp::parse_lang("en"), dp::Lang::en);
  EXPECT_EQ(dp::parse_lang("sv"), dp::Lang::sv);
  EXPECT_EQ(dp::parse_lang("de", dp::Lang::en), dp::Lang::en);
  EXPECT_STREQ(dp::lang_code(dp::Lang::en), "en");
  dp::I18n l{"Ja", ""};
  EXPECT_EQ(l.get(dp::Lang::en), "Ja");  // English falls back to Swedish
  dp::I18n both{"Ja", "Yes"};
  EXPECT_EQ(both.get(dp::Lang::en), "Yes");
}
