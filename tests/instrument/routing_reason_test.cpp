// routing_reason (instrument/routing_reason.h): the rule that hides an item, the first false one
// in the order the form applies them, and the answers or attributes that rule reads.
#include "instrument/routing_reason.h"

#include <gtest/gtest.h>

#include "instrument/load.h"
#include "instrument/org_attributes.h"

namespace dp::instrument {
namespace {

const char* kInstrument = R"YAML(
format: digipuls-instrument/1
id: demo-2021
family: demo
year: 2021
title: {sv: "Demo", en: "Demo"}
attributes:
  - {id: funds, type: bool, label: {sv: "F", en: "F"}}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - id: q1
        type: single
        label: {sv: "1", en: "1"}
        options: [{id: ja, label: {sv: "Ja", en: "Yes"}}, {id: nej, label: {sv: "Nej", en: "No"}},
                  {id: annat, label: {sv: "Annat", en: "Other"}, specify: true}]
      - {id: q2, type: yesno, show_if: "q1 == 'ja'", label: {sv: "2", en: "2"}}
      - id: q3
        type: matrix
        cell: yesno
        label: {sv: "3", en: "3"}
        rows:
          - {id: r1, label: {sv: "R1", en: "R1"}}
          - {id: r2, label: {sv: "R2", en: "R2"}, show_if: "q1 == 'ja' and q2 == 'ja'"}
  - id: b
    title: {sv: "B", en: "B"}
    eligible_if: "org.funds"
    questions:
      - {id: q4, type: number, label: {sv: "4", en: "4"}}
)YAML";

struct Fixture {
  Instrument in = load_or_throw(kInstrument, "demo.yaml");
  OrgAttributes org = {{"funds", Scalar{false}}};
};

}  // namespace

TEST(RoutingReason, AShownItemHasNone) {
  Fixture f;
  EXPECT_TRUE(routing_reason(f.in, "q1", {}, f.org).rule.empty());
}

TEST(RoutingReason, AConditionNamesItsSourceAndTheAnswersItReads) {
  Fixture f;
  auto r = routing_reason(f.in, "q2", {{"q1", Value::code("nej")}}, f.org);
  EXPECT_EQ(r.rule, "the condition of q2 \"q1 == 'ja'\" is false");
  EXPECT_FALSE(r.eligibility);
  ASSERT_EQ(r.inputs.size(), 1u);
  EXPECT_EQ(r.inputs[0].ref, "q1");
  EXPECT_EQ(r.inputs[0].value, "'nej' (Nej)");
  EXPECT_EQ(r.inputs[0].chosen, (std::vector<std::string>{"nej"}));
  EXPECT_EQ(routing_reason(f.in, "q2", {{"q1", Value::code("nej")}}, f.org, Lang::en).inputs[0].value, "'nej' (No)");
  EXPECT_EQ(routing_reason(f.in, "q2", {}, f.org).inputs[0].value, "no answer");
}

TEST(RoutingReason, AMatrixRowNamesEveryAnswerItsConditionReads) {
  Fixture f;
  Answers a = {{"q1", Value::code("ja")}, {"q2", Value::code("nej")}};
  auto r = routing_reason(f.in, "q3.r2", a, f.org);
  EXPECT_EQ(r.rule, "the condition of q3.r2 \"q1 == 'ja' and q2 == 'ja'\" is false");
  ASSERT_EQ(r.inputs.size(), 2u);
  EXPECT_EQ(r.inputs[0].ref + " = " + r.inputs[0].value, "q1 = 'ja' (Ja)");
  EXPECT_EQ(r.inputs[1].ref + " = " + r.inputs[1].value, "q2 = 'nej' (Nej)");
}

TEST(RoutingReason, AnAnswerThatIsItselfNotAskedIsSaidSo) {
  Fixture f;
  // q2 = ja is given, but q2 is not asked (q1 = nej): the row's condition does not see it.
  auto r = routing_reason(f.in, "q3.r2", {{"q1", Value::code("nej")}, {"q2", Value::code("ja")}}, f.org);
  ASSERT_EQ(r.inputs.size(), 2u);
  EXPECT_EQ(r.inputs[1].value, "not asked itself");
}

TEST(RoutingReason, ASectionsEligibilityNamesTheRegistryAttribute) {
  Fixture f;
  auto r = routing_reason(f.in, "q4", {}, f.org);
  EXPECT_TRUE(r.eligibility);
  EXPECT_EQ(r.rule, "the eligibility rule of section b \"org.funds\" is false");
  ASSERT_EQ(r.inputs.size(), 1u);
  EXPECT_TRUE(r.inputs[0].attribute);
  EXPECT_EQ(r.inputs[0].ref + " = " + r.inputs[0].value, "org.funds = false");
  EXPECT_TRUE(routing_reason(f.in, "q4", {}, {{"funds", Scalar{true}}}).rule.empty());
}

TEST(RoutingReason, AnOptionsTextFollowsTheOption) {
  Fixture f;
  auto r = routing_reason(f.in, "q1:annat", {{"q1", Value::code("ja")}}, f.org);
  EXPECT_EQ(r.rule, "its option 'annat' is not chosen in q1");
  ASSERT_EQ(r.inputs.size(), 1u);
  EXPECT_EQ(r.inputs[0].value, "'ja' (Ja)");
}

}  // namespace dp::instrument
