#pragma once
// How markers are printed on the public side: a symbol (the JSON-stat status, the CSV/XLSX
// status column, the tables) and a legend text, following Swedish official-statistics
// conventions (SCB's «teckenförklaring»).
#include <string>
#include <vector>

#include "core/marker.h"
#include "core/text.h"
#include "publish/cube.h"

namespace dp::publish {

struct MarkerStyle {
  std::string symbol;
  I18n label;
};

// The symbol and legend of a marker; Marker::None has an empty symbol.
const MarkerStyle& marker_style(Marker m);

// Legend entries for the markers that occur (in the canonical order), for cubes and tables.
std::vector<StatusLegend> legend_for(const std::vector<Marker>& present);

// The text of a value as shown in the UI: "12,5" with Swedish formatting, the marker symbol when
// the marker hides the value, "0" for rounds-to-zero, "–" for nil.
std::string display_value(const std::optional<double>& value, Marker m, int decimals, Lang lang);

}  // namespace dp::publish
