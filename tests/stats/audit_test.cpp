// The audit of published tables and the comparison of computed figures with published ones
// (stats/audit.h), on hand-made published figures whose consistency is worked out by hand.
#include "stats/audit.h"

#include <gtest/gtest.h>

#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "support/demo_survey.h"

namespace dp::stats {
namespace {

const std::string kInstrument = test::demo_instrument_yaml(R"(      - id: q1
        type: single
        label: {sv: "Fråga 1", en: "Question 1"}
        options:
          - {id: a, label: {sv: "A", en: "A"}}
          - {id: b, label: {sv: "B", en: "B"}}
          - {id: c, label: {sv: "C", en: "C"}}
      - id: q2
        type: matrix
        cell: single
        label: {sv: "Fråga 2", en: "Question 2"}
        options:
          - {id: pilot, label: {sv: "Pilot", en: "Pilot"}}
          - {id: bredd, label: {sv: "Bredd", en: "Full"}}
          - {id: nej, label: {sv: "Nej", en: "No"}}
        rows:
          - {id: r1, label: {sv: "Rad 1", en: "Row 1"}}
      - id: q3
        type: matrix
        cell: number
        label: {sv: "Medel", en: "Funds"}
        min: 0
        rows:
          - {id: used, label: {sv: "Förbrukat", en: "Used"}}
          - {id: left, label: {sv: "Kvarstående", en: "Remaining"}}
)");

const std::string kKeyFigures = test::demo_keyfigures_yaml(R"(  - id: K1
    title: {sv: "Fråga 1", en: "Question 1"}
    definition: {sv: "Andel.", en: "Share."}
    cells: [{expand: q1}]
  - id: K2
    title: {sv: "Fråga 2", en: "Question 2"}
    definition: {sv: "Andel.", en: "Share."}
    cells:
      - expand: q2
        options: [pilot, bredd]
        combine: [{id: any, options: [pilot, bredd], label: {sv: "Totalt", en: "Total"}}]
  - id: K3
    title: {sv: "Medel", en: "Funds"}
    definition: {sv: "Kronor.", en: "SEK."}
    stat: sum
    cells:
      - {id: total, label: {sv: "Rekvirerat", en: "Requisitioned"}, external: true}
      - {expand: q3, stat: sum}
    identities:
      - {total: total, parts: [used, left]}
)");

class Audit : public ::testing::Test {
 protected:
  instrument::Instrument in = instrument::load_or_throw(kInstrument, "demo.yaml");
  KeyFigureSet set = load_keyfigures_or_throw(kKeyFigures, "demo.keyfigures.yaml", {&in}, nullptr);

