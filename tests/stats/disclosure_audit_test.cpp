// The disclosure audit and the planned secondary suppression (docs/statistics.md, "The audit").
// The attacker here is independent of the audit's linear programs: it tries every possible set of
// answers and keeps those that reproduce every published figure (the registry's group sizes and
// who responded are public, so the response rate is too). A withheld count is recovered when all
// of them agree on it. That covers every differencing attack at once: total minus parts, rate ×
// known base, groups that are unions of others, municipality rows against their county.
#include "stats/disclosure_audit.h"

#include <bit>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>

#include "instrument/load.h"
#include "stats/compute.h"
#include "stats/response_input.h"
#include "stats/suppression.h"
#include "support.h"

namespace dp::stats {
namespace {

struct World {
  std::vector<OrgRecord> orgs;
  std::vector<bool> yes;
  std::vector<bool> responded;
};

using testing::world_org;

const KeyFigureSet& demo_keyfigures() { return testing::yes_no_keyfigures(/*with_response_rate=*/true); }

const ProfileSet& bundled_profiles() {
  static const ProfileSet p = parse_profiles(testing::read_source("instruments/disclosure.yaml"), "disclosure.yaml");
  return p;
}

Dataset dataset_of(const World& w) { return testing::yes_no_dataset(w.orgs, w.yes, w.responded); }

struct Published {
  Results results;
  PlanReport plan;
  SuppressionReport certificates;
};

Published publish(const World& w, const Dataset& ds, const DisclosureProfile& p) {
  ComputeOptions opts;
  opts.breakdowns = p.breakdowns.empty() ? std::vector<std::string>{"national", "county", "size_group"} : p.breakdowns;
  opts.organisations = p.organisations;
  Published out{compute(demo_keyfigures(), ds, opts), {}, {}};
  out.certificates = suppress(out.results, ds, p);
  out.plan = plan_secondary(out.results, ds, p);
  return out;
}

// Every flat group of each organisation.
std::vector<std::vector<size_t>> memberships(const Results& r, size_t n) {
  std::vector<std::vector<size_t>> out(n);
  for (size_t b = 0; b < r.breakdowns.size(); ++b)
    for (size_t g = 0; g < r.breakdowns[b].sets.size(); ++g)
      r.breakdowns[b].sets[g].for_each([&](size_t i) { out[i].push_back(r.offsets[b] + g); });
  return out;
}

// The exhaustive attacker: for each withheld K1 figure, the counts that some answer set
// reproducing every published K1 count gives it.
std::map<size_t, std::set<int>> attack(const World& w, const Results& r) {
  const CellResult* c = r.cell("K1", "ja");
  if (!c) c = &r.cells.front();
  size_t G = r.group_count();
  auto member = memberships(r, w.orgs.size());
  std::vector<size_t> resp;
  for (size_t i = 0; i < w.orgs.size(); ++i)
    if (w.responded[i]) resp.push_back(i);
  std::map<size_t, std::set<int>> possible;
  const FigureValue& nat = c->figures[(size_t)r.group_index("national", "total")];
  if (nat.count && (*nat.count == 0 || *nat.count == nat.n)) return possible;  // nothing to protect
  for (uint32_t mask = 0; mask < (1u << resp.size()); ++mask) {
    std::vector<int> count(G, 0);
    for (size_t k = 0; k < resp.size(); ++k)
      if (mask >> k & 1)
        for (size_t g : member[resp[k]]) ++count[g];
    bool consistent = true;
    for (size_t g = 0; g < G && consistent; ++g) {
      const FigureValue& f = c->figures[g];
      if (f.count) consistent = *f.count == count[g];
    }
    if (!consistent) continue;
    for (size_t g = 0; g < G; ++g)
      if (c->figures[g].marker == Marker::Suppressed) possible[g].insert(count[g]);
  }
  return possible;
}

World random_world(std::mt19937& rng, size_t n) {
  World w;
  std::uniform_int_distribution<int> county(1, 4), size(0, 1);
  std::bernoulli_distribution yes(0.45), responds(0.9);
  for (size_t i = 0; i < n; ++i) {
    w.orgs.push_back(world_org(i, "0" + std::to_string(county(rng)), size(rng)));
    w.yes.push_back(yes(rng));
    w.responded.push_back(responds(rng));
  }
  return w;
}

TEST(DisclosureAudit, VasternorrlandResponseRateIsPublicAndNoOtherWithheldCellIsRecoverable) {
  // Västernorrland (22): 7 municipalities, all responded; Jämtland (23): 8, one did not. The
  // registry's group sizes and who responded are public, so the rate (7 of 7) is published.
  World w;
  int sizes22[] = {0, 0, 0, 0, 0, 0, 1}, sizes23[] = {0, 0, 0, 0, 0, 0, 0, 1};
  bool yes22[] = {true, false, false, false, false, true, false},
       yes23[] = {true, true, false, true, false, true, true, false};
  for (size_t i = 0; i < 7; ++i) {
    w.orgs.push_back(world_org(i, "22", sizes22[i]));
    w.yes.push_back(yes22[i]);
    w.responded.push_back(true);
  }
  for (size_t i = 0; i < 8; ++i) {
    w.orgs.push_back(world_org(7 + i, "23", sizes23[i]));
    w.yes.push_back(yes23[i]);
    w.responded.push_back(i != 3);
  }
  Dataset ds = dataset_of(w);
  for (const char* id : {"standard", "strict"}) {
    SCOPED_TRACE(id);
    auto pub = publish(w, ds, *bundled_profiles().find(id));
    const Results& r = pub.results;
    const FigureValue* rate = r.find("K51", "svar", "county", "22");
    ASSERT_NE(rate, nullptr);
    EXPECT_NE(rate->marker, Marker::Suppressed);
    EXPECT_EQ(rate->count, 7);
    EXPECT_EQ(rate->n, 7);
    // Something of K1 is withheld (the large municipalities are 2 in all), and nothing
    // withheld can be recovered, by the audit or by the exhaustive attacker.
    EXPECT_GT(pub.certificates.cells + pub.plan.added, 0u);
    EXPECT_TRUE(pub.plan.audit.passed());
    for (const auto& [g, values] : attack(w, r)) EXPECT_GT(values.size(), 1u) << "group " << g << " is recoverable";
  }
}

TEST(DisclosureAudit, FindsTheCellThatTotalMinusPartsDiscloses) {
  // One withheld county among published ones: the national count minus the others gives it.
  World w;
  for (size_t i = 0; i < 9; ++i) {
    w.orgs.push_back(world_org(i, i < 2 ? "01" : (i < 5 ? "02" : "03"), 0));
    w.yes.push_back(i % 2 == 0);
    w.responded.push_back(true);
  }
  Dataset ds = dataset_of(w);
  DisclosureProfile p = *bundled_profiles().find("standard");
  p.breakdowns = {"national", "county"};
  ComputeOptions opts;
  opts.breakdowns = p.breakdowns;
  Results r = compute(demo_keyfigures(), ds, opts);
  CellResult& k1 = r.cells.front();
  int g01 = r.group_index("county", "01");
  k1.figures[(size_t)g01].marker = Marker::Suppressed;  // primary only, no complement
  k1.figures[(size_t)g01].count.reset();
  k1.figures[(size_t)g01].value.reset();
  DisclosureAuditor audit(r, ds, p);
  auto rep = audit.audit_all();
  ASSERT_EQ(rep.disclosed.size(), 1u);
  const auto& d = rep.disclosed.front();
  EXPECT_EQ(d.group, (size_t)g01);
  EXPECT_EQ(d.low, d.truth);
  EXPECT_EQ(d.high, d.truth);
  std::string by;
  for (const auto& b : d.by) by += b + "\n";
  EXPECT_NE(by.find("national total"), std::string::npos) << by;
  EXPECT_NE(by.find("county 02"), std::string::npos) << by;
  // The planner withholds one more county, and the audit then passes.
  auto plan = plan_secondary(r, ds, p);
  EXPECT_EQ(plan.groups, 1u);
  EXPECT_TRUE(plan.audit.passed());
}

TEST(DisclosureAudit, AnEarlierPublishedRevisionDisclosesAFigureWithheldNow) {
  World w;
  for (size_t i = 0; i < 8; ++i) {
    w.orgs.push_back(world_org(i, i < 4 ? "01" : "02", i == 0 ? 1 : 0));
    w.yes.push_back(i % 3 == 0);
    w.responded.push_back(true);
  }
  Dataset ds = dataset_of(w);
  DisclosureProfile p = *bundled_profiles().find("standard");
  ComputeOptions opts;
  opts.breakdowns = p.breakdowns;
  Results open = compute(demo_keyfigures(), ds, opts);
  Results r = open;
  suppress(r, ds, p);
  std::vector<EarlierFigure> earlier;
  for (size_t g = 0; g < r.group_count(); ++g) earlier.push_back({1, 0, g, open.cells[0].figures[g]});
  DisclosureAuditor audit(r, ds, p, earlier);
  auto rep = audit.audit_all();
  ASSERT_GT(rep.withheld, 0u);
  ASSERT_EQ(rep.disclosed.size(), rep.withheld);
  EXPECT_NE(rep.disclosed.front().by.front().find("revision 1"), std::string::npos);
}

TEST(DisclosureAudit, NoProfileLetsDifferencingRecoverAWithheldCountInSmallWorlds) {
  std::mt19937 rng(15);
  size_t worlds_with_withheld = 0;
  for (int trial = 0; trial < 60; ++trial) {
    World w = random_world(rng, 6 + (size_t)(trial % 7));  // 6..12 organisations
    Dataset ds = dataset_of(w);
    for (const auto& p : bundled_profiles().profiles) {
      auto pub = publish(w, ds, p);
      EXPECT_TRUE(pub.plan.audit.passed()) << "trial " << trial << ", " << p.id;
      auto possible = attack(w, pub.results);
      if (!possible.empty()) ++worlds_with_withheld;
      for (const auto& [g, values] : possible)
        EXPECT_GT(values.size(), 1u) << "trial " << trial << ", profile " << p.id << ": group " << g
                                     << " is recoverable";
      // Response rates are public knowledge: never withheld.
      for (const auto& f : pub.results.cell("K51", "svar")->figures) EXPECT_NE(f.marker, Marker::Suppressed);
    }
  }
  EXPECT_GT(worlds_with_withheld, 40u);
}

TEST(DisclosureAudit, ThePlannerWithholdsTheExhaustiveMinimumWithTwelveOrganisationsOrFewer) {
  std::mt19937 rng(1512);
  size_t compared = 0;
  for (int trial = 0; trial < 40; ++trial) {
    World w = random_world(rng, 7 + (size_t)(trial % 6));  // 7..12 organisations
    Dataset ds = dataset_of(w);
    DisclosureProfile p = *bundled_profiles().find("standard");
    p.complementary = false;  // primary only: the planner does all of the protecting
    ComputeOptions opts;
    opts.breakdowns = p.breakdowns;
    Results start = compute(demo_keyfigures(), ds, opts);
    suppress(start, ds, p);
    Results planned = start;
    auto plan = plan_secondary(planned, ds, p);
    ASSERT_TRUE(plan.audit.passed());
    // Exhaustive: the smallest set of further K1 groups after which the attacker recovers nothing.
    CellResult& k1 = start.cells.front();
    std::vector<size_t> open;
    for (size_t g = 0; g < start.group_count(); ++g)
      if (k1.figures[g].n.value_or(0) > 0 && k1.figures[g].marker != Marker::Suppressed &&
          !hides_value(k1.figures[g].marker))
        open.push_back(g);
    if (attack(w, start).empty()) continue;
    size_t best = open.size() + 1;
    for (uint32_t mask = 0; mask < (1u << open.size()); ++mask) {
      size_t size = (size_t)std::popcount(mask);
      if (size >= best) continue;
      Results trial_r = start;
      for (size_t k = 0; k < open.size(); ++k)
        if (mask >> k & 1) {
          auto& f = trial_r.cells.front().figures[open[k]];
          f.marker = Marker::Suppressed;
          f.count.reset();
          f.value.reset();
        }
      bool safe = true;
      for (const auto& [g, values] : attack(w, trial_r)) safe = safe && values.size() > 1;
      if (safe) best = size;
    }
    EXPECT_EQ(plan.groups, best) << "trial " << trial;
    ++compared;
  }
  EXPECT_GT(compared, 10u);
}

// A base that reads answers ("those that answered yes to q1") has an n that is K1's count: n is
// withheld with a withheld figure, and where a figure over that base is shown its n discloses K1.
TEST(DisclosureAudit, TheNOfABaseThatReadsAnswersDisclosesTheCountThatDefinesIt) {
  std::string instrument_text = test::demo_instrument_yaml(
      "      - {id: q1, type: yesno, label: {sv: \"Fråga 1\", en: \"Question 1\"}}\n"
      "      - {id: q2, type: yesno, label: {sv: \"Fråga 2\", en: \"Question 2\"}}\n",
      "demo2");
  std::string keyfigures_text = test::demo_keyfigures_yaml(R"(  - id: K1
    title: {sv: "Ja", en: "Yes"}
    definition: {sv: "Andel ja.", en: "Share yes."}
    cells: [{expand: q1, options: [ja]}]
  - id: K2
    title: {sv: "Ja på båda", en: "Yes to both"}
    definition: {sv: "Andel ja på fråga 2 bland dem som svarat ja på fråga 1.", en: "Share yes to 2 among yes to 1."}
    where: "q1 == 'ja'"
    cells: [{expand: q2, options: [ja]}]
)",
                                                           "demo2");
  auto in = instrument::load_or_throw(instrument_text, "demo2");
  auto kfs = load_keyfigures_or_throw(keyfigures_text, "demo2", {&in}, nullptr);
  std::vector<OrgRecord> orgs;
  for (size_t i = 0; i < 9; ++i) orgs.push_back(world_org(i, i < 4 ? "01" : "02", 0));
  DatasetBuilder b(in, orgs);
  for (size_t i = 0; i < orgs.size(); ++i)
    add_response(b, in, i,
                 {{"q1", instrument::Value::code(i % 3 != 1 ? "ja" : "nej")},
                  {"q2", instrument::Value::code(i % 2 ? "ja" : "nej")}},
                 org_attributes_of(orgs[i], in));
  Dataset ds = b.finish();
  DisclosureProfile p = *bundled_profiles().find("standard");
  p.breakdowns = {"national", "county"};
  ComputeOptions opts;
  opts.breakdowns = p.breakdowns;
  Results r = compute(kfs, ds, opts);
  ASSERT_NE(r.cell("K2", "ja"), nullptr);
  ASSERT_NE(r.cell("K1", "ja"), nullptr);
  ASSERT_FALSE(base_is_public(*r.cell("K2", "ja")->cell));
  ASSERT_TRUE(base_is_public(*r.cell("K1", "ja")->cell));
  // K1 withheld in both counties (so the national total does not give either); K2 shown everywhere.
  size_t k1 = 0;
  while (r.cells[k1].keyfigure->id != "K1") ++k1;
  for (const char* county : {"01", "02"}) {
    auto& f = r.cells[k1].figures[(size_t)r.group_index("county", county)];
    f.marker = Marker::Suppressed;
    f.count.reset();
    f.value.reset();
  }
  DisclosureAuditor audit(r, ds, p);
  auto rep = audit.audit_all();
  ASSERT_EQ(rep.disclosed.size(), 2u);
  std::string by;
  for (const auto& b2 : rep.disclosed.front().by) by += b2 + "\n";
  EXPECT_NE(by.find("K2:ja county 01 (n 3)"), std::string::npos) << by;
  // The planner withholds K2 where its n would tell K1: then nothing is disclosed.
  auto plan = plan_secondary(r, ds, p);
  EXPECT_TRUE(plan.audit.passed());
  EXPECT_EQ(r.find("K2", "ja", "county", "01")->marker, Marker::Suppressed);
  EXPECT_EQ(r.find("K2", "ja", "county", "02")->marker, Marker::Suppressed);
}

TEST(DisclosureAudit, ThePlanIsDeterministic) {
  std::mt19937 rng(7);
  World w = random_world(rng, 12);
  Dataset ds = dataset_of(w);
  const auto& p = *bundled_profiles().find("strict");
  auto a = publish(w, ds, p), b = publish(w, ds, p);
  for (size_t ci = 0; ci < a.results.cells.size(); ++ci)
    for (size_t g = 0; g < a.results.group_count(); ++g)
      EXPECT_EQ(a.results.cells[ci].figures[g].marker, b.results.cells[ci].figures[g].marker);
}

}  // namespace
}  // namespace dp::stats
