#pragma once
// What every chart and map shares: "nice" tick steps (1, 2 or 5 × 10^k), a linear map from data
// to pixels, SVG coordinates and shortened labels.
#include <string>
#include <vector>

namespace dp::publish {

struct Ticks {
  double min = 0;
  double max = 1;
  double step = 1;
  std::vector<double> values;  // min, min+step, ..., max
};

// Ticks covering [lo, hi] with about `target` intervals (never more than target + 1). With
// from_zero, the range starts at zero when lo >= 0 (bars and shares start at zero). hi <= lo
// gives a unit range.
Ticks nice_ticks(double lo, double hi, int target = 5, bool from_zero = true);

struct LinearScale {
  double d0 = 0, d1 = 1;  // domain
  double r0 = 0, r1 = 1;  // range (pixels)
  double operator()(double v) const { return d1 == d0 ? r0 : r0 + (v - d0) * (r1 - r0) / (d1 - d0); }
};

// The number of decimals needed to print every tick of a step exactly (0 for 20, 1 for 2.5).
int tick_decimals(double step);

// An SVG coordinate: one decimal at most, no "-0".
std::string fmt_coord(double v);

// At most `max_chars` characters (UTF-8 aware), with "…" when cut.
std::string shorten(const std::string& s, size_t max_chars);

}  // namespace dp::publish
