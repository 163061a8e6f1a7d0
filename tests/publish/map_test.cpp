#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

#include "core/error.h"
#include "publish/choropleth.h"
#include "publish/geo.h"

using namespace dp;
using namespace dp::publish;

TEST(Projection, CentralMeridianMapsToXZeroAndIsSymmetric) {
  EXPECT_NEAR(transverse_mercator(15, 60).x, 0, 1e-12);
  auto e = transverse_mercator(18, 60), w = transverse_mercator(12, 60);
  EXPECT_NEAR(e.x, -w.x, 1e-12);
  EXPECT_NEAR(e.y, w.y, 1e-12);
  EXPECT_GT(e.x, 0);
}

TEST(Projection, NorthIsUpAndTheScaleIsTrueOnTheCentralMeridian) {
  auto a = transverse_mercator(15, 60), b = transverse_mercator(15, 61);
  EXPECT_GT(b.y, a.y);
  EXPECT_NEAR(b.y - a.y, 3.14159265358979 / 180, 1e-9);
}

TEST(Projection, IsConformalNearSweden) {
  // Small steps east and north at 65° N, 20° E have the same length (conformal: equal scale).
  double d = 1e-4, lat = 65, lon = 20;
  auto p = transverse_mercator(lon, lat), pe = transverse_mercator(lon + d / std::cos(lat * M_PI / 180), lat),
       pn = transverse_mercator(lon, lat + d);
  double se = std::hypot(pe.x - p.x, pe.y - p.y), sn = std::hypot(pn.x - p.x, pn.y - p.y);
  EXPECT_NEAR(se / sn, 1.0, 1e-3);
}

TEST(Simplify, DropsPointsOnAStraightLineAndKeepsCorners) {
  Ring r = {{0, 0}, {1, 0.01}, {2, 0}, {2, 2}, {0, 2}, {0, 0}};
  Ring s = simplify(r, 0.1);
  EXPECT_EQ(s.size(), 5u);
  EXPECT_EQ(s.front().x, 0);
  EXPECT_EQ(s.back().y, 0);
}

TEST(RingArea, OfAUnitSquareIsOne) { EXPECT_DOUBLE_EQ(ring_area({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}), 1.0); }

static const char* kTwoSquares = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"A","name":"Alfa"},"geometry":{"type":"Polygon","coordinates":[[[14,58],[16,58],[16,60],[14,60],[14,58]]]}},
 {"type":"Feature","properties":{"code":"B","name":"Beta"},"geometry":{"type":"MultiPolygon","coordinates":[[[[16,60],[18,60],[18,66],[16,66],[16,60]]]]}}]})";

TEST(FitMap, EveryPointLiesInsideTheBoxAndTheNorthIsAtTheTop) {
  auto regions = parse_geojson(kTwoSquares, "code", "name");
  ASSERT_EQ(regions.size(), 2u);
  auto g = fit_map(regions, 200, 400, 10);
  ASSERT_EQ(g.shapes.size(), 2u);
  EXPECT_LT(g.shapes[1].label.y, g.shapes[0].label.y);  // B lies farther north
  for (const auto& s : g.shapes) {
    std::string d = s.d;
    for (auto& c : d)
      if (c == 'M' || c == 'L' || c == 'Z' || c == ',') c = ' ';
    std::istringstream in(d);
    double x, y;
    while (in >> x >> y) {
      EXPECT_GE(x, 9.9);
      EXPECT_LE(x, 190.1);
      EXPECT_GE(y, 9.9);
      EXPECT_LE(y, 390.1);
    }
  }
}

TEST(ParseGeojson, NamesTheMissingProperty) {
  try {
    parse_geojson(kTwoSquares, "county_code", "name");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("county_code"), std::string::npos);
  }
}

TEST(MapClasses, AtMostFiveClassesThatCountEveryValue) {
  std::vector<double> v = {3, 17, 22, 38, 45, 51, 66, 70, 88, 99};
  auto c = map_classes(v);
  ASSERT_LE(c.size(), 5u);
  ASSERT_GE(c.size(), 2u);
  size_t total = 0;
  for (auto& k : c) total += k.count;
  EXPECT_EQ(total, v.size());
  EXPECT_LE(c.front().lo, 3);
  EXPECT_GE(c.back().hi, 99);
  EXPECT_EQ(class_of(c, c.back().hi), c.size() - 1);  // the top bound belongs to the last class
}

TEST(Choropleth, RegionsWithoutANumberGetTheNoDataPatternAndAreCounted) {
  auto regions = parse_geojson(kTwoSquares, "code", "name");
  auto g = fit_map(regions, 200, 400);
  ChoroplethInput in;
  in.id = "m";
  in.geometry = &g;
  in.regions_word = "län";
  in.values["A"] = {40.0, "40"};
  in.values["B"] = {std::nullopt, "x"};
  auto vm = choropleth(in);
  EXPECT_EQ(vm["shapes"][1]["fill"], "url(#m-na)");
  EXPECT_EQ(vm["shapes"][1]["title"], "Beta: x");
  EXPECT_TRUE(vm["has_na"]);
  EXPECT_EQ(vm["na"]["count"], "1 län");
  EXPECT_EQ(vm["shapes"][0]["fill"].get<std::string>().rfind("url(#m-c", 0), 0u);
}
