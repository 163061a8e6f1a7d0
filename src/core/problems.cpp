#include "core/problems.h"

#include <fmt/format.h>

namespace dp {

void ProblemList::add(std::string message) {
  ++total_;
  if (shown_.size() < kShown) shown_.push_back(std::move(message));
}

std::vector<std::string> ProblemList::lines() const {
  auto out = shown_;
  if (total_ > shown_.size()) out.push_back(fmt::format("…and {} more problem(s)", total_ - shown_.size()));
  return out;
}

std::string ProblemList::report(const std::string& outcome) const {
  std::string msg = fmt::format("{} problem(s); {}:", total_, outcome);
  for (const auto& l : lines()) msg += "\n  " + l;
  return msg;
}

}  // namespace dp
