#pragma once
// The problems an importer finds in a file, all reported at once in one wording
// ("FILE: row N, column X: message", csv::where) and with one limit: the first kShown are kept
// with their text and the rest are only counted, so that a file of a million bad rows gives a
// readable report ("…and N more problem(s)") in bounded memory. Every CSV importer uses it.
#include <cstddef>
#include <string>
#include <vector>

namespace dp {

class ProblemList {
 public:
  static constexpr size_t kShown = 500;

  void add(std::string message);
  bool empty() const { return total_ == 0; }
  size_t count() const { return total_; }  // all problems, shown or not
  const std::vector<std::string>& shown() const { return shown_; }

  // The shown problems, then "…and N more problem(s)" when some were only counted.
  std::vector<std::string> lines() const;
  // "N problem(s); nothing was imported:" followed by lines(), one per line, indented.
  std::string report(const std::string& outcome) const;

 private:
  std::vector<std::string> shown_;
  size_t total_ = 0;
};

}  // namespace dp
