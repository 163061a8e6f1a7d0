// Golden cases for lineage against the previous version (instrument::check_lineage): every
// tests/cases/lineage/NAME.yaml (except previous.yaml, the version they all continue) is loaded
// as "NAME.yaml", checked against previous.yaml, and its diagnostics, one per line, must equal
// NAME.expected exactly (empty: the lineage is sound). DIGIPULS_UPDATE_GOLDEN=1 rewrites them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/load.h"
#include "instrument/versions.h"
#include "support/golden.h"

namespace fs = std::filesystem;

namespace {

fs::path cases_dir() { return fs::path(DIGIPULS_SOURCE_DIR) / "tests" / "cases" / "lineage"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(cases_dir()))
    if (e.path().extension() == ".yaml" && e.path().stem() != "previous") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class LineageGoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(LineageGoldenCase, DiagnosticsAgainstThePreviousVersionMatchExpectedFile) {
  const std::string name = GetParam();
  auto prev = dp::instrument::load(slurp(cases_dir() / "previous.yaml"), "previous.yaml");
  ASSERT_TRUE(prev.instrument) << "previous.yaml must be valid";
  auto res = dp::instrument::load(slurp(cases_dir() / (name + ".yaml")), name + ".yaml");
  ASSERT_TRUE(res.instrument) << name << ".yaml must be valid on its own: only its lineage is under test";
  dp::Diagnostics diags;
  dp::instrument::check_lineage(*res.instrument, *prev.instrument, diags);
  std::vector<std::string> actual;
  for (const auto& d : diags) actual.push_back(d.str());
  const fs::path expected_file = cases_dir() / (name + ".expected");
  if (dp::test::golden_update_mode()) {
    std::string text;
    for (const auto& l : actual) text += l + "\n";
    return dp::test::rewrite_golden(expected_file, text);
  }
  std::vector<std::string> expected;
  std::istringstream in(slurp(expected_file));
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) expected.push_back(l);
  EXPECT_EQ(actual, expected) << "case " << name;
}

INSTANTIATE_TEST_SUITE_P(Cases, LineageGoldenCase, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
