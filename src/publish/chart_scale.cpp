#include "publish/chart_scale.h"

#include <cmath>
#include <fmt/format.h>

namespace dp::publish {

static double nice_step(double span, int target) {
  double raw = span / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

Ticks nice_ticks(double lo, double hi, int target, bool from_zero) {
  if (from_zero && lo >= 0) lo = 0;
  if (!(hi > lo)) hi = lo + 1;
  Ticks t;
  t.step = nice_step(hi - lo, target);
  t.min = std::floor(lo / t.step + 1e-9) * t.step;
  t.max = std::ceil(hi / t.step - 1e-9) * t.step;
  int n = (int)std::llround((t.max - t.min) / t.step);
  for (int i = 0; i <= n; ++i) {
    double v = t.min + i * t.step;
    if (std::fabs(v) < t.step * 1e-9) v = 0;
    t.values.push_back(v);
  }
  return t;
}

int tick_decimals(double step) {
  for (int d = 0; d < 6; ++d) {
    double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 6;
}

std::string fmt_coord(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string shorten(const std::string& s, size_t max_chars) {
  size_t chars = 0, i = 0, cut = std::string::npos;
  while (i < s.size()) {
    if (chars == max_chars - 1 && cut == std::string::npos) cut = i;
    unsigned char c = s[i];
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  if (chars <= max_chars) return s;
  return s.substr(0, cut) + "…";
}

}  // namespace dp::publish
