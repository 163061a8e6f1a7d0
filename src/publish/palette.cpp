#include "publish/palette.h"

#include <cmath>
#include <cstdlib>

namespace dp::publish {

namespace {
const SeriesStyle kSeries[] = {
    {"#0072b2", "", "circle"},            // blue
    {"#c2410c", "7 4", "square"},         // vermilion, darkened
    {"#007a5a", "2 3", "triangle"},       // bluish green, darkened
    {"#a3457f", "9 3 2 3", "diamond"},    // reddish purple, darkened
    {"#1b1f24", "4 2", "triangle-down"},  // near black
    {"#8a6100", "1 2", "cross"},          // orange, darkened to ochre
};
}  // namespace

SeriesStyle series_style(size_t i) { return kSeries[i % std::size(kSeries)]; }
size_t series_style_count() { return std::size(kSeries); }

std::vector<MapClassStyle> map_class_styles(size_t n) {
  // ColorBrewer Blues (5 classes), lightest first; marks dark on light fills, white on dark.
  static const MapClassStyle all[] = {
      {"#eff3ff", "none", "#08306b"},  {"#bdd7e7", "dots", "#08306b"},  {"#6baed6", "lines", "#08306b"},
      {"#3182bd", "cross", "#ffffff"}, {"#08519c", "dense", "#ffffff"},
  };
  if (n == 0) return {};
  if (n > 5) n = 5;
  std::vector<MapClassStyle> out;
  // Spread the chosen classes over the whole light-to-dark range.
  for (size_t i = 0; i < n; ++i) out.push_back(all[n == 1 ? 2 : (i * 4) / (n - 1)]);
  return out;
}

static double channel(int v) {
  double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(const std::string& hex) {
  long v = std::strtol(hex.c_str() + 1, nullptr, 16);
  return 0.2126 * channel((v >> 16) & 255) + 0.7152 * channel((v >> 8) & 255) + 0.0722 * channel(v & 255);
}

double contrast_ratio(const std::string& a, const std::string& b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace dp::publish
