// Linked units too large for one program (docs/statistics.md, "The audit"): split where the
// options of a multiple choice are independent, figure by figure only where they are not.
#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "instrument/load.h"
#include "stats/compute.h"
#include "stats/disclosure_audit.h"
#include "stats/response_input.h"
#include "support.h"

namespace dp::stats {
namespace {

// q1 is a multiple choice; K2 and K3 split the organisations that chose a by q2, so K2 + K3 is
// K1:a. Whether q1 has an exclusive option is the parameter.
std::string instrument_text(bool exclusive) {
  return fmt::format(R"(
format: digipuls-instrument/1
id: split-2021
family: split
year: 2021
title: {{sv: "Demo", en: "Demo"}}
sections:
  - id: s
    title: {{sv: "S", en: "S"}}
    questions:
      - id: q1
        type: multi
        label: {{sv: "Vad finns?", en: "What is there?"}}
        options:
          - {{id: a, label: {{sv: "A", en: "A"}}}}
          - {{id: b, label: {{sv: "B", en: "B"}}}}
          - {{id: c, label: {{sv: "C", en: "C"}}{}}}
      - {{id: q2, type: yesno, label: {{sv: "Fråga 2", en: "Question 2"}}}}
)",
                     exclusive ? ", exclusive: true" : "");
}

const char* kKeyFigures = R"(
format: digipuls-keyfigures/1
family: split
instruments: [split-2021]
keyfigures:
  - id: K1
    title: {sv: "Vad finns", en: "What is there"}
    definition: {sv: "Andel per alternativ.", en: "Share per option."}
    cells:
      - {id: a, label: {sv: "A", en: "A"}, count: "q1 has 'a'"}
      - {id: b, label: {sv: "B", en: "B"}, count: "q1 has 'b'"}
      - {id: c, label: {sv: "C", en: "C"}, count: "q1 has 'c'"}
  - id: K2
    title: {sv: "A och ja", en: "A and yes"}
    definition: {sv: "Andel med A och ja.", en: "Share with A and yes."}
    cells: [{id: ja, label: {sv: "Ja", en: "Yes"}, count: "q1 has 'a' and q2 == 'ja'"}]
  - id: K3
    title: {sv: "A och nej", en: "A and no"}
    definition: {sv: "Andel med A och nej.", en: "Share with A and no."}
    cells: [{id: nej, label: {sv: "Nej", en: "No"}, count: "q1 has 'a' and q2 == 'nej'"}]
)";

struct Fixture {
  instrument::Instrument in;
  KeyFigureSet kfs;
  Dataset ds;
  Results r;
  DisclosureProfile p;
};

// Two counties of 16 organisations; in each, every combination of the options a, b and c is
// chosen by two organisations (one answering q2 yes, one no), so the unit's classes are many
// and the parts' few. K1:a is withheld in county 01 while K2 and K3 are shown there.
std::unique_ptr<Fixture> fixture(bool exclusive) {
  auto f = std::make_unique<Fixture>();
  f->in = instrument::load_or_throw(instrument_text(exclusive), "split");
  f->kfs = load_keyfigures_or_throw(kKeyFigures, "split", {&f->in}, nullptr);
  std::vector<OrgRecord> orgs;
  for (size_t i = 0; i < 32; ++i) {
    OrgRecord o;
    o.code = fmt::format("O{:02}", i);
    o.county_code = i < 16 ? "01" : "02";
    o.county_name = "Län " + o.county_code;
    o.size_group = "small";
    orgs.push_back(o);
  }
  DatasetBuilder b(f->in, orgs);
  for (size_t i = 0; i < orgs.size(); ++i) {
    size_t combo = (i % 16) / 2;
    std::vector<std::string> chosen;
    if (combo & 1) chosen.push_back("a");
    if (combo & 2) chosen.push_back("b");
    if (combo & 4 && !(exclusive && !chosen.empty())) chosen.push_back("c");
    add_response(b, f->in, i,
                 {{"q1", instrument::Value::codes_of(chosen)}, {"q2", instrument::Value::code(i % 2 ? "ja" : "nej")}},
                 org_attributes_of(orgs[i], f->in));
  }
  f->ds = b.finish();
  f->p = *parse_profiles(testing::read_source("instruments/disclosure.yaml"), "disclosure.yaml").find("standard");
  f->p.breakdowns = {"national", "county"};
  ComputeOptions opts;
  opts.breakdowns = f->p.breakdowns;
  f->r = compute(f->kfs, f->ds, opts);
  FigureValue& a01 = f->r.cells.front().figures[(size_t)f->r.group_index("county", "01")];
  a01.marker = Marker::Suppressed;
  a01.count.reset();
  a01.value.reset();
  // Withheld in county 02 too, so that the national total does not give county 01 away.
  FigureValue& a02 = f->r.cells.front().figures[(size_t)f->r.group_index("county", "02")];
  a02.marker = Marker::Suppressed;
  a02.count.reset();
  a02.value.reset();
  return f;
}

