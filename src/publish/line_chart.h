#pragma once
// The time-series line chart: geometry computed here, markup in templates/charts/line.mustache.
// Years are equally spaced on x; each series is drawn as runs of connected points (a missing
// value or a comparability break ends a run), with its own colour, dash pattern and point shape,
// and a direct label at its last point, so no legend lookup is needed.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace dp::publish {

struct ChartPoint {
  int year = 0;
  std::optional<double> value;  // none: no number (the table shows why)
  std::string text;             // formatted value or marker symbol, for titles
};

struct ChartSeries {
  std::string id;
  std::string label;
  std::vector<ChartPoint> points;
};

struct LineChartInput {
  std::string id;  // unique in the page: ids of <title>/<desc>/patterns derive from it
  std::string title;
  std::string summary;  // the one-sentence text alternative
  std::string unit;     // axis caption, e.g. «Andel (%)»
  std::vector<int> years;
  std::vector<ChartSeries> series;
  std::vector<int> breaks;         // a break before each of these years
  std::string break_label;         // «Tidsseriebrott»
  std::optional<double> max_hint;  // 100 for shares: the axis reaches at least this
  Lang lang = Lang::sv;
};

// The view model of templates/charts/line.mustache.
nlohmann::json line_chart(const LineChartInput& in);

// The path of a point marker of a shape centred at (x, y) with radius r.
std::string marker_path(const std::string& shape, double x, double y, double r);

}  // namespace dp::publish
