// Answer checks (instrument/answer_check.h): the same rules for form, import and generator.
#include "instrument/answer_check.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "instrument/load.h"

using namespace dp::instrument;

namespace {

const char* kYaml = R"YAML(format: digipuls-instrument/1
id: chk
family: chk
year: 2021
title: {sv: "Kontroller", en: "Checks"}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - id: q01
        type: yesno
        label: {sv: "Ja eller nej", en: "Yes or no"}
      - id: q02
        type: multi
        label: {sv: "Flera", en: "Several"}
        options:
          - {id: a, label: {sv: "A", en: "A"}}
          - {id: b, label: {sv: "B", en: "B"}}
          - {id: annat, label: {sv: "Annat", en: "Other"}, specify: true}
          - {id: inget, label: {sv: "Inget", en: "None"}, exclusive: true}
      - id: q03
        type: matrix
        cell: single
        label: {sv: "Matris", en: "Matrix"}
        options:
          - {id: pilot, label: {sv: "Pilot", en: "Pilot"}}
          - {id: bredd, label: {sv: "Bredd", en: "Full"}}
          - {id: nej, label: {sv: "Nej", en: "No"}}
          - {id: annat_svar, label: {sv: "Annat svar", en: "Other answer"}, import_only: true}
        rows:
          - {id: r1, label: {sv: "R1", en: "R1"}}
          - {id: r2, label: {sv: "R2", en: "R2"}, options: [pilot, nej]}
      - id: q04
        type: number
        min: 0
        max: 1000
        integer: true
        label: {sv: "Antal", en: "Count"}
      - id: q05
        type: percent
        label: {sv: "Andel", en: "Share"}
      - id: q06
        type: text
        mandatory: false
        label: {sv: "Fritext", en: "Free text"}
      - id: q07
        type: yesno
        show_if: "q01 == 'ja'"
        label: {sv: "Följdfråga", en: "Follow-up"}
)YAML";

const Instrument& inst() {
  static const Instrument in = load_or_throw(kYaml, "chk.yaml");
  return in;
}

Answers complete() {
  return {{"q01", Value::code("nej")},      {"q02", Value::codes_of({"a", "b"})},
          {"q03.r1", Value::code("bredd")}, {"q03.r2", Value::code("nej")},
          {"q04", Value::num(12)},          {"q05", Value::num(55.5)}};
}

std::vector<std::string> codes(const Answers& a, CheckMode mode = CheckMode::Import) {
  std::vector<std::string> out;
  for (const auto& p : check_answers(inst(), a, {}, mode)) out.push_back(p.item + " " + p.code);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(AnswerCheck, CompleteValidResponseHasNoProblems) {
  EXPECT_EQ(codes(complete()), V{});
  EXPECT_EQ(codes(complete(), CheckMode::Submit), V{});
}

TEST(AnswerCheck, UnknownOptionOfASingleChoice) {
  auto a = complete();
  a["q01"] = Value::code("kanske");
  auto problems = check_answers(inst(), a, {}, CheckMode::Draft);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "unknown_option");
  EXPECT_EQ(problems[0].args.at("option"), "kanske");
  EXPECT_NE(problems[0].message.find("kanske"), std::string::npos);
}

TEST(AnswerCheck, UnknownOptionInAMultiChoice) {
  auto a = complete();
  a["q02"] = Value::codes_of({"a", "zzz"});
  EXPECT_EQ(codes(a), V{"q02 unknown_option"});
}

TEST(AnswerCheck, MatrixRowOffersOnlyItsSubset) {
  auto a = complete();
  a["q03.r2"] = Value::code("bredd");  // r2 offers pilot and nej only
  EXPECT_EQ(codes(a), V{"q03.r2 unknown_option"});
  a["q03.r1"] = Value::code("bredd");  // r1 offers everything
  a["q03.r2"] = Value::code("pilot");
  EXPECT_EQ(codes(a), V{});
}

TEST(AnswerCheck, ExclusiveOptionCannotBeCombined) {
  auto a = complete();
  a["q02"] = Value::codes_of({"a", "inget"});
  EXPECT_EQ(codes(a), V{"q02 exclusive"});
  a["q02"] = Value::codes_of({"inget"});
  EXPECT_EQ(codes(a), V{});
}

