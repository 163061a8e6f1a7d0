// The condition language (instrument/condition.h): grammar, precedence, every operator, missing
// values, organisation attributes and the JSON form the browser evaluates.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "instrument/condition.h"
#include "instrument/value.h"

using namespace dp::instrument;

namespace {

ExprPtr parse_ok(const std::string& text) {
  ParseError err{0, ""};
  auto e = parse_condition(text, &err);
  EXPECT_TRUE(e) << text << ": " << err.message << " at " << err.offset;
  return e;
}

ParseError parse_fail(const std::string& text) {
  ParseError err{-1, ""};
  auto e = parse_condition(text, &err);
  EXPECT_FALSE(e) << text << " should not parse";
  return err;
}

struct World {
  Answers answers;
  std::map<std::string, Scalar> attrs;
  bool eval(const std::string& text) const {
    auto e = parse_ok(text);
    if (!e) return false;
    EvalContext ctx;
    ctx.item = [this](const std::string& k) -> const Value* {
      auto it = answers.find(k);
      return it == answers.end() ? nullptr : &it->second;
    };
    ctx.attr = [this](const std::string& n) -> Scalar {
      auto it = attrs.find(n);
      return it == attrs.end() ? Scalar{} : it->second;
    };
    return evaluate(*e, ctx);
  }
};

World sample() {
  World w;
  w.answers = {{"q03", Value::code("ja")},  {"q07", Value::codes_of({"annat", "ks"})}, {"q08", Value::codes_of({"ks"})},
               {"s1", Value::num(1500)},    {"q12.nattillsyn", Value::code("pilot")},  {"q20", Value::text("fritext")},
               {"q21", Value::codes_of({})}};
  w.attrs = {{"county_code", std::string("01")},
             {"population", 15000.0},
             {"stimulus_requisitioned", true},
             {"home_health_care", false}};
  return w;
}

}  // namespace

TEST(Conditions, EqualsAndNotEqualsOnCodes) {
  auto w = sample();
  EXPECT_TRUE(w.eval("q03 == 'ja'"));
  EXPECT_FALSE(w.eval("q03 == 'nej'"));
  EXPECT_TRUE(w.eval("q03 != 'nej'"));
  EXPECT_FALSE(w.eval("q03 != 'ja'"));
  EXPECT_TRUE(w.eval("'ja' == q03"));
  EXPECT_TRUE(w.eval("q03 == \"ja\""));
}

TEST(Conditions, NumericComparisons) {
  auto w = sample();
  EXPECT_TRUE(w.eval("s1 > 0"));
  EXPECT_TRUE(w.eval("s1 >= 1500"));
  EXPECT_FALSE(w.eval("s1 > 1500"));
  EXPECT_TRUE(w.eval("s1 <= 1500"));
  EXPECT_FALSE(w.eval("s1 < 1500"));
  EXPECT_TRUE(w.eval("s1 < 1500.5"));
  EXPECT_TRUE(w.eval("s1 == 1500"));
  EXPECT_TRUE(w.eval("s1 != 1"));
  EXPECT_TRUE(w.eval("s1 > -2"));
}

TEST(Conditions, InListOnAMatrixRow) {
  auto w = sample();
  EXPECT_TRUE(w.eval("q12.nattillsyn in ['pilot', 'bredd']"));
  EXPECT_FALSE(w.eval("q12.nattillsyn in ['bredd']"));
  EXPECT_FALSE(w.eval("q12.nattillsyn in []"));
  EXPECT_TRUE(w.eval("s1 in [1, 1500]"));
}

TEST(Conditions, HasOnAMultiChoice) {
  auto w = sample();
  EXPECT_TRUE(w.eval("q07 has 'annat'"));
  EXPECT_TRUE(w.eval("q07 has 'ks'"));
  EXPECT_FALSE(w.eval("q07 has 'vet_ej'"));
  EXPECT_TRUE(w.eval("q03 has 'ja'"));  // a single choice "has" its one code
  EXPECT_FALSE(w.eval("q99 has 'ja'"));
}

TEST(Conditions, EqualityOnAMultiWithOneCodeComparesThatCode) {
  auto w = sample();
  EXPECT_TRUE(w.eval("q08 == 'ks'"));
  EXPECT_FALSE(w.eval("q07 == 'ks'"));  // two codes: not equal to one
}

TEST(Conditions, CountOfSelectedCodes) {
  auto w = sample();
  EXPECT_TRUE(w.eval("count(q07) == 2"));
  EXPECT_TRUE(w.eval("count(q07) >= 2"));
  EXPECT_TRUE(w.eval("count(q21) == 0"));
  EXPECT_TRUE(w.eval("count(q99) == 0"));
  EXPECT_TRUE(w.eval("count(q03) == 1"));
}

TEST(Conditions, AnsweredItem) {
  auto w = sample();
  EXPECT_TRUE(w.eval("answered(q03)"));
  EXPECT_TRUE(w.eval("answered(q12.nattillsyn)"));
  EXPECT_FALSE(w.eval("answered(q99)"));
  EXPECT_TRUE(w.eval("not answered(q99)"));
}

