#pragma once
// The cube of one key figure's published values (the data behind every download and the API):
//   keyfigure  one category per cell: "K02" or "K02.ifo" (role metric is on `measure`)
//   region     the regions present, in display order (regions.h)
//   year       the years present (role time)
//   measure    "value" (the key figure's unit), "n" (organisations in the base) and, for a share
//              of organisations, "count" (the number of municipalities counted, its numerator):
//              shown exactly where the value is (published_data.h, disclosed()); with a panel,
//              "panel_n", "panel_previous", "panel_value" and "panel_change": the comparison of
//              the year with the earlier year over the organisations in the base both years
//              (docs/api.md, "Panel measures")
// A combination with no published value is ".." (not available), never an empty cell.
#include <string>
#include <vector>

#include "publish/cube.h"
#include "publish/published_data.h"
#include "publish/regions.h"

namespace dp::publish {

struct CubeOptions {
  bool include_n = true;
  bool include_count = true;  // where the key figure has counts (KeyFigureMeta::has_count)
  // The panel values to include (where the key figure has panels, KeyFigureMeta::has_panel);
  // nullptr: no panel measures.
  const std::vector<PanelValue>* panel = nullptr;
};

// The measures the key figure publishes, in the cube's order: "value", "n", then "count" and the
// panel measures where it has them.
std::vector<std::string> measures_of(const KeyFigureMeta& kf);

// "K02" for an unnamed cell, else "K02.ifo".
std::string series_id(const std::string& keyfigure, const std::string& cell);

Cube keyfigure_cube(const KeyFigureMeta& kf, const std::vector<Figure>& values, const Regions& regions,
                    const CubeOptions& opts = {});

}  // namespace dp::publish
