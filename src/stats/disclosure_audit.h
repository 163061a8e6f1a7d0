#pragma once
// Exact linear disclosure audit. An attacker knows which organisations make up every group of
// every breakdown (the registry is public) and reads every published group total. A suppressed
// group's total can be recovered exactly when its indicator vector (over "atoms": the classes of
// organisations that belong to the same groups in every breakdown) is a linear combination of the
// published groups' indicator vectors. The test is done exactly, in arithmetic modulo the prime
// 2^61 - 1 (integer 0/1 matrices; the rank over that field equals the rank over the rationals for
// these sizes), so no floating-point tolerance can hide a recovery.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dp::stats {

class LinearAudit {
 public:
  explicit LinearAudit(size_t atoms) : atoms_(atoms) {}

  // Adds a published total: the atoms it sums.
  void publish(const std::vector<char>& indicator);
  // True when the total over `indicator` follows from the published totals.
  bool determined(const std::vector<char>& indicator) const;

 private:
  size_t atoms_;
  std::vector<std::vector<uint64_t>> basis_;  // rows in echelon form
  std::vector<size_t> pivots_;
  std::vector<uint64_t> reduce(std::vector<uint64_t> v) const;
};

}  // namespace dp::stats