TEST(Conditions, EmptyMultiSelectionIsAnAnswer) {
  // answer_check treats an empty selection of a multi as an answer ("none of these"), so
  // answered() must agree.
  auto w = sample();
  EXPECT_TRUE(w.eval("answered(q21)"));
}

TEST(Conditions, UnansweredItemMakesComparisonFalse) {
  World w;  // nothing answered
  EXPECT_FALSE(w.eval("q03 == 'ja'"));
  EXPECT_FALSE(w.eval("q03 != 'ja'"));
  EXPECT_FALSE(w.eval("s1 > 0"));
  EXPECT_FALSE(w.eval("s1 <= 0"));
  EXPECT_FALSE(w.eval("q12.r in ['a']"));
  EXPECT_FALSE(w.eval("q07 has 'a'"));
  EXPECT_TRUE(w.eval("not (q03 == 'ja')"));
}

TEST(Conditions, EmptyTextCountsAsUnanswered) {
  World w;
  w.answers["q20"] = Value::text("");
  EXPECT_FALSE(w.eval("answered(q20)"));
  EXPECT_FALSE(w.eval("q20 == ''"));
}

TEST(Conditions, MismatchedTypesCompareFalse) {
  auto w = sample();
  EXPECT_FALSE(w.eval("q03 == 1"));
  EXPECT_FALSE(w.eval("s1 == '1500'"));
  EXPECT_FALSE(w.eval("s1 != '1500'"));
}

TEST(Conditions, OrganisationAttributes) {
  auto w = sample();
  EXPECT_TRUE(w.eval("org.county_code == '01'"));
  EXPECT_FALSE(w.eval("org.county_code != '01'"));
  EXPECT_TRUE(w.eval("org.stimulus_requisitioned"));
  EXPECT_FALSE(w.eval("org.home_health_care"));
  EXPECT_TRUE(w.eval("not org.home_health_care"));
  EXPECT_TRUE(w.eval("org.population <= 15000"));
  EXPECT_TRUE(w.eval("org.stimulus_requisitioned == true"));
}

TEST(Conditions, MissingAttributeIsFalseEitherWay) {
  World w;
  EXPECT_FALSE(w.eval("org.stimulus_requisitioned"));
  EXPECT_FALSE(w.eval("org.county_code != '01'"));
  EXPECT_FALSE(w.eval("org.county_code == '01'"));
}

TEST(Conditions, PrecedenceNotBindsTighterThanAndTighterThanOr) {
  World w;
  w.answers = {{"a", Value::code("x")}};
  // "true or false and false" is true or (false and false) = true
  EXPECT_TRUE(w.eval("true or false and false"));
  EXPECT_FALSE(w.eval("(true or false) and false"));
  // "not a == 'x' or true": not binds the comparison, then or
  EXPECT_TRUE(w.eval("not a == 'x' or true"));
  EXPECT_FALSE(w.eval("not (a == 'x' or true)"));
  EXPECT_FALSE(w.eval("not a == 'x' and true"));
  EXPECT_TRUE(w.eval("not not a == 'x'"));
}

TEST(Conditions, PrecedenceShapesTheTree) {
  auto e = parse_ok("a == 'x' or b == 'y' and not c == 'z'");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->op, Expr::Op::Or);
  EXPECT_EQ(e->args[0]->op, Expr::Op::Eq);
  EXPECT_EQ(e->args[1]->op, Expr::Op::And);
  EXPECT_EQ(e->args[1]->args[1]->op, Expr::Op::Not);
  EXPECT_EQ(e->args[1]->args[1]->args[0]->op, Expr::Op::Eq);
}

TEST(Conditions, AndOrAreLeftAssociative) {
  auto e = parse_ok("a or b or c");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->op, Expr::Op::Or);
  EXPECT_EQ(e->args[0]->op, Expr::Op::Or);
  EXPECT_EQ(e->args[1]->ref, "c");
}

TEST(Conditions, LiteralsAndLists) {
  World w;
  EXPECT_TRUE(w.eval("true"));
  EXPECT_FALSE(w.eval("false"));
  EXPECT_TRUE(w.eval("1"));
  EXPECT_FALSE(w.eval("0"));
  EXPECT_TRUE(w.eval("'x'"));
  EXPECT_FALSE(w.eval("''"));
  EXPECT_TRUE(w.eval("['a']"));
  EXPECT_FALSE(w.eval("[]"));
}

TEST(Conditions, EmptyConditionIsTrue) {
  Condition c;
  EXPECT_TRUE(c.empty());
  EXPECT_TRUE(evaluate(c, EvalContext{}));
}

TEST(Conditions, KeywordsNeedWordBoundaries) {
  World w;
  w.answers = {{"order", Value::code("x")}, {"notes", Value::code("y")}, {"android", Value::code("z")}};
  EXPECT_TRUE(w.eval("order == 'x'"));
  EXPECT_TRUE(w.eval("notes == 'y'"));
  EXPECT_TRUE(w.eval("android == 'z'"));
  EXPECT_TRUE(w.eval("order == 'x'and notes == 'y'"));
}

