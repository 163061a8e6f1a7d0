// Key-figure coverage: a new question or option that no key figure reads, and a key figure whose
// inputs the newest version no longer asks, are warned about at their positions.
#include "stats/coverage.h"

#include <algorithm>
#include <gtest/gtest.h>

#include "instrument/load.h"
#include "stats/keyfigures_load.h"

namespace dp::stats {
namespace {

const char* kPrevious = R"(format: digipuls-instrument/1
id: demo-2022
family: demo
year: 2022
title: {sv: "Demo", en: "Demo"}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - {id: q1, type: yesno, label: {sv: "F", en: "Q"}}
      - id: q2
        type: single
        label: {sv: "F", en: "Q"}
        options: [{id: a, label: {sv: "A", en: "A"}}, {id: b, label: {sv: "B", en: "B"}}]
      - {id: q3, type: number, label: {sv: "F", en: "Q"}}
)";

// q3 dropped; q2 gets option c; q4 is new; q5 is new and read by K3.
const char* kNext = R"(format: digipuls-instrument/1
id: demo-2023
family: demo
year: 2023
previous: demo-2022
title: {sv: "Demo", en: "Demo"}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - {id: q1, continues: {id: q1, comparability: same}, type: yesno, label: {sv: "F", en: "Q"}}
      - id: q2
        continues: {id: q2, comparability: same}
        type: single
        label: {sv: "F", en: "Q"}
        options:
          - {id: a, label: {sv: "A", en: "A"}}
          - {id: b, label: {sv: "B", en: "B"}}
          - {id: c, label: {sv: "C", en: "C"}}
      - {id: q4, type: number, label: {sv: "F", en: "Q"}}
      - {id: q5, type: yesno, label: {sv: "F", en: "Q"}}
)";

const char* kKeyFigures = R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2022, demo-2023]
keyfigures:
  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{id: ja, label: {sv: "Ja", en: "Yes"}, count: "q1 == 'ja'"}, {id: a, label: {sv: "A", en: "A"}, count: "q2 in ['a', 'b']"}]
  - id: K2
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    stat: mean
    cells: [{id: n, label: {sv: "N", en: "N"}, value: q3}]
  - id: K3
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{id: ja, label: {sv: "Ja", en: "Yes"}, count: "q5 == 'ja'"}]
)";

std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.str());
  return out;
}

TEST(KeyFigureCoverage, WarnsForNewQuestionsAndOptionsNoKeyFigureReadsAndForVanishedInputs) {
  auto prev = instrument::load_or_throw(kPrevious, "demo-2022.yaml");
  auto next = instrument::load_or_throw(kNext, "demo-2023.yaml");
  std::vector<const instrument::Instrument*> family{&prev, &next};
  auto kf = load_keyfigures(kKeyFigures, "demo.keyfigures.yaml", family, nullptr);
  ASSERT_TRUE(kf.set) << (kf.diagnostics.empty() ? "" : kf.diagnostics[0].str());
  auto d = coverage_warnings(*kf.set, family);
  for (const auto& x : d) EXPECT_EQ(x.severity, Diagnostic::Severity::Warning);
  auto l = lines(d);
  ASSERT_EQ(l.size(), 3u) << ::testing::PrintToString(l);
  auto head = [](const std::string& x) { return x.substr(0, x.find("]: ") + 1); };
  EXPECT_EQ(head(l[0]), "demo-2023.yaml:19:13: warning S019 [c]");
  EXPECT_NE(l[0].find("option 'c' of q2 is new in demo-2023"), std::string::npos);
  EXPECT_EQ(head(l[1]), "demo-2023.yaml:20:9: warning S019 [q4]");
  // q5 is new but K3 reads it; q3 vanished under K2.
  EXPECT_EQ(head(l[2]), "demo.keyfigures.yaml:9:5: warning S020 [K2]");
  EXPECT_NE(l[2].find("K2 reads q3, which demo-2023 no longer asks"), std::string::npos);
}

TEST(KeyFigureCoverage, AFamilyWhoseNewVersionIsFullyReadHasNoWarnings) {
  auto prev = instrument::load_or_throw(kPrevious, "demo-2022.yaml");
  std::vector<const instrument::Instrument*> family{&prev};
  auto kf = load_keyfigures(R"(format: digipuls-keyfigures/1
family: demo
instruments: [demo-2022]
keyfigures:
  - id: K1
    title: {sv: "T", en: "T"}
    definition: {sv: "D", en: "D"}
    cells: [{id: ja, label: {sv: "Ja", en: "Yes"}, count: "q1 == 'ja' and q2 == 'a' and q3 > 0"}]
)",
                            "kf.yaml", family, nullptr);
  ASSERT_TRUE(kf.set);
  EXPECT_TRUE(coverage_warnings(*kf.set, family).empty());
}

}  // namespace
}  // namespace dp::stats
