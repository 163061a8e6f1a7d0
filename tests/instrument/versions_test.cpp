// The yearly cycle in the pure instrument module: the next version written from the last one,
// the bundled lineage checked against its previous version, and the diff between two versions.
#include "instrument/versions.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/load.h"

using namespace dp::instrument;
using dp::Diagnostics;
namespace fs = std::filesystem;

namespace {

std::string bundled_text(const std::string& id) {
  std::ifstream in(fs::path(DIGIPULS_SOURCE_DIR) / "instruments" / (id + ".yaml"), std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Instrument bundled(const std::string& id) { return load_or_throw(bundled_text(id), id + ".yaml"); }

bool has_change(const std::vector<Change>& cs, const std::string& item, Change::Kind k) {
  return std::any_of(cs.begin(), cs.end(), [&](const Change& c) { return c.item == item && c.kind == k; });
}

TEST(NextVersion, LoadsCleanlyWithEveryQuestionContinuingItsNamesakeAndTheDatesMoved) {
  auto src = bundled("ehalsa-2022");
  auto nv = next_version(bundled_text("ehalsa-2022"), "ehalsa-2022.yaml", 2023);
  EXPECT_EQ(nv.id, "ehalsa-2023");
  auto res = load(nv.yaml, "ehalsa-2023.yaml");
  ASSERT_TRUE(res.instrument) << (res.diagnostics.empty() ? "" : res.diagnostics[0].str());
  EXPECT_FALSE(dp::has_errors(res.diagnostics));
  const auto& in = *res.instrument;
  EXPECT_EQ(in.id, "ehalsa-2023");
  EXPECT_EQ(in.year, 2023);
  EXPECT_EQ(in.previous, "ehalsa-2022");
  EXPECT_EQ(in.reference_period, "2022");
  EXPECT_EQ(in.family, "ehalsa");
  ASSERT_EQ(in.questions().size(), src.questions().size());
  for (const auto* q : in.questions()) {
    ASSERT_TRUE(q->continues) << q->id;
    EXPECT_EQ(q->continues->id, q->id);
    EXPECT_EQ(q->continues->comparability, Comparability::Same) << q->id;
    for (const auto& r : q->rows) EXPECT_FALSE(r.continues) << q->id << "." << r.id << ": rows follow their question";
    // Wording, options and routing are the source's.
    const auto* was = src.question(q->id);
    EXPECT_EQ(q->label.sv, was->label.sv);
    EXPECT_EQ(q->options.size(), was->options.size());
    EXPECT_EQ(q->show_if.source, was->show_if.source);
  }
  Diagnostics lineage;
  check_lineage(in, src, lineage);
  EXPECT_TRUE(lineage.empty()) << lineage[0].str();
  EXPECT_TRUE(diff(src, in).empty()) << "an unedited next version asks exactly what the last one did";
  // The stimulus section's labels name the funds' year: listed for the analyst to review.
  EXPECT_TRUE(std::any_of(nv.notes.begin(), nv.notes.end(),
                          [](const std::string& n) { return n.find("2021") != std::string::npos; }));
}

TEST(NextVersion, RefusesAYearThatIsNotAfterTheSourceAndAnInvalidSource) {
  EXPECT_THROW(next_version(bundled_text("ehalsa-2022"), "ehalsa-2022.yaml", 2022), dp::Error);
  EXPECT_THROW(next_version("format: digipuls-instrument/1\nid: x\n", "x.yaml", 2023), dp::Error);
}

TEST(BundledLineage, TheTwoVersionsOfEachFamilyAgreeWithTheirPreviousVersion) {
  for (auto [now, prev] : {std::pair{"ehalsa-2022", "ehalsa-2021"}, std::pair{"mognad-2026", "mognad-2025"}}) {
    Diagnostics d;
    check_lineage(bundled(now), bundled(prev), d);
    EXPECT_TRUE(d.empty()) << now << ": " << d[0].str();
  }
}

TEST(InstrumentDiff, NamesTheQuestionsAddedDroppedRewordedAndChangedBetweenTheBundledVersions) {
  auto cs = diff(bundled("ehalsa-2021"), bundled("ehalsa-2022"));
  EXPECT_TRUE(has_change(cs, "q32", Change::Kind::Added));
  EXPECT_TRUE(has_change(cs, "q11", Change::Kind::Dropped));
  EXPECT_TRUE(has_change(cs, "q04", Change::Kind::Reworded));
  EXPECT_TRUE(has_change(cs, "q17", Change::Kind::Reworded));
  EXPECT_TRUE(has_change(cs, "q12c", Change::Kind::TypeChanged));
  EXPECT_FALSE(has_change(cs, "q01", Change::Kind::Reworded));
}

TEST(InstrumentDiff, FollowsARenamedQuestionThroughItsLineageAndReportsOptionsRowsAndRouting) {
  const char* a = R"(format: digipuls-instrument/1
id: d-2022
family: d
year: 2022
title: {sv: "D", en: "D"}
sections:
  - id: s
    title: {sv: "S", en: "S"}
    questions:
      - {id: q1, type: yesno, label: {sv: "A?", en: "A?"}}
      - id: q2
        type: single
        label: {sv: "B?", en: "B?"}
        options: [{id: x, label: {sv: "X", en: "X"}}, {id: y, label: {sv: "Y", en: "Y"}}]
)";
  const char* b = R"(format: digipuls-instrument/1
id: d-2023
family: d
year: 2023
previous: d-2022
title: {sv: "D", en: "D"}
sections:
  - id: s
    title: {sv: "S", en: "S"}
    questions:
      - {id: q1, type: yesno, label: {sv: "A?", en: "A?"}}
      - id: q2new
        continues: {id: q2, comparability: same}
        type: single
        show_if: "q1 == 'ja'"
        label: {sv: "B?", en: "B?"}
        options: [{id: x, label: {sv: "Xx", en: "X"}}, {id: z, label: {sv: "Z", en: "Z"}}]
)";
  auto cs = diff(load_or_throw(a, "a.yaml"), load_or_throw(b, "b.yaml"));
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].item, "q2new");
  EXPECT_EQ(cs[0].was, "q2");
  EXPECT_EQ(cs[0].kind, Change::Kind::OptionsChanged);
  EXPECT_EQ(cs[0].detail, "added z; removed y; relabelled x");
  EXPECT_EQ(cs[1].kind, Change::Kind::RoutingChanged);
  EXPECT_EQ(cs[1].detail, "always shown → show_if q1 == 'ja'");
}

}  // namespace

