#include "stats/rounding.h"

#include <cmath>

namespace dp::stats {

static int64_t pow10i(int d) {
  int64_t p = 1;
  while (d-- > 0) p *= 10;
  return p;
}

int64_t round_share_scaled(int64_t count, int64_t n, int decimals) {
  // x = 100 * 10^d * count / n; round half up: floor((2 * num + den) / (2 * den)).
  __int128 num = (__int128)count * 100 * pow10i(decimals);
  __int128 den = n;
  __int128 r = (2 * num + den) / (2 * den);
  return (int64_t)r;
}

double round_share(int64_t count, int64_t n, int decimals) {
  return (double)round_share_scaled(count, n, decimals) / (double)pow10i(decimals);
}

double round_half_up(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  double p = (double)pow10i(decimals);
  // Decide on the decimal representation with a little slack, so that 2.675 written in a file
  // (stored as 2.67499999...) still rounds as the half it was meant to be.
  double scaled = value * p;
  double r = std::floor(std::fabs(scaled) + 0.5 + 1e-9);
  return std::copysign(r, value) / p;
}

}  // namespace dp::stats