  static Figure pub(const std::string& kf, const std::string& cell, double value, std::optional<int64_t> n,
                    const std::string& breakdown = "national", const std::string& group = "total") {
    Figure f;
    f.key = {kf, cell, breakdown, group, 2021};
    f.origin = FigureOrigin::History;
    f.value = value;
    f.n = n;
    f.source = "Rapport, Tabell 1";
    return f;
  }
  std::vector<std::string> rules(const std::vector<Figure>& published) {
    std::vector<std::string> out;
    for (const auto& f : audit_published(set, published)) out.push_back(f.key.cell + " " + f.rule);
    return out;
  }
};

TEST_F(Audit, CountsGivingAShareAreTheWholeCountsThatRoundToIt) {
  // Of 3: 1 = 33.3 % (33), 2 = 66.7 % (67); no count gives 50.
  using Range = std::pair<int64_t, int64_t>;
  auto range = [](double v, int64_t n, int d) { return counts_giving(v, n, d).value_or(Range{-1, -1}); };
  EXPECT_EQ(range(33, 3, 0), (Range{1, 1}));
  EXPECT_FALSE(counts_giving(50, 3, 0).has_value());
  // Of 285, 1 % is given by 2 (0.70 %), 3 and 4 (1.40 %); 5 gives 1.75 %, 2 %.
  EXPECT_EQ(range(1, 285, 0), (Range{2, 4}));
  EXPECT_EQ(range(0, 8, 0), (Range{0, 0}));
  EXPECT_EQ(range(12.5, 8, 1), (Range{1, 1}));
}

TEST_F(Audit, AConsistentTableHasNoFindings) {
  EXPECT_TRUE(rules({pub("K1", "a", 33, 3), pub("K1", "b", 33, 3), pub("K1", "c", 33, 3)}).empty());
}

TEST_F(Audit, AShareNoCountGivesIsFound) {
  EXPECT_EQ(rules({pub("K1", "a", 50, 3)}), (std::vector<std::string>{"a share"}));
}

TEST_F(Audit, APrintedCountMustGiveThePrintedShare) {
  auto f = pub("K1", "a", 67, 3);
  f.count = 1;  // 1 of 3 is 33 %
  EXPECT_EQ(rules({f}), (std::vector<std::string>{"a count_share"}));
}

TEST_F(Audit, ExclusiveOptionsCannotNeedMoreAnswersThanTheBase) {
  // a and b need 2 answers each of 3.
  EXPECT_EQ(rules({pub("K1", "a", 67, 3), pub("K1", "b", 67, 3)}), (std::vector<std::string>{"a options_exceed_base"}));
}

TEST_F(Audit, EveryOptionPrintedMustAccountForEveryAnswer) {
  // 0 + 1 + 1 of 3: one answer is in no option although every option is printed.
  EXPECT_EQ(rules({pub("K1", "a", 0, 3), pub("K1", "b", 33, 3), pub("K1", "c", 33, 3)}),
            (std::vector<std::string>{"a options_short_of_base"}));
}

TEST_F(Audit, ACombinedCategoryIsTheShareOfItsPartsCounts) {
  // pilot 1 + bredd 1 of 3 = 2 of 3 = 67 %; 100 % (or the sum of rounded parts, 66) is impossible.
  EXPECT_TRUE(rules({pub("K2", "r1.pilot", 33, 3), pub("K2", "r1.bredd", 33, 3), pub("K2", "r1.any", 67, 3)}).empty());
  EXPECT_EQ(rules({pub("K2", "r1.pilot", 33, 3), pub("K2", "r1.bredd", 33, 3), pub("K2", "r1.any", 66, 3)}),
            (std::vector<std::string>{"r1.any share"}));
  // Of 285: pilot 10 % (28–29), bredd 10 % (28–29) → any 56–58 of 285 = 20 %; 21 % is impossible.
  EXPECT_EQ(rules({pub("K2", "r1.pilot", 10, 285), pub("K2", "r1.bredd", 10, 285), pub("K2", "r1.any", 21, 285)}),
            (std::vector<std::string>{"r1.any combined"}));
}

TEST_F(Audit, ANationalShareLiesBetweenItsSizeGroups) {
  std::vector<Figure> ok = {pub("K1", "a", 35, {}), pub("K1", "a", 30, {}, "size_group", "small"),
                            pub("K1", "a", 40, {}, "size_group", "large")};
  EXPECT_TRUE(rules(ok).empty());
  ok[0].value = 41;
  EXPECT_EQ(rules(ok), (std::vector<std::string>{"a size_groups"}));
}

// Tabell 30's rule: requisitioned = used + remaining, declared as an identity of the key figure.
TEST_F(Audit, ADeclaredIdentityMustHoldBetweenThePrintedTotalAndItsParts) {
  auto kronor = [](const std::string& cell, double v) {
    Figure f = pub("K3", cell, v, std::nullopt);
    return f;
  };
  EXPECT_TRUE(rules({kronor("total", 1000), kronor("used", 700), kronor("left", 300)}).empty());
  auto found = audit_published(set, {kronor("total", 159429726), kronor("used", 146188959), kronor("left", 12740767)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key.cell, "total");
  EXPECT_EQ(found[0].rule, "identity");
  EXPECT_EQ(found[0].message, "used + left = 158929726, not the printed total 159429726 (a difference of 500000)");
  // A part not printed: nothing to check.
  EXPECT_TRUE(rules({kronor("total", 1000), kronor("used", 700)}).empty());
}

TEST_F(Audit, AnIdentityNamingAnUnknownCellIsAnError) {
  std::string text = kKeyFigures;
  text.replace(text.find("parts: [used, left]"), 19, "parts: [used, gone]");
  auto res = load_keyfigures(text, "demo.keyfigures.yaml", {&in}, nullptr);
  EXPECT_FALSE(res.set.has_value());
  bool named = false;
  for (const auto& d : res.diagnostics)
    named = named || d.message.find("an identity names unknown cell 'gone'") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_F(Audit, ComparisonRoundsTheComputedShareAsPublishedAndMarksUnreproducibleCells) {
  std::vector<Figure> published = {pub("K1", "a", 33, 3), pub("K1", "b", 50, 3)};
  published[0].count = 1;
  auto computed = [](const FigureKey& k) -> std::optional<FigureValue> {
    FigureValue v;
    v.n = 3;
    v.count = k.cell == "a" ? 1 : 2;
    v.value = 100.0 * (double)*v.count / 3.0;
    return v;
  };
  auto cmp = compare_with_published(set, published, 2021, computed);
  ASSERT_EQ(cmp.size(), 5u);  // a: value, n, count; b: value, n
  EXPECT_EQ(cmp[0].what, "value");
  EXPECT_TRUE(cmp[0].equal);
  EXPECT_EQ(cmp[0].computed, "33");
  EXPECT_TRUE(cmp[2].equal);  // count 1 = 1
  EXPECT_EQ(cmp[3].key.cell, "b");
  EXPECT_FALSE(cmp[3].equal);  // 2 of 3 = 67, printed 50
  EXPECT_EQ(cmp[3].computed, "67");
  EXPECT_TRUE(cmp[3].flagged);  // and no count of 3 gives 50
  EXPECT_FALSE(cmp[0].flagged);
  // Another year's figures are not this campaign's.
  EXPECT_TRUE(compare_with_published(set, published, 2022, computed).empty());
}

}  // namespace
}  // namespace dp::stats