TEST(Conditions, SyntaxErrorsCarryOffsetAndMessage) {
  auto e1 = parse_fail("q01 = 'ja'");
  EXPECT_EQ(e1.offset, 4);  // the "="
  EXPECT_NE(e1.message.find("=="), std::string::npos);
  auto e2 = parse_fail("q01 == 'ja");
  EXPECT_NE(e2.message.find("not closed"), std::string::npos);
  auto e3 = parse_fail("(q01 == 'ja'");
  EXPECT_NE(e3.message.find("')'"), std::string::npos);
  auto e4 = parse_fail("q01 in 'ja'");
  EXPECT_NE(e4.message.find("list"), std::string::npos);
  auto e5 = parse_fail("q01 == 'ja' q02");
  EXPECT_EQ(e5.offset, 12);
  EXPECT_NE(e5.message.find("unexpected"), std::string::npos);
  parse_fail("");
  parse_fail("q01 ==");
  parse_fail("and");
  parse_fail("q01.");
  parse_fail("[1, 2");
  parse_fail("count(q01");
  parse_fail("count('x')");
  parse_fail("1.2.3 == q01");
  parse_fail("- == q01");
}

TEST(Conditions, DeepNestingIsRefusedNotCrashing) {
  std::string deep(5000, '(');
  auto err = parse_fail(deep + "a" + std::string(5000, ')'));
  EXPECT_FALSE(err.message.empty());
  std::string nots;
  for (int i = 0; i < 500; ++i) nots += "not ";
  parse_fail(nots + "a");
  auto long_err = parse_fail(std::string(4001, 'a'));
  EXPECT_NE(long_err.message.find("too long"), std::string::npos);
}

TEST(Conditions, ModerateNestingIsFine) {
  World w;
  w.answers = {{"a", Value::code("x")}};
  EXPECT_TRUE(w.eval(std::string(30, '(') + "a == 'x'" + std::string(30, ')')));
}

TEST(Conditions, ReferencesListItemsWithComparedCodes) {
  auto e = parse_ok("q03 == 'ja' and q12.nattillsyn in ['pilot', 'bredd'] and s1 > 0 and org.county_code != '01'");
  ASSERT_TRUE(e);
  auto refs = references(*e);
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].name, "q03");
  EXPECT_EQ(refs[0].offset, 0);
  EXPECT_EQ(refs[0].compared_codes, (std::vector<std::string>{"ja"}));
  EXPECT_EQ(refs[1].name, "q12.nattillsyn");
  EXPECT_EQ(refs[1].compared_codes, (std::vector<std::string>{"pilot", "bredd"}));
  EXPECT_EQ(refs[2].name, "s1");
  EXPECT_TRUE(refs[2].numeric);
  EXPECT_EQ(refs[3].name, "org.county_code");
}

TEST(Conditions, ReferencesInsideCountAnsweredAndNot) {
  auto e = parse_ok("count(q07) > 1 or not answered(q09)");
  ASSERT_TRUE(e);
  auto refs = references(*e);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].name, "q07");
  EXPECT_EQ(refs[0].offset, 6);
  EXPECT_EQ(refs[1].name, "q09");
}

TEST(Conditions, JsonFormForTheBrowser) {
  auto e = parse_ok("q03 == 'ja'");
  ASSERT_TRUE(e);
  auto j = to_json(*e);
  EXPECT_EQ(j, nlohmann::json::parse(R"({"op":"eq","args":[{"op":"ref","ref":"q03"},{"op":"lit","value":"ja"}]})"));
}

TEST(Conditions, JsonFormCoversEveryOperator) {
  auto e = parse_ok(
      "not (a in ['x', 1, true] or b has 'y') and count(c) >= 2 and answered(d) and e != 1 and f < 1 "
      "and g <= 1 and h > 1");
  ASSERT_TRUE(e);
  std::string s = to_json(*e).dump();
  for (const char* op : {"\"not\"", "\"and\"", "\"or\"", "\"in\"", "\"list\"", "\"has\"", "\"count\"", "\"answered\"",
                         "\"ge\"", "\"ne\"", "\"lt\"", "\"le\"", "\"gt\"", "\"lit\"", "\"ref\""})
    EXPECT_NE(s.find(op), std::string::npos) << op << " missing in " << s;
  EXPECT_NE(s.find(R"("values":["x",1.0,true])"), std::string::npos) << s;
}

// Regression (fuzz_condition): a string literal with invalid UTF-8 parsed, and to_json().dump()
// then threw nlohmann's type_error 316.
TEST(Conditions, InvalidUtf8IsASyntaxErrorNotAJsonCrash) {
  auto err = parse_fail("q28 has 'lakemedel\xff\xff'");
  EXPECT_NE(err.message.find("UTF-8"), std::string::npos);
  parse_fail(std::string("q01 == 'a\0b'", 12));
}
