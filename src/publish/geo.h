#pragma once
// Boundaries for maps: GeoJSON (WGS84 longitude/latitude) → projected, fitted and simplified
// SVG path data, one per region. Sweden is drawn in a spherical transverse Mercator projection
// centred on 15° E (the meridian of SWEREF 99 TM's neighbour RT 90; conformal, so shapes look
// as on official maps). Rings are simplified with Douglas–Peucker in pixel space.
#include <map>
#include <string>
#include <vector>

namespace dp::publish {

struct Point {
  double x = 0, y = 0;
};
using Ring = std::vector<Point>;

struct Region {
  std::string code;  // "01" or "0114"
  std::string name;
  std::vector<Ring> rings;  // outer rings and holes alike (drawn with fill-rule evenodd)
};

// Reads a FeatureCollection; the region code comes from the property `code_property`
// ("county_code" or "code"), the name from `name_property`. Throws dp::Error (BadInput).
std::vector<Region> parse_geojson(const std::string& text, const std::string& code_property,
                                  const std::string& name_property);

// Spherical transverse Mercator, central meridian lon0 (degrees): x east, y north, in radians
// of the unit sphere.
Point transverse_mercator(double lon, double lat, double lon0 = 15.0);

// Douglas–Peucker: the subset of `ring` within `tolerance` of the original; first and last kept.
Ring simplify(const Ring& ring, double tolerance);

// Absolute area of a ring (shoelace).
double ring_area(const Ring& ring);

struct MapShape {
  std::string code;
  std::string name;
  std::string d;  // SVG path data
  Point label;    // centre of the largest ring's bounding box
};

struct MapGeometry {
  double width = 0, height = 0;
  std::vector<MapShape> shapes;
};

// Projects and fits regions into a width × height box (aspect kept, y flipped, `margin` px
// around), simplifies to `tolerance` px and drops rings smaller than `min_area` px² (each region
// keeps at least its largest ring).
MapGeometry fit_map(const std::vector<Region>& regions, double width, double height, double margin = 8,
                    double tolerance = 0.6, double min_area = 1.5);

}  // namespace dp::publish
