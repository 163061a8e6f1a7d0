// A broken key-figure or report file is reported with catalogued codes at the exact position.
#include <gtest/gtest.h>

#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "stats/report_load.h"
#include "support/demo_survey.h"

namespace dp::stats {
namespace {

const instrument::Instrument& demo() {
  static const auto in =
      instrument::load_or_throw(test::demo_instrument_yaml(R"(      - {id: q1, type: yesno, label: {sv: "F", en: "Q"}}
      - id: q2
        type: matrix
        cell: single
        label: {sv: "F", en: "Q"}
        options: [{id: a, label: {sv: "A", en: "A"}}, {id: b, label: {sv: "B", en: "B"}}]
        rows: [{id: r1, label: {sv: "R", en: "R"}}]
      - {id: q3, type: number, label: {sv: "F", en: "Q"}}
)"),
                                "demo.yaml");
  return in;
}

Diagnostics check(const std::string& body) {
  return load_keyfigures(test::demo_keyfigures_yaml(body), "kf.yaml", {&demo()}, nullptr).diagnostics;
}

// The first error's "code line:column".
std::string first(const Diagnostics& d) {
  for (const auto& x : d)
    if (x.severity == Diagnostic::Severity::Error)
      return std::string(x.id()) + " " + std::to_string(x.where.line) + ":" + std::to_string(x.where.column);
  return "none";
}

TEST(KeyFigureValidation, AValidFileHasNoErrors) {
  auto d = check(R"(  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{expand: q2}, {id: any, label: {sv: "L", en: "L"}, count: "q2.r1 in ['a', 'b']"}]
)");
  EXPECT_EQ(first(d), "none");
}

TEST(KeyFigureValidation, UnknownQuestionInACountIsPositionedInsideTheCondition) {
  auto d = check(R"(  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells:
      - {id: x, label: {sv: "L", en: "L"}, count: "q1 == 'ja' or q9 == 'ja'"}
)");
  // Line 9 of the file; column 66 is where q9 stands inside the quoted condition.
  EXPECT_EQ(first(d), "S008 9:66");
}

TEST(KeyFigureValidation, UnknownOptionAndUnknownAttributeAreReported) {
  auto d = check(R"(  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells:
      - {id: x, label: {sv: "L", en: "L"}, count: "q2.r1 == 'c'"}
      - {id: y, label: {sv: "L", en: "L"}, count: "org.nonsense"}
)");
  ASSERT_GE(d.size(), 2u);
  EXPECT_EQ(d[0].id(), "S009");
  EXPECT_EQ(d[1].id(), "S018");
}

TEST(KeyFigureValidation, AShareWithoutCountAndASumOverCodesAreStructuralErrors) {
  auto d = check(R"(  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells:
      - {id: x, label: {sv: "L", en: "L"}}
      - {id: y, label: {sv: "L", en: "L"}, stat: sum, value: q2.r1}
)");
  ASSERT_GE(d.size(), 2u);
  EXPECT_EQ(first(d), "S014 9:9");
  EXPECT_EQ(d[1].id(), "S014");
}

TEST(KeyFigureValidation, DuplicateIdsUnknownKeysAndBadStatAreReported) {
  auto d = check(R"(  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    colour: red
    stat: average
    cells: [{expand: q1}]
  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{expand: q1}]
)");
  std::set<std::string> codes;
  for (const auto& x : d) codes.insert(std::string(x.id()));
  EXPECT_TRUE(codes.count("S002"));
  EXPECT_TRUE(codes.count("S010"));
  EXPECT_TRUE(codes.count("S006"));
}

TEST(KeyFigureValidation, SyntaxErrorsAndWrongFormatAreReportedNotThrown) {
  auto bad = load_keyfigures("format: [unclosed", "kf.yaml", {&demo()}, nullptr);
  EXPECT_EQ(bad.diagnostics.at(0).id(), "S001");
  auto fmt = load_keyfigures("format: digipuls-instrument/1\nfamily: demo\ninstruments: [demo-2021]\nkeyfigures: []\n",
                             "kf.yaml", {&demo()}, nullptr);
  EXPECT_EQ(first(fmt.diagnostics), "S016 1:9");
}

HistoryData one_published_table() {
  HistoryData h;
  HistoryCell c;
  c.table = "Tabell 1";
  c.row_label = "Rad";
  c.column_label = "2021";
  c.year = 2021;
  c.number.value = 5;
  h.cells.push_back(c);
  return h;
}

TEST(KeyFigureValidation, AHistoryMappingToAnUnknownLabelIsPositioned) {
  auto h = one_published_table();
  std::string text = R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2021]
keyfigures:
  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{expand: q1, options: [ja]}]
    history:
      - table: Tabell 1
        rows: {ja: "Raden"}
)";
  auto d = load_keyfigures(text, "kf.yaml", {&demo()}, &h).diagnostics;
  EXPECT_EQ(first(d), "S012 10:9");
}

TEST(KeyFigureValidation, AFamilyThatMapsHistoryMustAccountForEveryPublishedTable) {
  auto h = one_published_table();
  h.cells.push_back(h.cells.front());
  h.cells.back().table = "Tabell 2";
  std::string text = R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2021]
keyfigures:
  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{expand: q1, options: [ja]}]
    history:
      - table: Tabell 1
        rows: {ja: "Rad"}
)";
  auto d = load_keyfigures(text, "kf.yaml", {&demo()}, &h).diagnostics;
  EXPECT_EQ(first(d), "S013 1:1");
}

TEST(KeyFigureValidation, AFamilyWithoutPublishedHistoryIsNotAskedToCoverIt) {
  auto h = one_published_table();
  std::string text = R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2021]
keyfigures:
  - {id: K1, title: {sv: "T", en: "T"}, definition: {sv: "D", en: "D"}, cells: [{expand: q1}]}
)";
  auto d = load_keyfigures(text, "kf.yaml", {&demo()}, &h).diagnostics;
  EXPECT_EQ(first(d), "none");
}

TEST(ReportValidation, ATableWithAnUnknownCellIsReportedAtTheTable) {
  auto kfs = load_keyfigures_or_throw(R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2021]
keyfigures:
  - {id: K1, title: {sv: "T", en: "T"}, definition: {sv: "D", en: "D"}, cells: [{expand: q1}]}
)",
                                      "kf.yaml", {&demo()}, nullptr);
  auto d = load_report(R"(format: digipuls-report/1
instrument: demo-2021
keyfigures: demo
title: {sv: "R", en: "R"}
tables:
  - id: T1
    number: {sv: "Tabell 1", en: "Table 1"}
    title: {sv: "T", en: "T"}
    keyfigure: K1
    rows: [{cell: kanske}]
    columns: [{label: {sv: "Andel", en: "Share"}}]
)",
                       "r.yaml", &kfs)
               .diagnostics;
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(first(d), "R012 6:5");
}

}  // namespace
}  // namespace dp::stats