TEST(AnswerCheck, NumberBoundsAndInteger) {
  auto a = complete();
  a["q04"] = Value::num(-1);
  EXPECT_EQ(codes(a), V{"q04 below_min"});
  a["q04"] = Value::num(1001);
  EXPECT_EQ(codes(a), V{"q04 above_max"});
  a["q04"] = Value::num(2.5);
  EXPECT_EQ(codes(a), V{"q04 not_integer"});
  a["q04"] = Value::num(0);
  EXPECT_EQ(codes(a), V{});
  a["q04"] = Value::num(1000);
  EXPECT_EQ(codes(a), V{});
}

TEST(AnswerCheck, PercentDefaultsToZeroToHundred) {
  auto a = complete();
  a["q05"] = Value::num(100.5);
  EXPECT_EQ(codes(a), V{"q05 above_max"});
  a["q05"] = Value::num(-0.1);
  EXPECT_EQ(codes(a), V{"q05 below_min"});
  a["q05"] = Value::num(100);
  EXPECT_EQ(codes(a), V{});
}

TEST(AnswerCheck, NonFiniteNumberIsRejected) {
  auto a = complete();
  a["q05"] = Value::num(std::numeric_limits<double>::infinity());
  EXPECT_EQ(codes(a), V{"q05 bad_value"});
}

TEST(AnswerCheck, WrongValueKindIsBadValue) {
  auto a = complete();
  a["q04"] = Value::code("12");
  a["q01"] = Value::codes_of({"ja", "nej"});
  a["q06"] = Value::num(3);
  auto c = codes(a);
  EXPECT_EQ(c, (V{"q01 bad_value", "q04 bad_value", "q06 bad_value"}));
}

TEST(AnswerCheck, TextLengthLimit) {
  auto a = complete();
  a["q06"] = Value::text(std::string(kMaxTextLength, 'x'));
  EXPECT_EQ(codes(a), V{});
  a["q06"] = Value::text(std::string(kMaxTextLength + 1, 'x'));
  EXPECT_EQ(codes(a), V{"q06 too_long"});
}

TEST(AnswerCheck, TextMustBeUtf8) {
  auto a = complete();
  a["q06"] = Value::text("bad \xC3\x28");
  EXPECT_EQ(codes(a), V{"q06 bad_text"});
}

TEST(AnswerCheck, MissingMandatoryOnlyInSubmitAndImport) {
  auto a = complete();
  a.erase("q04");
  a.erase("q03.r2");
  EXPECT_EQ(codes(a, CheckMode::Draft), V{});
  EXPECT_EQ(codes(a, CheckMode::Submit), (V{"q03.r2 missing", "q04 missing"}));
  EXPECT_EQ(codes(a, CheckMode::Import), (V{"q03.r2 missing", "q04 missing"}));
}

TEST(AnswerCheck, OptionalQuestionIsNotMissing) {
  auto a = complete();
  EXPECT_FALSE(a.count("q06"));
  EXPECT_EQ(codes(a, CheckMode::Submit), V{});
}

TEST(AnswerCheck, HiddenFollowUpIsNotMissing) {
  auto a = complete();  // q01 = nej hides q07
  EXPECT_EQ(codes(a, CheckMode::Submit), V{});
  a["q01"] = Value::code("ja");
  EXPECT_EQ(codes(a, CheckMode::Submit), V{"q07 missing"});
}

TEST(AnswerCheck, AnswerToHiddenItemIsAnErrorOnlyInImport) {
  auto a = complete();
  a["q07"] = Value::code("ja");  // q01 = nej: q07 is not shown
  EXPECT_EQ(codes(a, CheckMode::Import), V{"q07 not_shown"});
  EXPECT_EQ(codes(a, CheckMode::Draft), V{});
  EXPECT_EQ(codes(a, CheckMode::Submit), V{});
  auto p = check_answers(inst(), a, {}, CheckMode::Import);
  EXPECT_NE(p[0].message.find("condition is false"), std::string::npos) << p[0].message;
}

