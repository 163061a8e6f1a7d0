// Consistency checks (`checks:`): parsed and validated with positions, and evaluated over the
// answers the organisation is shown.
#include "instrument/consistency.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/load.h"

using namespace dp::instrument;

namespace {

std::string instrument_with(const std::string& checks) {
  return R"YAML(format: digipuls-instrument/1
id: chk
family: chk
year: 2021
title: {sv: "Kontroller", en: "Checks"}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - {id: q01, type: yesno, label: {sv: "Har ni gps-larm?", en: "GPS alarms?"}}
      - {id: q02, type: number, min: 0, show_if: "q01 == 'ja'", label: {sv: "Antal", en: "Number"}}
      - id: q03
        type: matrix
        cell: number
        label: {sv: "Kronor", en: "Kronor"}
        rows: [{id: used, label: {sv: "Förbrukat", en: "Used"}}, {id: left, label: {sv: "Kvar", en: "Left"}}]
)YAML" + checks;
}

const char* kChecks = R"YAML(checks:
  - id: outlier
    flag_if: "q02 > 700"
    questions: [q02]
    message: {sv: "Ovanligt många", en: "Unusually many"}
  - id: none_counted
    flag_if: "q01 == 'ja' and q02 == 0"
    severity: error
    questions: [q02, q01]
    message: {sv: "Noll trots ja", en: "Zero despite yes"}
  - id: all_zero
    flag_if: "q03.used == 0 and q03.left == 0"
    questions: [q03]
    message: {sv: "Båda noll", en: "Both zero"}
)YAML";

std::vector<std::string> ids(const std::vector<const Check*>& v) {
  std::vector<std::string> out;
  for (const auto* c : v) out.push_back(c->id);
  return out;
}

std::string first_error(const std::string& checks) {
  auto r = load(instrument_with(checks), "chk.yaml");
  for (const auto& d : r.diagnostics)
    if (d.severity == dp::Diagnostic::Severity::Error)
      return std::string(d.id()) + " " + std::to_string(d.where.line) + " " + d.message;
  return "none";
}

}  // namespace

TEST(ConsistencyChecks, AreParsedWithSeverityQuestionsAndMessages) {
  auto in = load_or_throw(instrument_with(kChecks), "chk.yaml");
  ASSERT_EQ(in.checks.size(), 3u);
  EXPECT_FALSE(in.checks[0].blocking);
  EXPECT_TRUE(in.checks[1].blocking);
  EXPECT_EQ(in.checks[1].questions, (std::vector<std::string>{"q02", "q01"}));
  EXPECT_EQ(in.checks[2].message.sv, "Båda noll");
}

TEST(ConsistencyChecks, FlagOnlyWhatTheirConditionsSay) {
  auto in = load_or_throw(instrument_with(kChecks), "chk.yaml");
  Answers a = {
      {"q01", Value::code("ja")}, {"q02", Value::num(800)}, {"q03.used", Value::num(5)}, {"q03.left", Value::num(0)}};
  EXPECT_EQ(ids(flagged_checks(in, a, {})), (std::vector<std::string>{"outlier"}));
  a["q02"] = Value::num(0);
  a["q03.used"] = Value::num(0);
  EXPECT_EQ(ids(flagged_checks(in, a, {})), (std::vector<std::string>{"none_counted", "all_zero"}));
  a["q02"] = Value::num(12);
  a["q03.used"] = Value::num(1);
  EXPECT_TRUE(flagged_checks(in, a, {}).empty());
}

TEST(ConsistencyChecks, AnAnswerToAHiddenQuestionTripsNothing) {
  auto in = load_or_throw(instrument_with(kChecks), "chk.yaml");
  // q02 is shown only after 'ja'; its stale value 800 no longer counts.
  Answers a = {{"q01", Value::code("nej")}, {"q02", Value::num(800)}};
  EXPECT_TRUE(flagged_checks(in, a, {}).empty());
}

TEST(ConsistencyChecks, UnansweredQuestionsTripNothing) {
  auto in = load_or_throw(instrument_with(kChecks), "chk.yaml");
  EXPECT_TRUE(flagged_checks(in, {}, {}).empty());
}

TEST(ConsistencyChecks, BadDeclarationsAreReportedWithCodeAndLine) {
  EXPECT_EQ(first_error(R"(checks:
  - {id: c1, flag_if: "q09 > 1", questions: [q02], message: {sv: "S", en: "E"}}
)")
                .substr(0, 7),
            "I008 18");
  EXPECT_EQ(first_error(R"(checks:
  - {id: c1, flag_if: "q02 > 1", questions: [q99], message: {sv: "S", en: "E"}}
)")
                .substr(0, 7),
            "I022 18");
  EXPECT_EQ(first_error(R"(checks:
  - {id: c1, flag_if: "q02 > 1", severity: fatal, questions: [q02], message: {sv: "S", en: "E"}}
)")
                .substr(0, 4),
            "I022");
  EXPECT_EQ(first_error(R"(checks:
  - {id: c1, flag_if: "q02 > 1", questions: [q02], message: {sv: "S", en: "E"}}
  - {id: c1, flag_if: "q02 > 2", questions: [q02], message: {sv: "S", en: "E"}}
)")
                .substr(0, 7),
            "I006 19");
  EXPECT_EQ(first_error(R"(checks:
  - {id: c1, questions: [q02], message: {sv: "S", en: "E"}}
)")
                .substr(0, 4),
            "I003");
}

TEST(ConsistencyChecks, TheBundledSurveysDeclareTheirChecks) {
  for (const char* f : {"instruments/ehalsa-2021.yaml", "instruments/ehalsa-2022.yaml"}) {
    std::ifstream file(std::string(DIGIPULS_SOURCE_DIR) + "/" + f);
    std::stringstream ss;
    ss << file.rdbuf();
    auto in = load_or_throw(ss.str(), f);
    EXPECT_GE(in.checks.size(), 3u) << f;
  }
}
