#include "publish/choropleth.h"

#include <algorithm>

#include "publish/chart_scale.h"
#include "publish/line_chart.h"
#include "publish/palette.h"

namespace dp::publish {

std::vector<MapClass> map_classes(const std::vector<double>& values) {
  if (values.empty()) return {};
  auto [mn, mx] = std::minmax_element(values.begin(), values.end());
  Ticks t;
  for (int target = 5; target >= 2; --target) {
    t = nice_ticks(*mn, *mx, target, false);
    if (t.values.size() <= 6) break;
  }
  std::vector<MapClass> classes;
  for (size_t i = 0; i + 1 < t.values.size(); ++i) classes.push_back({t.values[i], t.values[i + 1], 0});
  if (classes.empty()) classes.push_back({t.min, t.max, 0});
  for (double v : values) classes[class_of(classes, v)].count++;
  return classes;
}

size_t class_of(const std::vector<MapClass>& classes, double v) {
  for (size_t i = 0; i + 1 < classes.size(); ++i)
    if (v < classes[i].hi) return i;
  return classes.size() - 1;
}

// The legend starts inside the geometry's box (x 410) and its longest line, "Uppgift saknas
// (12 kommuner)", runs past it: the picture is this much wider than the map.
constexpr double kLegendOverhang = 90;

nlohmann::json choropleth(const ChoroplethInput& in) {
  using nlohmann::json;
  std::vector<double> vals;
  for (const auto& [code, v] : in.values)
    if (v.value) vals.push_back(*v.value);
  auto classes = map_classes(vals);
  auto styles = map_class_styles(classes.size());
  double step = classes.empty() ? 1 : classes[0].hi - classes[0].lo;
  int dec = tick_decimals(step);

  json vm = {{"id", in.id},
             {"title", in.title},
             {"summary", in.summary},
             {"unit", in.unit},
             {"width", in.geometry ? in.geometry->width + kLegendOverhang : 0},
             {"height", in.geometry ? in.geometry->height : 0}};
  json cls = json::array();
  for (size_t i = 0; i < classes.size(); ++i) {
    const auto& st = styles[i];
    std::string range = format_number(classes[i].lo, dec, in.lang) + "–" + format_number(classes[i].hi, dec, in.lang);
    cls.push_back({{"pattern_id", in.id + "-c" + std::to_string(i)},
                   {"fill", st.fill},
                   {"ink", st.ink},
                   {"is_dots", st.pattern == "dots"},
                   {"is_lines", st.pattern == "lines"},
                   {"is_cross", st.pattern == "cross"},
                   {"is_dense", st.pattern == "dense"},
                   {"range", range},
                   {"count", std::to_string(classes[i].count) + " " + in.regions_word},
                   {"swatch_y", 34 + 26 * (double)i},
                   {"text_y", 34 + 26 * (double)i + 13}});
  }
  size_t missing = 0;
  json shapes = json::array();
  if (in.geometry) {
    for (const auto& s : in.geometry->shapes) {
      auto it = in.values.find(s.code);
      std::string fill = "url(#" + in.id + "-na)";
      std::string text = it != in.values.end() ? it->second.text : "..";
      if (it != in.values.end() && it->second.value) {
        fill = "url(#" + in.id + "-c" + std::to_string(class_of(classes, *it->second.value)) + ")";
      } else {
        ++missing;
      }
      shapes.push_back({{"d", s.d}, {"fill", fill}, {"title", s.name + ": " + text}, {"code", s.code}});
    }
  }
  vm["classes"] = cls;
  vm["shapes"] = shapes;
  double na_y = 34 + 26 * (double)classes.size();
  vm["na"] = {{"pattern_id", in.id + "-na"},
              {"label", in.no_data_label},
              {"count", std::to_string(missing) + " " + in.regions_word},
              {"swatch_y", na_y},
              {"text_y", na_y + 13}};
  vm["has_na"] = missing > 0;
  vm["legend_title_y"] = 20;
  return vm;
}

}  // namespace dp::publish