namespace {

TEST(Erratum, AcceptsCorrectedWordingAndListsEachTextChanged) {
  auto stored = bundled("ehalsa-2022");
  std::string text = bundled_text("ehalsa-2022");
  auto at = text.find("Har kommunen styrande dokument");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "Har kommunen");  // unchanged prefix, then a real correction below
  at = text.find("styrande dokument för införande");
  text.replace(at, 17, "styrdokument");
  Diagnostics d;
  auto changes = erratum_changes(stored, load_or_throw(text, "fixed.yaml"), d);
  EXPECT_TRUE(d.empty()) << d[0].str();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].where, "q01.label");
  EXPECT_NE(changes[0].after.sv.find("styrdokument"), std::string::npos);
}

TEST(Erratum, RefusesAnythingButWordingNamingTheField) {
  auto stored = bundled("ehalsa-2022");
  auto refused = [&](const std::string& from, const std::string& to) {
    std::string text = bundled_text("ehalsa-2022");
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    Diagnostics d;
    erratum_changes(stored, load_or_throw(text, "fixed.yaml"), d);
    std::string all;
    for (const auto& x : d) all += x.str() + "\n";
    return all;
  };
  EXPECT_NE(refused("- {id: nej, label: {sv: \"Nej, det finns inga sådana styrdokument",
                    "- {id: nej2, label: {sv: \"Nej, det finns inga sådana styrdokument")
                .find("[q01.options]: an erratum may correct wording only"),
            std::string::npos);
  EXPECT_NE(refused("show_if: \"q12.gps_larm in ['pilot', 'bredd']\"", "show_if: \"q12.gps_larm in ['bredd']\"")
                .find("[q12c.show_if]"),
            std::string::npos);
  EXPECT_NE(refused("continues: {id: q05, comparability: same}", "continues: {id: q05, comparability: reworded}")
                .find("[q05.continues]"),
            std::string::npos);
}

}  // namespace
