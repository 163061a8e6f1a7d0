// Free-text listing (stats/freetext.h) on a questionnaire small enough to order by hand: texts in
// the questionnaire's order of items (rows as the matrix lists them, an «ange vad» field before the
// question's comment), then by organisation code; only respondents' texts.
#include "stats/freetext.h"

#include <gtest/gtest.h>

#include "instrument/load.h"
#include "stats/response_input.h"
#include "support.h"
#include "support/demo_survey.h"

namespace dp::stats {
namespace {

using instrument::Value;

const instrument::Instrument& texts_instrument() {
  static const auto in = instrument::load_or_throw(
      test::demo_instrument_yaml("      - {id: q1, type: text, label: {sv: \"Fritext\", en: \"Free text\"}}\n"
                                 "      - id: q2\n"
                                 "        type: matrix\n"
                                 "        cell: single\n"
                                 "        comment: true\n"
                                 "        label: {sv: \"Matris\", en: \"Matrix\"}\n"
                                 "        options:\n"
                                 "          - {id: ja, label: {sv: \"Ja\", en: \"Yes\"}}\n"
                                 "          - {id: ovrigt, label: {sv: \"Övrigt\", en: \"Other\"}, specify: true}\n"
                                 "        rows:\n"
                                 "          - {id: r1, label: {sv: \"Rad 1\", en: \"Row 1\"}}\n"
                                 "          - {id: r2, label: {sv: \"Rad 2\", en: \"Row 2\"}}\n"
                                 "          - {id: r10, label: {sv: \"Rad 10\", en: \"Row 10\"}}\n"
                                 "      - id: q3\n"
                                 "        type: multi\n"
                                 "        comment: true\n"
                                 "        label: {sv: \"Flerval\", en: \"Multiple choice\"}\n"
                                 "        options:\n"
                                 "          - {id: a, label: {sv: \"A\", en: \"A\"}}\n"
                                 "          - {id: ovrigt, label: {sv: \"Övrigt\", en: \"Other\"}, specify: true}\n"),
      "texts.yaml");
  return in;
}

// O02 and O01 respond (listed in that order, so the registry's order is not the code order); O03
// has a text but did not respond.
Dataset texts_dataset() {
  const auto& in = texts_instrument();
  std::vector<OrgRecord> orgs;
  for (size_t i : {2, 1, 3}) {
    orgs.push_back(testing::world_org(i, "01", 0));
    orgs.back().name = "Kommun " + std::to_string(i);
  }
  DatasetBuilder b(in, orgs);
  add_response(b, in, 1,
               {{"q1", Value::text("Bra")},
                {"q2.r1", Value::code("ovrigt")},
                {"q2.r1:ovrigt", Value::text("Egen app")},
                {"q2.r10", Value::code("ovrigt")},
                {"q2.r10:ovrigt", Value::text("Tionde")},
                {"q2:comment", Value::text("Kommentar A")},
                {"q3", Value::codes_of({"ovrigt"})},
                {"q3:ovrigt", Value::text("Annat A")},
                {"q3:comment", Value::text("Q3 A")}},
               org_attributes_of(orgs[1], in));
  add_response(b, in, 0,
               {{"q1", Value::text("Sämre")},
                {"q2.r2", Value::code("ovrigt")},
                {"q2.r2:ovrigt", Value::text("Andra raden")},
                {"q3", Value::codes_of({"a"})},
                {"q3:comment", Value::text("Q3 B")}},
               org_attributes_of(orgs[0], in));
  b.add_text(2, "q1", "Ej inskickat");
  return b.finish();
}

std::vector<std::string> lines(const std::vector<FreeTextEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries)
    out.push_back(e.question + " " + e.item + " " + e.org_code + " " + e.org_name + ": " + e.text);
  return out;
}

TEST(FreeText, ListsRespondentsTextsInQuestionnaireOrderThenByOrganisationCode) {
  // By hand: q1's two texts (O01 before O02 by code); q2's «ange vad» fields row by row as the
  // matrix lists them (r1, r2, r10: not r1, r10, r2 as text sorts them), then q2's comment; q3's
  // «ange vad» before its comment (not alphabetically: comment < ovrigt). O03's text is left out:
  // O03 did not respond.
  EXPECT_EQ(lines(free_text(texts_dataset(), texts_instrument(), "")), (std::vector<std::string>{
                                                                           "q1 q1 O01 Kommun 1: Bra",
                                                                           "q1 q1 O02 Kommun 2: Sämre",
                                                                           "q2 q2.r1:ovrigt O01 Kommun 1: Egen app",
                                                                           "q2 q2.r2:ovrigt O02 Kommun 2: Andra raden",
                                                                           "q2 q2.r10:ovrigt O01 Kommun 1: Tionde",
                                                                           "q2 q2:comment O01 Kommun 1: Kommentar A",
                                                                           "q3 q3:ovrigt O01 Kommun 1: Annat A",
                                                                           "q3 q3:comment O01 Kommun 1: Q3 A",
                                                                           "q3 q3:comment O02 Kommun 2: Q3 B",
                                                                       }));
}

TEST(FreeText, OneQuestionListsOnlyItsOwnItems) {
  EXPECT_EQ(lines(free_text(texts_dataset(), texts_instrument(), "q3")), (std::vector<std::string>{
                                                                             "q3 q3:ovrigt O01 Kommun 1: Annat A",
                                                                             "q3 q3:comment O01 Kommun 1: Q3 A",
                                                                             "q3 q3:comment O02 Kommun 2: Q3 B",
                                                                         }));
  EXPECT_TRUE(free_text(texts_dataset(), texts_instrument(), "q9").empty());
}

}  // namespace
}  // namespace dp::stats
