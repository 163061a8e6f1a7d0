#pragma once
// The horizontal bar chart (by county, by size group, a municipality beside its comparisons):
// geometry here, markup in templates/charts/bar.mustache. One colour for every bar (colour
// means nothing), the value printed at the end of each bar, a marker symbol where there is no
// number, and the national value as a labelled dashed reference line. A bar to be singled out
// (the municipality itself) is hatched and its label bold, not coloured differently.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace dp::publish {

struct BarItem {
  std::string label;
  std::optional<double> value;
  std::string text;  // formatted value, or the marker symbol when there is no value
  bool emphasis = false;
};

struct BarChartInput {
  std::string id;
  std::string title;
  std::string summary;
  std::string unit;
  std::vector<BarItem> bars;
  std::optional<double> reference;  // drawn as a line
  std::string reference_label;      // «Riket 56 %»
  std::optional<double> max_hint;   // 100 for shares
  Lang lang = Lang::sv;
};

nlohmann::json bar_chart(const BarChartInput& in);

}  // namespace dp::publish
