// Visibility (instrument/visibility.h): which items an organisation is shown, from section,
// question and row eligibility and show_if, text annexes, and evaluation in dependency order.
#include "instrument/visibility.h"

#include <gtest/gtest.h>

#include "instrument/load.h"

using namespace dp::instrument;

namespace {

const char* kYaml = R"YAML(format: digipuls-instrument/1
id: vis
family: vis
year: 2021
title: {sv: "Synlighet", en: "Visibility"}
attributes:
  - {id: stimulus_requisitioned, type: bool, label: {sv: "Stimulans", en: "Stimulus"}}
  - {id: home_health_care, type: bool, label: {sv: "Hemsjukvård", en: "Home health care"}}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - id: q04
        type: number
        show_if: "q05 == 'ja'"
        label: {sv: "Framåtreferens", en: "Forward reference"}
      - id: q01
        type: yesno
        label: {sv: "Fråga 1", en: "Question 1"}
        comment: true
      - id: q02
        type: multi
        show_if: "q01 == 'ja'"
        label: {sv: "Fråga 2", en: "Question 2"}
        options:
          - {id: a, label: {sv: "A", en: "A"}}
          - {id: annat, label: {sv: "Annat", en: "Other"}, specify: true}
          - {id: inget, label: {sv: "Inget", en: "None"}, exclusive: true}
      - id: q03
        type: matrix
        cell: single
        comment: true
        label: {sv: "Matris", en: "Matrix"}
        options:
          - {id: pilot, label: {sv: "Pilot", en: "Pilot"}}
          - {id: bredd, label: {sv: "Bredd", en: "Full"}}
          - {id: annan, label: {sv: "Annan", en: "Other"}, specify: true}
        rows:
          - {id: r1, label: {sv: "R1", en: "R1"}}
          - {id: r2, label: {sv: "R2", en: "R2"}, show_if: "q01 == 'ja'"}
          - {id: r3, label: {sv: "R3", en: "R3"}, eligible_if: "org.home_health_care"}
          - {id: r4, label: {sv: "R4", en: "R4"}, options: [pilot, bredd]}
      - id: q05
        type: yesno
        label: {sv: "Fråga 5", en: "Question 5"}
      - id: q06
        type: yesno
        eligible_if: "org.county_code != '01'"
        label: {sv: "Inte Stockholm", en: "Not Stockholm"}
      - id: q07
        type: yesno
        show_if: "answered(q02)"
        label: {sv: "Kedja", en: "Chain"}
  - id: s
    title: {sv: "Stimulans", en: "Stimulus"}
    eligible_if: "org.stimulus_requisitioned"
    questions:
      - {id: s1, type: number, label: {sv: "Belopp", en: "Amount"}}
  - id: t
    title: {sv: "Bara nej", en: "Only no"}
    show_if: "q01 == 'nej'"
    questions:
      - {id: t1, type: text, label: {sv: "Varför?", en: "Why?"}}
)YAML";

const Instrument& inst() {
  static const Instrument in = load_or_throw(kYaml, "vis.yaml");
  return in;
}

OrgAttributes org(bool stimulus, bool home_care, const std::string& county = "12") {
  return {{"county_code", county}, {"stimulus_requisitioned", stimulus}, {"home_health_care", home_care}};
}

}  // namespace

TEST(Visibility, UnconditionalItemsAreShown) {
  Visibility v(inst(), {}, org(true, true));
  EXPECT_TRUE(v.shown("q01"));
  EXPECT_TRUE(v.shown("q05"));
  EXPECT_TRUE(v.shown("q03.r1"));
  EXPECT_TRUE(v.question_shown("q01"));
  EXPECT_TRUE(v.section_shown("a"));
}

TEST(Visibility, ShowIfFalseWhileUnanswered) {
  Visibility v(inst(), {}, org(true, true));
  EXPECT_EQ(v.item("q02"), Shown::ConditionFalse);
  EXPECT_EQ(v.item("q03.r2"), Shown::ConditionFalse);
  EXPECT_FALSE(v.question_shown("q02"));
}

TEST(Visibility, ShowIfFollowsTheAnswer) {
  Visibility yes(inst(), {{"q01", Value::code("ja")}}, org(true, true));
  EXPECT_TRUE(yes.shown("q02"));
  EXPECT_TRUE(yes.shown("q03.r2"));
  Visibility no(inst(), {{"q01", Value::code("nej")}}, org(true, true));
  EXPECT_FALSE(no.shown("q02"));
  EXPECT_FALSE(no.shown("q03.r2"));
}

TEST(Visibility, ForwardReferenceIsEvaluatedAfterItsTarget) {
  // q04 comes before q05 in the file but depends on it.
  Visibility v(inst(), {{"q05", Value::code("ja")}}, org(true, true));
  EXPECT_TRUE(v.shown("q04"));
  Visibility w(inst(), {{"q05", Value::code("nej")}}, org(true, true));
  EXPECT_EQ(w.item("q04"), Shown::ConditionFalse);
}

TEST(Visibility, EvaluationOrderPutsDependenciesFirst) {
  const auto& order = inst().evaluation_order;
  auto pos = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
  EXPECT_LT(pos("q05"), pos("q04"));
  EXPECT_LT(pos("q01"), pos("q02"));
  EXPECT_LT(pos("q02"), pos("q07"));
  EXPECT_LT(pos("q01"), pos("t1"));
  EXPECT_EQ(order.size(), inst().questions().size());
}

