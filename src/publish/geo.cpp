#include "publish/geo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "publish/chart_scale.h"

namespace dp::publish {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

Ring read_ring(const nlohmann::json& coords) {
  Ring r;
  for (const auto& p : coords) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
      throw Error::bad_input("GeoJSON: a position must be [longitude, latitude]");
    r.push_back({p[0].get<double>(), p[1].get<double>()});
  }
  return r;
}

void dp_recurse(const Ring& r, size_t a, size_t b, double tol, std::vector<bool>& keep) {
  if (b <= a + 1) return;
  double dx = r[b].x - r[a].x, dy = r[b].y - r[a].y, len = std::hypot(dx, dy);
  double best = -1;
  size_t idx = a;
  for (size_t i = a + 1; i < b; ++i) {
    double d = len == 0 ? std::hypot(r[i].x - r[a].x, r[i].y - r[a].y)
                        : std::fabs(dy * r[i].x - dx * r[i].y + r[b].x * r[a].y - r[b].y * r[a].x) / len;
    if (d > best) best = d, idx = i;
  }
  if (best > tol) {
    keep[idx] = true;
    dp_recurse(r, a, idx, tol, keep);
    dp_recurse(r, idx, b, tol, keep);
  }
}

}  // namespace

std::vector<Region> parse_geojson(const std::string& text, const std::string& code_property,
                                  const std::string& name_property) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw Error::bad_input(std::string("GeoJSON: ") + e.what());
  }
  if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" || !doc.contains("features"))
    throw Error::bad_input("GeoJSON: expected a FeatureCollection");
  std::vector<Region> out;
  for (const auto& f : doc["features"]) {
    Region reg;
    const auto& props = f.value("properties", nlohmann::json::object());
    if (!props.contains(code_property) || !props[code_property].is_string())
      throw Error::bad_input("GeoJSON: a feature lacks the property '" + code_property + "'");
    reg.code = props[code_property].get<std::string>();
    if (props.contains(name_property) && props[name_property].is_string())
      reg.name = props[name_property].get<std::string>();
    const auto& g = f.value("geometry", nlohmann::json::object());
    std::string type = g.value("type", "");
    if (type == "Polygon") {
      for (const auto& ring : g["coordinates"]) reg.rings.push_back(read_ring(ring));
    } else if (type == "MultiPolygon") {
      for (const auto& poly : g["coordinates"])
        for (const auto& ring : poly) reg.rings.push_back(read_ring(ring));
    } else {
      throw Error::bad_input("GeoJSON: unsupported geometry '" + type + "' for " + reg.code);
    }
    out.push_back(std::move(reg));
  }
  return out;
}

Point transverse_mercator(double lon, double lat, double lon0) {
  double lam = (lon - lon0) * kDeg, phi = lat * kDeg;
  double b = std::cos(phi) * std::sin(lam);
  double x = 0.5 * std::log((1 + b) / (1 - b));
  double y = std::atan2(std::tan(phi), std::cos(lam));
  return {x, y};
}

Ring simplify(const Ring& ring, double tolerance) {
  if (ring.size() <= 3) return ring;
  std::vector<bool> keep(ring.size(), false);
  keep.front() = keep.back() = true;
  // A closed ring has first == last: split at the point farthest from the start so both halves
  // have distinct ends.
  size_t far = 0;
  double best = -1;
  for (size_t i = 1; i + 1 < ring.size(); ++i) {
    double d = std::hypot(ring[i].x - ring[0].x, ring[i].y - ring[0].y);
    if (d > best) best = d, far = i;
  }
  keep[far] = true;
  dp_recurse(ring, 0, far, tolerance, keep);
  dp_recurse(ring, far, ring.size() - 1, tolerance, keep);
  Ring out;
  for (size_t i = 0; i < ring.size(); ++i)
    if (keep[i]) out.push_back(ring[i]);
  return out;
}

double ring_area(const Ring& r) {
  double a = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  if (!r.empty()) a += r.back().x * r.front().y - r.front().x * r.back().y;
  return std::fabs(a) / 2;
}

MapGeometry fit_map(const std::vector<Region>& regions, double width, double height, double margin, double tolerance,
                    double min_area) {
  double minx = std::numeric_limits<double>::max(), miny = minx, maxx = -minx, maxy = -minx;
  std::vector<std::vector<Ring>> projected;
  for (const auto& reg : regions) {
    std::vector<Ring> rings;
    for (const auto& ring : reg.rings) {
      Ring pr;
      for (const auto& p : ring) {
        Point q = transverse_mercator(p.x, p.y);
        minx = std::min(minx, q.x), maxx = std::max(maxx, q.x), miny = std::min(miny, q.y), maxy = std::max(maxy, q.y);
        pr.push_back(q);
      }
      rings.push_back(std::move(pr));
    }
    projected.push_back(std::move(rings));
  }
  MapGeometry g;
  if (regions.empty()) return g;
  double sx = (width - 2 * margin) / std::max(maxx - minx, 1e-12),
         sy = (height - 2 * margin) / std::max(maxy - miny, 1e-12);
  double s = std::min(sx, sy);
  double ox = margin + ((width - 2 * margin) - s * (maxx - minx)) / 2;
  double oy = margin + ((height - 2 * margin) - s * (maxy - miny)) / 2;
  g.width = width;
  g.height = height;
  for (size_t i = 0; i < regions.size(); ++i) {
    MapShape shape{regions[i].code, regions[i].name, "", {}};
    std::vector<Ring> screen;
    for (auto& ring : projected[i]) {
      Ring r;
      for (const auto& q : ring) r.push_back({ox + (q.x - minx) * s, oy + (maxy - q.y) * s});
      screen.push_back(simplify(r, tolerance));
    }
    size_t largest = 0;
    for (size_t k = 1; k < screen.size(); ++k)
      if (ring_area(screen[k]) > ring_area(screen[largest])) largest = k;
    for (size_t k = 0; k < screen.size(); ++k) {
      const Ring& r = screen[k];
      if (r.size() < 3 || (k != largest && ring_area(r) < min_area)) continue;
      shape.d += "M" + fmt_coord(r[0].x) + "," + fmt_coord(r[0].y);
      for (size_t j = 1; j < r.size(); ++j) shape.d += "L" + fmt_coord(r[j].x) + "," + fmt_coord(r[j].y);
      shape.d += "Z";
    }
    if (!screen.empty()) {
      const Ring& r = screen[largest];
      double x0 = 1e18, x1 = -1e18, y0 = 1e18, y1 = -1e18;
      for (const auto& p : r)
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
      shape.label = {(x0 + x1) / 2, (y0 + y1) / 2};
    }
    g.shapes.push_back(std::move(shape));
  }
  return g;
}

}  // namespace dp::publish
