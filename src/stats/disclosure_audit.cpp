#include "stats/disclosure_audit.h"

namespace dp::stats {

namespace {
constexpr uint64_t kP = (1ull << 61) - 1;

uint64_t mulmod(uint64_t a, uint64_t b) {
  unsigned __int128 r = (unsigned __int128)a * b;
  uint64_t lo = (uint64_t)(r & kP), hi = (uint64_t)(r >> 61);
  uint64_t s = lo + hi;
  return s >= kP ? s - kP : s;
}
uint64_t submod(uint64_t a, uint64_t b) { return a >= b ? a - b : a + kP - b; }
uint64_t powmod(uint64_t a, uint64_t e) {
  uint64_t r = 1;
  while (e) {
    if (e & 1) r = mulmod(r, a);
    a = mulmod(a, a);
    e >>= 1;
  }
  return r;
}
uint64_t inverse(uint64_t a) { return powmod(a, kP - 2); }
}  // namespace

std::vector<uint64_t> LinearAudit::reduce(std::vector<uint64_t> v) const {
  for (size_t r = 0; r < basis_.size(); ++r) {
    uint64_t f = v[pivots_[r]];
    if (!f) continue;
    const auto& row = basis_[r];
    for (size_t j = 0; j < atoms_; ++j)
      if (row[j]) v[j] = submod(v[j], mulmod(f, row[j]));
  }
  return v;
}

void LinearAudit::publish(const std::vector<char>& indicator) {
  std::vector<uint64_t> v(atoms_);
  for (size_t j = 0; j < atoms_; ++j) v[j] = indicator[j] ? 1 : 0;
  v = reduce(std::move(v));
  size_t p = 0;
  while (p < atoms_ && !v[p]) ++p;
  if (p == atoms_) return;  // already implied
  uint64_t inv = inverse(v[p]);
  for (auto& x : v) x = mulmod(x, inv);
  // Keep the basis fully reduced so that reduce() needs one pass.
  for (auto& row : basis_) {
    uint64_t f = row[p];
    if (!f) continue;
    for (size_t j = 0; j < atoms_; ++j)
      if (v[j]) row[j] = submod(row[j], mulmod(f, v[j]));
  }
  basis_.push_back(std::move(v));
  pivots_.push_back(p);
}

bool LinearAudit::determined(const std::vector<char>& indicator) const {
  std::vector<uint64_t> v(atoms_);
  for (size_t j = 0; j < atoms_; ++j) v[j] = indicator[j] ? 1 : 0;
  v = reduce(std::move(v));
  for (auto x : v)
    if (x) return false;
  return true;
}

}  // namespace dp::stats