TEST(Visibility, SectionEligibilityOnAttribute) {
  Visibility with(inst(), {}, org(true, true));
  EXPECT_TRUE(with.shown("s1"));
  EXPECT_TRUE(with.section_shown("s"));
  Visibility without(inst(), {}, org(false, true));
  EXPECT_EQ(without.item("s1"), Shown::NotEligible);
  EXPECT_FALSE(without.section_shown("s"));
}

TEST(Visibility, SectionShowIfOnAnAnswer) {
  Visibility no(inst(), {{"q01", Value::code("nej")}}, org(true, true));
  EXPECT_TRUE(no.shown("t1"));
  Visibility yes(inst(), {{"q01", Value::code("ja")}}, org(true, true));
  EXPECT_EQ(yes.item("t1"), Shown::ConditionFalse);
  EXPECT_FALSE(yes.section_shown("t"));
}

TEST(Visibility, QuestionEligibilityOnCounty) {
  EXPECT_TRUE(Visibility(inst(), {}, org(true, true, "12")).shown("q06"));
  EXPECT_EQ(Visibility(inst(), {}, org(true, true, "01")).item("q06"), Shown::NotEligible);
}

TEST(Visibility, RowEligibilityOnAttribute) {
  Visibility home(inst(), {}, org(true, true));
  EXPECT_TRUE(home.shown("q03.r3"));
  Visibility stockholm(inst(), {}, org(true, false, "01"));
  EXPECT_EQ(stockholm.item("q03.r3"), Shown::NotEligible);
  EXPECT_TRUE(stockholm.shown("q03.r1"));
  EXPECT_TRUE(stockholm.question_shown("q03"));
}

TEST(Visibility, SpecifyTextShownOnlyWhenItsOptionIsChosen) {
  Visibility chosen(inst(), {{"q01", Value::code("ja")}, {"q02", Value::codes_of({"a", "annat"})}}, org(true, true));
  EXPECT_TRUE(chosen.shown("q02:annat"));
  Visibility other(inst(), {{"q01", Value::code("ja")}, {"q02", Value::codes_of({"a"})}}, org(true, true));
  EXPECT_EQ(other.item("q02:annat"), Shown::ConditionFalse);
}

TEST(Visibility, SpecifyTextOfAMatrixRowFollowsThatRow) {
  Visibility v(inst(), {{"q03.r1", Value::code("annan")}}, org(true, true));
  EXPECT_TRUE(v.shown("q03.r1:annan"));
  EXPECT_FALSE(v.shown("q03.r3:annan"));
  // r4 does not offer 'annan', so it has no specify text at all.
  EXPECT_EQ(v.item("q03.r4:annan"), Shown::NotEligible);
}

TEST(Visibility, CommentFollowsItsQuestion) {
  Visibility v(inst(), {}, org(true, true));
  EXPECT_TRUE(v.shown("q01:comment"));
  EXPECT_TRUE(v.shown("q03:comment"));
}

TEST(Visibility, HiddenAnswerDoesNotShowDependents) {
  // q02 has a stale answer but is hidden (q01 = nej): q07 ("answered(q02)") must stay hidden.
  Answers a = {{"q01", Value::code("nej")}, {"q02", Value::codes_of({"a"})}};
  Visibility v(inst(), a, org(true, true));
  EXPECT_FALSE(v.shown("q02"));
  EXPECT_FALSE(v.shown("q07"));
  a["q01"] = Value::code("ja");
  EXPECT_TRUE(Visibility(inst(), a, org(true, true)).shown("q07"));
}

TEST(Visibility, EffectiveAnswersDropHiddenAndEmpty) {
  Answers a = {{"q01", Value::code("nej")},
               {"q02", Value::codes_of({"a"})},
               {"s1", Value::num(5)},
               {"q05", Value::text("")},
               {"q03.r1", Value::code("pilot")}};
  Visibility v(inst(), a, org(false, true));
  auto eff = v.effective(a);
  EXPECT_EQ(eff.size(), 2u);
  EXPECT_TRUE(eff.count("q01"));
  EXPECT_TRUE(eff.count("q03.r1"));
  EXPECT_FALSE(eff.count("q02"));  // condition false
  EXPECT_FALSE(eff.count("s1"));   // not eligible
}

TEST(Visibility, UnknownItemIsNotEligible) {
  Visibility v(inst(), {}, org(true, true));
  EXPECT_EQ(v.item("q99"), Shown::NotEligible);
}

TEST(Visibility, EligibleIgnoresAnswers) {
  auto items = dp::instrument::items(inst());
  auto find = [&](const std::string& key) -> const Item& {
    for (const auto& it : items)
      if (it.key == key) return it;
    throw std::runtime_error("no item " + key);
  };
  EXPECT_TRUE(eligible(inst(), find("q02"), org(true, true)));  // show_if is not eligibility
  EXPECT_FALSE(eligible(inst(), find("s1"), org(false, true)));
  EXPECT_FALSE(eligible(inst(), find("q03.r3"), org(true, false)));
  EXPECT_FALSE(eligible(inst(), find("q06"), org(true, true, "01")));
}
