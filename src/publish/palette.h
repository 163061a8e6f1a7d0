#pragma once
// Colours and the non-colour cues that go with them. The categorical palette is derived from
// Okabe & Ito's colour-blind-safe set, darkened where needed so every colour has at least 3:1
// contrast against white (WCAG 1.4.11); every series also gets its own marker shape and dash
// pattern, so colour never carries meaning alone. The sequential map scale is single-hue
// (lightness carries the order, which every form of colour blindness keeps), and each class also
// gets its own fill pattern.
#include <string>
#include <vector>

namespace dp::publish {

struct SeriesStyle {
  std::string colour;  // "#0072b2"
  std::string dash;    // stroke-dasharray, "" = solid
  std::string shape;   // circle | square | triangle | diamond | triangle-down | cross
};

// The style of the i-th series (cycles after the palette's length).
SeriesStyle series_style(size_t i);
size_t series_style_count();

struct MapClassStyle {
  std::string fill;     // sequential blue
  std::string pattern;  // none | dots | lines | cross | dense
  std::string ink;      // colour of the pattern marks (contrasts with the fill)
};

// Styles for n map classes (1..5), lightest first.
std::vector<MapClassStyle> map_class_styles(size_t n);

// WCAG contrast ratio between two "#rrggbb" colours (1..21).
double contrast_ratio(const std::string& a, const std::string& b);

}  // namespace dp::publish
