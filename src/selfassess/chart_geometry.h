#pragma once
// Coordinates for the server-rendered SVG charts (the markup is in templates/selfassess/*). Pure:
// numbers in, numbers and SVG point lists out.
#include <optional>
#include <string>
#include <vector>

namespace dp::selfassess {

struct Point {
  double x = 0, y = 0;
};

struct RadarAxis {
  Point end;           // the axis line ends here (score 100)
  Point label;         // where the label text is anchored
  std::string anchor;  // SVG text-anchor: start | middle | end
};

struct Radar {
  double size = 0;  // the SVG is size x size
  Point centre;
  double radius = 0;
  std::vector<std::string> rings;  // polygon point lists at 25, 50, 75, 100
  std::vector<RadarAxis> axes;
  std::vector<std::string> series;       // polygon point lists, one per series (missing values at the centre)
  std::vector<std::vector<Point>> dots;  // one per value that exists
};

// values[s][a]: series s, axis a, on 0-100. Needs at least 3 axes (throws dp::Error Internal).
Radar radar(size_t axes, const std::vector<std::vector<std::optional<double>>>& values, double size = 360);

// Horizontal bar length for a value on 0-100 within `width` units.
double bar_length(double value, double width);

// "x1,y1 x2,y2 ..." with one decimal.
std::string points(const std::vector<Point>& ps);

}  // namespace dp::selfassess
