// The statistics engine compiles conditions into sets of organisations (stats/predicate.cpp); the
// instrument evaluates them one response at a time (instrument/condition.cpp). Both must agree on
// every operator, for every kind of item and attribute, including unanswered items, a multiple
// choice answered with nothing ticked, and comparisons of mismatched types. Generated data, every
// condition checked organisation by organisation.
#include "stats/predicate.h"

#include <gtest/gtest.h>
#include <random>

#include "instrument/condition.h"
#include "instrument/load.h"
#include "stats/response_input.h"

namespace dp::stats {
namespace {

const char* kInstrument = R"(
format: digipuls-instrument/1
id: demo-2021
family: demo
year: 2021
title: {sv: "Demo", en: "Demo"}
attributes:
  - {id: home_care, type: bool, label: {sv: "H", en: "H"}}
  - {id: staff, type: number, label: {sv: "P", en: "P"}}
  - {id: region, type: string, label: {sv: "R", en: "R"}}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - {id: q1, type: yesno, mandatory: false, label: {sv: "1", en: "1"}}
      - id: q2
        type: single
        mandatory: false
        label: {sv: "2", en: "2"}
        options: [{id: a, label: {sv: "A", en: "A"}}, {id: b, label: {sv: "B", en: "B"}}, {id: c, label: {sv: "C", en: "C"}}]
      - id: q3
        type: multi
        mandatory: false
        label: {sv: "3", en: "3"}
        options: [{id: x, label: {sv: "X", en: "X"}}, {id: y, label: {sv: "Y", en: "Y"}}, {id: z, label: {sv: "Z", en: "Z"}}]
      - {id: q4, type: number, mandatory: false, label: {sv: "4", en: "4"}}
      - id: q5
        type: matrix
        cell: single
        mandatory: false
        label: {sv: "5", en: "5"}
        options: [{id: "0", label: {sv: "Nej", en: "No"}}, {id: "1", label: {sv: "Ja", en: "Yes"}}]
        rows: [{id: r1, label: {sv: "R1", en: "R1"}}, {id: r2, label: {sv: "R2", en: "R2"}}]
)";

struct World {
  instrument::Instrument in;
  std::vector<OrgRecord> orgs;
  std::vector<instrument::Answers> answers;
  std::vector<instrument::OrgAttributes> attrs;
  Dataset ds;
};

World generate(uint32_t seed, size_t n) {
  World w{instrument::load_or_throw(kInstrument, "demo.yaml"), {}, {}, {}, {}};
  std::mt19937 rng(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
  auto pick = [&](std::vector<std::string> v) { return v[rng() % v.size()]; };
  for (size_t i = 0; i < n; ++i) {
    OrgRecord o;
    o.code = "O" + std::to_string(i);
    o.name = o.code;
    o.county_code = pick({"01", "03", "25"});
    if (chance(0.8)) o.attributes["home_care"] = chance(0.5) ? "true" : "false";
    if (chance(0.8)) o.attributes["staff"] = std::to_string(rng() % 100);
    if (chance(0.8)) o.attributes["region"] = pick({"norr", "syd", ""});
    w.orgs.push_back(o);
  }
  DatasetBuilder b(w.in, w.orgs);
  for (size_t i = 0; i < n; ++i) {
    instrument::Answers a;
    if (chance(0.75)) a["q1"] = instrument::Value::code(pick({"ja", "nej"}));
    if (chance(0.75)) a["q2"] = instrument::Value::code(pick({"a", "b", "c"}));
    if (chance(0.8)) {
      std::vector<std::string> chosen;  // sometimes none ticked: still an answer
      for (const char* c : {"x", "y", "z"})
        if (chance(0.4)) chosen.push_back(c);
      a["q3"] = instrument::Value::codes_of(chosen);
    }
    const std::vector<double> numbers = {0, 5, 10, 10.5, -3, 2, 99};
    if (chance(0.75)) a["q4"] = instrument::Value::num(numbers[rng() % numbers.size()]);
    for (const char* r : {"q5.r1", "q5.r2"})
      if (chance(0.7)) a[r] = instrument::Value::code(pick({"0", "1"}));
    w.attrs.push_back(org_attributes_of(w.orgs[i], w.in));
    if (chance(0.9)) add_response(b, w.in, i, a, w.attrs.back());
    else a.clear();  // a non-respondent: nothing of it is in the dataset
    w.answers.push_back(a);
  }
  w.ds = b.finish();
  return w;
}

// Every operator on every kind of operand, and the literals that make each side of it.
std::vector<std::string> conditions() {
  std::vector<std::string> atoms;
  const char* ops[] = {"==", "!=", "<", "<=", ">", ">="};
  struct Operand {
    const char* ref;
    std::vector<const char*> literals;
  };
  std::vector<Operand> operands = {
      {"q1", {"'ja'", "'nej'", "1"}},
      {"q2", {"'a'", "'b'", "'c'", "'zz'", "2"}},
      {"q3", {"'x'", "'y'", "3"}},
      {"q4", {"0", "5", "-3", "10.5", "'5'"}},
      {"q5.r1", {"'0'", "'1'", "1"}},
      {"count(q3)", {"0", "1", "2", "'x'"}},
      {"org.home_care", {"true", "false", "1"}},
      {"org.staff", {"0", "50", "99", "'50'"}},
      {"org.region", {"'norr'", "'syd'", "''"}},
      {"org.county_code", {"'01'", "'25'"}},
  };
  for (const auto& o : operands)
    for (const char* op : ops)
      for (const char* lit : o.literals) {
        atoms.push_back(std::string(o.ref) + " " + op + " " + lit);
        atoms.push_back(std::string(lit) + " " + op + " " + o.ref);  // the literal on the left
      }
  for (const char* ref : {"q1", "q2", "q3", "q4", "q5.r1", "org.home_care", "org.staff", "org.region", "count(q3)"})
    atoms.push_back(ref);  // truthiness
  for (const char* item : {"q1", "q2", "q3", "q4", "q5.r2"}) atoms.push_back(std::string("answered(") + item + ")");
  for (const char* c : {"'x'", "'y'", "'z'", "'w'"}) atoms.push_back(std::string("q3 has ") + c);
  atoms.push_back("q2 has 'a'");
  atoms.push_back("q2 in ['a', 'c']");
  atoms.push_back("q3 in ['x', 'y']");
  atoms.push_back("q4 in [0, 5, 10]");
  atoms.push_back("org.county_code in ['01', '03']");
  atoms.push_back("count(q3) in [0, 2]");
  std::vector<std::string> out = atoms;
  // Compositions: not, and, or over pairs of atoms.
  for (size_t i = 0; i < atoms.size(); i += 7) {
    const auto& a = atoms[i];
    const auto& b = atoms[(i * 13 + 5) % atoms.size()];
    out.push_back("not (" + a + ")");
    out.push_back("(" + a + ") and (" + b + ")");
    out.push_back("(" + a + ") or not (" + b + ")");
  }
  return out;
}

TEST(Predicates, EveryOperatorSelectsExactlyTheOrganisationsTheInstrumentsEvaluatorAccepts) {
  auto texts = conditions();
  size_t checked = 0, held = 0;
  for (uint32_t seed : {1u, 2u, 3u}) {
    World w = generate(seed, 150);
    PredicateCompiler pc(w.ds);
    for (const auto& text : texts) {
      instrument::ParseError pe{0, ""};
      auto expr = instrument::parse_condition(text, &pe);
      ASSERT_TRUE(expr) << text << ": " << pe.message;
      OrgSet set = pc.eval(*expr);
      for (size_t i = 0; i < w.orgs.size(); ++i) {
        const auto& a = w.answers[i];
        instrument::EvalContext ctx;
        ctx.item = [&](const std::string& key) -> const instrument::Value* {
          auto it = a.find(key);
          return it == a.end() ? nullptr : &it->second;
        };
        ctx.attr = [&](const std::string& name) -> instrument::Scalar {
          auto it = w.attrs[i].find(name);
          return it == w.attrs[i].end() ? instrument::Scalar{} : it->second;
        };
        bool expected = instrument::evaluate(*expr, ctx);
        ASSERT_EQ(set.test(i), expected) << "seed " << seed << ", " << w.orgs[i].code << ": " << text;
        held += expected;
        ++checked;
      }
    }
  }
  // Not a vacuous agreement: the conditions hold for a good part of the organisations, and fail
  // for the rest.
  EXPECT_GT(held, checked / 5);
  EXPECT_LT(held, checked * 4 / 5);
}

TEST(Predicates, AMultipleChoiceWithNothingTickedIsAnsweredButHasNoOption) {
  World w = generate(7, 200);
  size_t none_ticked = 0;
  for (size_t i = 0; i < w.answers.size(); ++i) {
    auto it = w.answers[i].find("q3");
    none_ticked += it != w.answers[i].end() && it->second.codes.empty();
  }
  ASSERT_GT(none_ticked, 0u) << "the generator must make the case";
  PredicateCompiler pc(w.ds);
  instrument::ParseError pe{0, ""};
  OrgSet answered = pc.eval(*instrument::parse_condition("answered(q3)", &pe));
  OrgSet any = pc.eval(*instrument::parse_condition("count(q3) >= 1", &pe));
  EXPECT_EQ(answered.count() - any.count(), none_ticked);
}

}  // namespace
}  // namespace dp::stats