TEST(AnswerCheck, HiddenAnswersAreNotValueChecked) {
  auto a = complete();
  a["q07"] = Value::code("not-an-option");
  EXPECT_EQ(codes(a, CheckMode::Draft), V{});
}

TEST(AnswerCheck, EmptyMultiSelectionIsAnAnswer) {
  auto a = complete();
  a["q02"] = Value::codes_of({});
  EXPECT_EQ(codes(a, CheckMode::Submit), V{});
  a.erase("q02");
  EXPECT_EQ(codes(a, CheckMode::Submit), V{"q02 missing"});
}

TEST(AnswerCheck, EmptyValueCountsAsMissing) {
  auto a = complete();
  a["q04"] = Value{};
  EXPECT_EQ(codes(a, CheckMode::Submit), V{"q04 missing"});
}

TEST(AnswerCheck, UnknownItemIsReported) {
  auto a = complete();
  a["q99"] = Value::code("ja");
  a["q03.r9"] = Value::code("pilot");
  EXPECT_EQ(codes(a, CheckMode::Draft), (V{"q03.r9 unknown_item", "q99 unknown_item"}));
}

TEST(AnswerCheck, SpecifyTextNeedsItsOption) {
  auto a = complete();
  a["q02:annat"] = Value::text("något annat");
  EXPECT_EQ(codes(a), V{"q02:annat not_shown"});
  a["q02"] = Value::codes_of({"annat"});
  EXPECT_EQ(codes(a), V{});
}

TEST(AnswerCheck, SpecifyTextIsNeverMandatory) {
  auto a = complete();
  a["q02"] = Value::codes_of({"annat"});
  EXPECT_EQ(codes(a, CheckMode::Submit), V{});
}

TEST(AnswerCheck, ItemIndexHasEveryItemKey) {
  auto idx = item_index(inst());
  for (const char* k : {"q01", "q02", "q02:annat", "q03.r1", "q03.r2", "q04", "q05", "q06", "q07"})
    EXPECT_TRUE(idx.count(k)) << k;
  EXPECT_EQ(idx.at("q03.r2").options.size(), 2u);
  EXPECT_EQ(idx.at("q02:annat").type, Type::Text);
  EXPECT_EQ(idx.size(), 9u);
}

// «Annat svar» of historical microdata (issue 14): an import may hold it, the form never offers it.
TEST(AnswerCheck, AnImportOnlyAnswerIsAcceptedFromAnImportButNeverFromTheForm) {
  auto a = complete();
  a["q03.r1"] = Value::code("annat_svar");
  EXPECT_EQ(codes(a, CheckMode::Import), V{});
  EXPECT_EQ(codes(a, CheckMode::Submit), V{"q03.r1 unknown_option"});
  EXPECT_EQ(codes(a, CheckMode::Draft), V{"q03.r1 unknown_option"});
  auto index = item_index(inst());
  const auto& item = index.at("q03.r1");
  EXPECT_EQ(check_value(item, Value::code("annat_svar")).size(), 1u);
  for (const auto* o : item.options) EXPECT_NE(o->id, "annat_svar") << "offered on the form";
  ASSERT_EQ(item.import_options.size(), 1u);
  // r2 offers a subset that does not name it: not even an import may hold it there.
  a["q03.r1"] = Value::code("nej");
  a["q03.r2"] = Value::code("annat_svar");
  EXPECT_EQ(codes(a, CheckMode::Import), V{"q03.r2 unknown_option"});
}

TEST(AnswerCheck, AnImportOnlyOptionBelongsToASingleChoice) {
  std::string yaml = kYaml;
  yaml.replace(yaml.find("          - {id: inget, label: {sv: \"Inget\", en: \"None\"}, exclusive: true}"),
               std::string("          - {id: inget, label: {sv: \"Inget\", en: \"None\"}, exclusive: true}").size(),
               "          - {id: inget, label: {sv: \"Inget\", en: \"None\"}, import_only: true}");
  EXPECT_THROW(load_or_throw(yaml, "chk.yaml"), dp::Error);
}
