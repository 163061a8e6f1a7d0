// Golden cases for the instrument parser and validator (DuckDB / pyxform style): every file
// tests/cases/instrument/NAME.yaml is loaded as "NAME.yaml" and its diagnostics, one per line
// (Diagnostic::str(), i.e. "NAME.yaml:line:col: error Ixxx [key]: message"), must equal
// tests/cases/instrument/NAME.expected exactly. An empty .expected file means a valid instrument.
// Adding a case needs no C++: drop in NAME.yaml and NAME.expected.
// To (re)write the .expected files after a deliberate change, run the test with
// DIGIPULS_UPDATE_GOLDEN=1 (it then fails, see support/golden.h), review the diff, run it again.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

#include "instrument/load.h"
#include "support/golden.h"

namespace fs = std::filesystem;

namespace {

fs::path cases_dir() { return fs::path(DIGIPULS_SOURCE_DIR) / "tests" / "cases" / "instrument"; }

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(cases_dir()))
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

class InstrumentGoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(InstrumentGoldenCase, DiagnosticsMatchExpectedFile) {
  const std::string name = GetParam();
  const fs::path yaml = cases_dir() / (name + ".yaml");
  const fs::path expected_file = cases_dir() / (name + ".expected");
  auto res = dp::instrument::load(slurp(yaml), name + ".yaml");
  std::vector<std::string> actual;
  for (const auto& d : res.diagnostics) actual.push_back(d.str());

  if (dp::test::golden_update_mode()) {
    std::string text;
    for (const auto& l : actual) text += l + "\n";
    return dp::test::rewrite_golden(expected_file, text);
  }
  ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file
                                         << "; write it by hand or with DIGIPULS_UPDATE_GOLDEN=1";
  auto expected = lines_of(slurp(expected_file));
  EXPECT_EQ(actual, expected) << "case " << name;
  // A file is usable exactly when it has no error lines.
  bool expect_errors = std::any_of(expected.begin(), expected.end(),
                                   [](const std::string& l) { return l.find(": error I") != std::string::npos; });
  EXPECT_EQ(res.instrument.has_value(), !expect_errors) << "case " << name;
}

TEST(InstrumentGoldenCases, EveryExpectedFileHasItsCase) {
  for (const auto& e : fs::directory_iterator(cases_dir()))
    if (e.path().extension() == ".expected") {
      auto yaml = e.path();
      yaml.replace_extension(".yaml");
      EXPECT_TRUE(fs::exists(yaml)) << e.path() << " has no .yaml";
    }
}

// The update mode itself: it cannot turn a run green, and CI refuses it.
class GoldenUpdateMode : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : {"DIGIPULS_UPDATE_GOLDEN", "CI"})
      if (const char* x = std::getenv(v)) saved_.emplace_back(v, x);
  }
  void TearDown() override {
    unsetenv("DIGIPULS_UPDATE_GOLDEN");
    unsetenv("CI");
    for (const auto& [k, v] : saved_) setenv(k.c_str(), v.c_str(), 1);
  }
  std::vector<std::pair<std::string, std::string>> saved_;
};

TEST_F(GoldenUpdateMode, IsOffWithoutTheVariable) {
  unsetenv("DIGIPULS_UPDATE_GOLDEN");
  EXPECT_FALSE(dp::test::golden_update_mode());
}

TEST_F(GoldenUpdateMode, IsRefusedUnderCiAsAFailure) {
  setenv("DIGIPULS_UPDATE_GOLDEN", "1", 1);
  setenv("CI", "true", 1);
  bool update = true;
  EXPECT_NONFATAL_FAILURE(update = dp::test::golden_update_mode(), "under CI");
  EXPECT_FALSE(update);
}

TEST_F(GoldenUpdateMode, AnyValueButOneIsAFailureNotAnUpdate) {
  unsetenv("CI");
  setenv("DIGIPULS_UPDATE_GOLDEN", "yes", 1);
  bool update = true;
  EXPECT_NONFATAL_FAILURE(update = dp::test::golden_update_mode(), "must be 1");
  EXPECT_FALSE(update);
}

TEST_F(GoldenUpdateMode, RewritingAFileFailsTheTestThatDidIt) {
  auto path = fs::temp_directory_path() / ("golden_" + std::to_string(::getpid()) + ".expected");
  EXPECT_NONFATAL_FAILURE(dp::test::rewrite_golden(path, "new\n"), "review the diff");
  EXPECT_EQ(slurp(path), "new\n");
  fs::remove(path);
}

std::string param_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace

INSTANTIATE_TEST_SUITE_P(Cases, InstrumentGoldenCase, ::testing::ValuesIn(case_names()), param_name);
