// The instrument parser (instrument/load.h, parse_yaml.cpp): defaults, labels, positions and the
// model it builds. Broken files are covered by the golden cases (golden_cases_test.cpp).
#include <gtest/gtest.h>

#include "core/error.h"
#include "instrument/load.h"

using namespace dp::instrument;

namespace {
const char* kYaml = R"YAML(format: digipuls-instrument/1
id: p-2021
family: p
year: 2021
title: "Bara svenska"
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - id: q01
        type: yesno
        comment: true
        label: {sv: "Ja?", en: "Yes?"}
      - id: q02
        type: yesno
        mandatory: false
        label: {sv: "Vet ej?", en: "Don't know?"}
        options:
          - {id: ja, label: {sv: "Ja", en: "Yes"}}
          - {id: vet_ej, label: {sv: "Vet ej", en: "Don't know"}, missing: dont_know}
          - {id: ej_relevant, label: {sv: "Ej relevant", en: "Not relevant"}, missing: not_relevant}
      - id: q03
        type: percent
        label: {sv: "Andel", en: "Share"}
      - id: q04
        type: matrix
        cell: multi
        label: {sv: "Matris", en: "Matrix"}
        options:
          - {id: a, label: {sv: "A", en: "A"}}
          - {id: annat, label: {sv: "Annat", en: "Other"}, specify: true}
        rows:
          - {id: r1, label: {sv: "R1", en: "R1"}}
          - {id: r2, label: {sv: "R2", en: "R2"}, options: [a]}
)YAML";
}  // namespace

TEST(Parser, BuildsTheModelWithDefaults) {
  auto res = load(kYaml, "p.yaml");
  ASSERT_TRUE(res.instrument);
  const auto& in = *res.instrument;
  EXPECT_EQ(in.kind, Kind::Survey);
  EXPECT_EQ(in.title.sv, "Bara svenska");
  ASSERT_EQ(res.diagnostics.size(), 1u);  // the plain-string title has no English
  EXPECT_EQ(res.diagnostics[0].severity, dp::Diagnostic::Severity::Warning);
  EXPECT_EQ(res.diagnostics[0].id(), "I013");

  const Question* q01 = in.question("q01");
  ASSERT_TRUE(q01);
  EXPECT_TRUE(q01->mandatory);
  ASSERT_EQ(q01->options.size(), 2u);  // yes/no gets ja/nej
  EXPECT_EQ(q01->options[0].id, "ja");
  EXPECT_EQ(q01->options[1].label.en, "No");
  EXPECT_EQ(q01->pos.line, 10);
  EXPECT_EQ(q01->pos.column, 9);

  const Question* q02 = in.question("q02");
  EXPECT_FALSE(q02->mandatory);
  EXPECT_EQ(q02->options.size(), 3u);  // explicit options replace ja/nej
  EXPECT_EQ(q02->options[1].missing, Missing::DontKnow);
  EXPECT_EQ(q02->options[2].missing, Missing::NotRelevant);

  const Question* q03 = in.question("q03");
  EXPECT_EQ(*q03->min, 0);
  EXPECT_EQ(*q03->max, 100);

  const Question* q04 = in.question("q04");
  EXPECT_TRUE(q04->is_matrix());
  EXPECT_EQ(q04->cell, Type::Multi);
  EXPECT_EQ(q04->rows[1].options, std::vector<std::string>{"a"});
  EXPECT_EQ(in.source_text, kYaml);
}

TEST(Parser, ItemsInDocumentOrderWithAnnexes) {
  auto in = load_or_throw(kYaml, "p.yaml");
  std::vector<std::string> keys;
  for (const auto& it : items(in)) keys.push_back(it.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"q01", "q01:comment", "q02", "q03", "q04.r1", "q04.r1:annat", "q04.r2"}));
}

TEST(Parser, LoadOrThrowListsEveryError) {
  try {
    load_or_throw("format: digipuls-instrument/1\nid: X\nyear: 3000\n", "bad.yaml");
    FAIL() << "no error";
  } catch (const dp::Error& e) {
    std::string msg = e.what();
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    for (const char* frag :
         {"bad.yaml:2:5: error I005", "error I003 [family]", "error I015 [year]", "[title]", "[sections]"})
      EXPECT_NE(msg.find(frag), std::string::npos) << frag << " in\n" << msg;
  }
}

