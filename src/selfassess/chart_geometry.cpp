#include "selfassess/chart_geometry.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/error.h"

namespace dp::selfassess {

namespace {
constexpr double kPi = 3.14159265358979323846;

// Axis a of n starts at the top and goes clockwise.
Point at(const Point& c, double r, size_t a, size_t n) {
  double angle = -kPi / 2 + 2 * kPi * static_cast<double>(a) / static_cast<double>(n);
  return {c.x + r * std::cos(angle), c.y + r * std::sin(angle)};
}
}  // namespace

std::string points(const std::vector<Point>& ps) {
  std::string s;
  for (const auto& p : ps) {
    if (!s.empty()) s += ' ';
    s += fmt::format("{:.1f},{:.1f}", p.x, p.y);
  }
  return s;
}

Radar radar(size_t n, const std::vector<std::vector<std::optional<double>>>& values, double size) {
  if (n < 3) throw Error::internal("a radar chart needs at least 3 axes");
  Radar r;
  r.size = size;
  r.centre = {size / 2, size / 2};
  r.radius = size * 0.30;  // room for labels around
  for (double level : {25.0, 50.0, 75.0, 100.0}) {
    std::vector<Point> ring;
    for (size_t a = 0; a < n; ++a) ring.push_back(at(r.centre, r.radius * level / 100, a, n));
    r.rings.push_back(points(ring));
  }
  for (size_t a = 0; a < n; ++a) {
    RadarAxis ax;
    ax.end = at(r.centre, r.radius, a, n);
    ax.label = at(r.centre, r.radius + 14, a, n);
    double dx = ax.label.x - r.centre.x;
    ax.anchor = std::abs(dx) < 1 ? "middle" : (dx > 0 ? "start" : "end");
    if (ax.label.y > r.centre.y + 1) ax.label.y += 10;  // below the centre: baseline under the tip
    r.axes.push_back(ax);
  }
  for (const auto& series : values) {
    std::vector<Point> poly, dots;
    for (size_t a = 0; a < n; ++a) {
      std::optional<double> v = a < series.size() ? series[a] : std::nullopt;
      double clamped = v ? std::clamp(*v, 0.0, 100.0) : 0.0;
      Point p = at(r.centre, r.radius * clamped / 100, a, n);
      poly.push_back(p);
      if (v) dots.push_back(p);
    }
    r.series.push_back(points(poly));
    r.dots.push_back(dots);
  }
  return r;
}

double bar_length(double value, double width) { return std::clamp(value, 0.0, 100.0) / 100.0 * width; }

}  // namespace dp::selfassess
