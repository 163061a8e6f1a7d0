#pragma once
// The choropleth map (by county or by municipality): geometry from geo.h, classes here, markup in
// templates/charts/map.mustache. At most five classes with "nice" bounds over the values shown;
// each class has a lightness step of one blue hue *and* its own fill pattern, regions without a
// number are white with a grey hatch, and every region carries its name and value as a tooltip
// title. The legend states each class's range and how many regions fall in it.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "publish/geo.h"

namespace dp::publish {

struct MapValue {
  std::optional<double> value;
  std::string text;  // formatted value or marker symbol
};

struct ChoroplethInput {
  std::string id;
  std::string title;
  std::string summary;
  std::string unit;
  std::string no_data_label;  // «Uppgift saknas»
  std::string regions_word;   // «län» / «kommuner» for legend counts
  const MapGeometry* geometry = nullptr;
  std::map<std::string, MapValue> values;  // by region code
  Lang lang = Lang::sv;
};

struct MapClass {
  double lo = 0, hi = 0;  // [lo, hi), the last class includes hi
  size_t count = 0;
};

// Class bounds over the values (at most five classes).
std::vector<MapClass> map_classes(const std::vector<double>& values);
// The class index of a value.
size_t class_of(const std::vector<MapClass>& classes, double v);

nlohmann::json choropleth(const ChoroplethInput& in);

}  // namespace dp::publish
