#pragma once
// The rounding rule of published figures (docs/statistics.md, "Rounding"): round to the nearest
// unit shown, exact halves away from zero ("halves up"), as the 2021 report did where a half
// occurred. Shares are rounded from the exact fraction count/n in integer arithmetic, so an exact
// half such as 1/8 = 12.5 % is recognised as a half (no binary floating-point drift).
#include <cstdint>

namespace dp::stats {

// 100 * count / n rounded to `decimals` places, halves up; returned in units of 10^-decimals
// (e.g. 125 for 12.5 % with decimals = 1). REQUIRES: n > 0, 0 <= count, decimals in 0..6.
int64_t round_share_scaled(int64_t count, int64_t n, int decimals);

// The same as a double (12.5 for the example above).
double round_share(int64_t count, int64_t n, int decimals);

// Any non-negative or negative value rounded half away from zero at `decimals` places. Values that
// are already decimal fractions of at most `decimals` places are kept exactly.
double round_half_up(double value, int decimals);

}  // namespace dp::stats
