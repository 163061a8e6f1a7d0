#pragma once
// The cube of one key figure's published values (the data behind every download and the API):
//   keyfigure  one category per cell: "K02" or "K02.ifo" (role metric is on `measure`)
//   region     the regions present, in display order (regions.h)
//   year       the years present (role time)
//   measure    "value" (the key figure's unit), "n" (organisations in the base) and, for a share
//              of organisations, "count" (the number of municipalities counted, its numerator):
//              shown exactly where the value is (published_data.h, disclosed())
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
};

// "K02" for an unnamed cell, else "K02.ifo".
std::string series_id(const std::string& keyfigure, const std::string& cell);

Cube keyfigure_cube(const KeyFigureMeta& kf, const std::vector<Figure>& values, const Regions& regions,
                    const CubeOptions& opts = {});

}  // namespace dp::publish