std::vector<std::string> unit_of(const DisclosureAuditor& audit, const Results& r, const std::string& kf,
                                 const std::string& cell) {
  for (const auto& u : audit.units())
    for (size_t ci : u.cells)
      if (r.cells[ci].keyfigure->id == kf && r.cells[ci].cell->id == cell) {
        std::vector<std::string> out;
        for (size_t cj : u.cells) out.push_back(r.cells[cj].keyfigure->id + ":" + r.cells[cj].cell->id);
        std::sort(out.begin(), out.end());
        return out;
      }
  return {};
}

TEST(DisclosureSplit, AWholeUnitWithinTheLimitFindsTheSumOfTwoFiguresThatGivesAWithheldOne) {
  auto f = fixture(false);
  DisclosureAuditor audit(f->r, f->ds, f->p);
  auto rep = audit.audit_all();
  EXPECT_EQ(rep.split_units, 0u);
  EXPECT_EQ(unit_of(audit, f->r, "K1", "a"), (std::vector<std::string>{"K1:a", "K1:b", "K1:c", "K2:ja", "K3:nej"}));
  ASSERT_EQ(rep.disclosed.size(), 2u);  // K1:a in both counties: K2 + K3 there
}

TEST(DisclosureSplit, ATooLargeUnitIsSplitByIndependentOptionsAndStillFindsTheSum) {
  auto f = fixture(false);
  // Between the parts' size (3 classes × 2 atoms) and the unit's (12 classes × 2 atoms).
  DisclosureAuditor audit(f->r, f->ds, f->p, {}, 10);
  auto rep = audit.audit_all();
  EXPECT_EQ(rep.split_units, 0u);
  EXPECT_EQ(unit_of(audit, f->r, "K1", "a"), (std::vector<std::string>{"K1:a", "K2:ja", "K3:nej"}));
  EXPECT_EQ(unit_of(audit, f->r, "K1", "b"), (std::vector<std::string>{"K1:b"}));
  ASSERT_EQ(rep.disclosed.size(), 2u);
  std::string by;
  for (const auto& s : rep.disclosed.front().by) by += s + "\n";
  EXPECT_NE(by.find("K2:ja county 01"), std::string::npos) << by;
  EXPECT_NE(by.find("K3:nej county 01"), std::string::npos) << by;
}

TEST(DisclosureSplit, OptionsThatExcludeEachOtherAreNotSplitAndTheUnitIsNamedAsAuditedFigureByFigure) {
  auto f = fixture(true);
  DisclosureAuditor audit(f->r, f->ds, f->p, {}, 4);
  auto rep = audit.audit_all();
  EXPECT_EQ(rep.split_units, 1u);
  ASSERT_EQ(rep.split_names.size(), 1u);
  EXPECT_EQ(rep.split_names.front(), "K1, K2, K3 (5 figures)");
  EXPECT_EQ(unit_of(audit, f->r, "K1", "a"), (std::vector<std::string>{"K1:a"}));
}

TEST(DisclosureSplit, ABaseThatReadsAnswersIsNotSplitByOption) {
  // The same cells over the organisations that answered what they read: each part would guess the
  // base's size per atom its own way, so the unit is audited figure by figure instead.
  auto f = fixture(false);
  auto kfs = load_keyfigures_or_throw(kKeyFigures, "split", {&f->in}, nullptr);
  for (auto& k : kfs.keyfigures)
    for (auto& c : k.cells) c.base.kind = BaseKind::Answered;
  ComputeOptions opts;
  opts.breakdowns = f->p.breakdowns;
  Results r = compute(kfs, f->ds, opts);
  DisclosureAuditor audit(r, f->ds, f->p, {}, 10);
  auto rep = audit.audit_all();
  EXPECT_EQ(rep.split_units, 1u);
  EXPECT_EQ(unit_of(audit, r, "K1", "a"), (std::vector<std::string>{"K1:a"}));
}

}  // namespace
}  // namespace dp::stats
