// parse_value (instrument/answer_check.h): one raw cell or form field -> an answer value.
#include <gtest/gtest.h>

#include "instrument/answer_check.h"

using namespace dp::instrument;

namespace {
Item item_of(Type t) {
  Item it;
  it.key = "x";
  it.type = t;
  return it;
}
std::optional<Value> pv(Type t, const std::string& raw, std::string* err = nullptr) {
  std::string e;
  auto v = parse_value(item_of(t), raw, err ? err : &e);
  return v;
}
}  // namespace

TEST(ParseValue, EmptyRawGivesEmptyValue) {
  for (Type t : {Type::YesNo, Type::Single, Type::Multi, Type::Number, Type::Percent, Type::Text}) {
    auto v = pv(t, "");
    ASSERT_TRUE(v);
    EXPECT_TRUE(v->empty());
  }
  EXPECT_TRUE(pv(Type::Number, "   ")->empty());
}

TEST(ParseValue, CodesAreTrimmed) {
  auto v = pv(Type::Single, "  ja ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, Value::Kind::Code);
  EXPECT_EQ(v->str, "ja");
}

TEST(ParseValue, MultiCodesAreSplitOnBarTrimmedAndDeduplicated) {
  auto v = pv(Type::Multi, "a| b |a||c");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, Value::Kind::Codes);
  EXPECT_EQ(v->codes, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ParseValue, NumbersAcceptDecimalCommaAndGroups) {
  EXPECT_EQ(pv(Type::Number, "1 500")->number, 1500);
  EXPECT_EQ(pv(Type::Number, "12,5")->number, 12.5);
  EXPECT_EQ(pv(Type::Percent, "99.5")->number, 99.5);
  EXPECT_EQ(pv(Type::Number, "-3")->kind, Value::Kind::Number);
}

TEST(ParseValue, BadNumberIsAnErrorWithTheText) {
  std::string err;
  EXPECT_FALSE(pv(Type::Number, "tolv", &err));
  EXPECT_NE(err.find("'tolv' is not a number"), std::string::npos) << err;
  EXPECT_FALSE(pv(Type::Percent, "50%", &err));
  EXPECT_FALSE(pv(Type::Number, "1e3", &err));
}

TEST(ParseValue, TextKeepsItsSpaces) {
  auto v = pv(Type::Text, "  indraget  ");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, Value::Kind::Text);
  EXPECT_EQ(v->str, "  indraget  ");
}

TEST(ParseValue, InvalidUtf8IsAnError) {
  std::string err;
  EXPECT_FALSE(pv(Type::Text, "bad\xFF", &err));
  EXPECT_NE(err.find("UTF-8"), std::string::npos);
  EXPECT_FALSE(pv(Type::Single, "\xC3", &err));
}

TEST(Value, EqualityAndEmptiness) {
  EXPECT_EQ(Value{}, Value::text(""));
  EXPECT_NE(Value::code("a"), Value::text("a"));
  EXPECT_EQ(Value::codes_of({"a", "b"}), Value::codes_of({"a", "b"}));
  EXPECT_NE(Value::codes_of({"a", "b"}), Value::codes_of({"b", "a"}));
  EXPECT_NE(Value::codes_of({}), Value{});  // an empty selection is an answer
  EXPECT_FALSE(Value::codes_of({}).empty());
  EXPECT_EQ(Value::num(1.5), Value::num(1.5));
  EXPECT_TRUE(Value::codes_of({"a"}).has("a"));
  EXPECT_TRUE(Value::code("a").has("a"));
  EXPECT_FALSE(Value::text("a").has("a"));
}

TEST(Value, JsonStorageForm) {
  EXPECT_EQ(Value::code("ja").to_json_string(), "\"ja\"");
  EXPECT_EQ(Value::codes_of({"a", "b"}).to_json_string(), "[\"a\",\"b\"]");
  EXPECT_EQ(Value::num(12.5).to_json_string(), "12.5");
  EXPECT_EQ(Value{}.to_json_string(), "null");
}
