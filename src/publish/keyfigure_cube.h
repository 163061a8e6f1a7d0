#pragma once
// The cube of one key figure's published values (the data behind every download and the API):
//   keyfigure  one category per cell: "K02" or "K02.ifo" (role metric is on `measure`)
//   region     the regions present, in display order (regions.h)
//   year       the years present (role time)
//   measure    "value" (the key figure's unit) and "n" (organisations in the base)
// A combination with no published value is ".." (not available), never an empty cell.
#include <string>
#include <vector>

#include "publish/cube.h"
#include "publish/published_data.h"
#include "publish/regions.h"

namespace dp::publish {

struct CubeOptions {
  bool include_n = true;
};

// "K02" for an unnamed cell, else "K02.ifo".
std::string series_id(const std::string& keyfigure, const std::string& cell);

Cube keyfigure_cube(const KeyFigureMeta& kf, const std::vector<Figure>& values, const Regions& regions,
                    const CubeOptions& opts = {});

}  // namespace dp::publish