TEST(Parser, EmptyAndScalarDocumentsAreDiagnosedNotCrashing) {
  for (const char* text : {"", "just text", "[1, 2]", "~", "---\n...\n", "- a\n- b\n"}) {
    auto res = load(text, "x.yaml");
    EXPECT_FALSE(res.instrument) << text;
    EXPECT_TRUE(dp::has_errors(res.diagnostics)) << text;
  }
}

TEST(Parser, AliasBombIsRefused) {
  std::string y = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 12; ++i) {
    std::string name = "b" + std::to_string(i);
    y += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
         ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
    prev = name;
  }
  auto res = load(y, "bomb.yaml");
  EXPECT_FALSE(res.instrument);
  EXPECT_TRUE(dp::has_errors(res.diagnostics));
}

TEST(Parser, TooManyDiagnosticsAreCapped) {
  std::string y =
      "format: digipuls-instrument/1\nid: x\nfamily: x\nyear: 2021\ntitle: {sv: T, en: T}\nsections:\n"
      "  - id: a\n    title: {sv: A, en: A}\n    questions:\n";
  for (int i = 0; i < 3000; ++i) y += "      - {id: q" + std::to_string(i) + ", type: slider, label: {sv: L, en: L}}\n";
  auto res = load(y, "many.yaml");
  EXPECT_FALSE(res.instrument);
  EXPECT_LE(res.diagnostics.size(), 2100u);
  EXPECT_GE(res.diagnostics.size(), 2000u);
}

namespace {
// A year-bound amount question, a row of it that is year-bound on its own, and a question that
// keeps the default.
std::string prefill_yaml(const std::string& s1_prefill, const std::string& row_prefill) {
  return "format: digipuls-instrument/1\nid: p-2022\nfamily: p\nyear: 2022\ntitle: {sv: T, en: T}\nsections:\n"
         "  - id: a\n    title: {sv: A, en: A}\n    questions:\n"
         "      - id: s1\n        type: matrix\n        cell: number\n" +
         s1_prefill +
         "        label: {sv: Belopp, en: Amounts}\n        rows:\n"
         "          - {id: used, label: {sv: U, en: U}}\n"
         "          - {id: left, label: {sv: L, en: L}" +
         row_prefill +
         "}\n"
         "      - id: q02\n        type: number\n        label: {sv: Antal, en: Count}\n";
}
std::string lines_of(const dp::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += d.str() + "\n";
  return out;
}
}  // namespace

TEST(Parser, PrefillDefaultsToTrueAndReadsTheQuestionsAndRowsDeclaration) {
  auto in = load_or_throw(prefill_yaml("        prefill: false\n", ""), "p.yaml");
  EXPECT_FALSE(in.question("s1")->prefill);
  EXPECT_TRUE(in.question("q02")->prefill) << "default";
  EXPECT_FALSE(in.question("s1")->rows[1].prefill.has_value()) << "unset: the row follows its question";

  auto rows = load_or_throw(prefill_yaml("", ", prefill: false"), "p.yaml");
  EXPECT_TRUE(rows.question("s1")->prefill);
  EXPECT_EQ(rows.question("s1")->rows[1].prefill, std::optional<bool>(false));
}

TEST(Parser, PrefillThatIsNotABooleanIsAnErrorAtItsLine) {
  auto res = load(prefill_yaml("        prefill: sometimes\n", ""), "p.yaml");
  EXPECT_FALSE(res.instrument);
  ASSERT_FALSE(res.diagnostics.empty());
  auto text = lines_of(res.diagnostics);
  EXPECT_NE(text.find("p.yaml:13:18: error"), std::string::npos) << text;
  EXPECT_NE(text.find("'prefill' must be true or false"), std::string::npos) << text;
}

TEST(Parser, ARowCannotBringBackPrefillItsQuestionTurnedOff) {
  auto res = load(prefill_yaml("        prefill: false\n", ", prefill: true"), "p.yaml");
  EXPECT_FALSE(res.instrument);
  auto text = lines_of(res.diagnostics);
  EXPECT_NE(text.find("p.yaml:17:"), std::string::npos) << text;
  EXPECT_NE(text.find("row 'left' says 'prefill: true' but question 's1' says 'prefill: false'"), std::string::npos)
      << text;
}
