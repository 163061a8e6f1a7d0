#pragma once
// Golden files: expected outputs kept in the repository (tests/cases/). DIGIPULS_UPDATE_GOLDEN=1
// rewrites them after a deliberate change. A run that rewrites is never a pass: the test fails
// and names the file to review, so the next run without the variable is the one that counts.
// Under CI (the variable CI is set, as .ci/run does) rewriting is refused and the test fails.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

namespace dp::test {

// True when this run may rewrite golden files. Any other value than 1, or any value under CI, is
// a failure of the calling test (and the files are only compared).
inline bool golden_update_mode() {
  const char* u = std::getenv("DIGIPULS_UPDATE_GOLDEN");
  if (!u || !*u) return false;
  if (const char* ci = std::getenv("CI"); ci && *ci) {
    ADD_FAILURE() << "DIGIPULS_UPDATE_GOLDEN is set under CI: CI never rewrites expectations";
    return false;
  }
  if (std::string(u) != "1") {
    ADD_FAILURE() << "DIGIPULS_UPDATE_GOLDEN must be 1 to rewrite expectations, not '" << u << "'";
    return false;
  }
  return true;
}

// Writes `text` as the new expectation and fails the test, naming the file to review.
inline void rewrite_golden(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  ADD_FAILURE() << "rewrote " << path.string() << ": review the diff, then run again without DIGIPULS_UPDATE_GOLDEN";
}

}  // namespace dp::test
