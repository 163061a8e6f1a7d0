#pragma once
// A cube as a long table, one row per cell: for each dimension its code and its label, then the
// unit, the value and the status. The CSV and XLSX writers both write this table, so the two
// always hold the same rows. Layout documented in docs/api.md ("CSV and XLSX").
#include <optional>
#include <string>
#include <vector>

#include "publish/cube.h"

namespace dp::publish {

struct FlatRow {
  std::vector<std::string> text;  // dimension codes and labels, then the unit
  std::optional<double> value;    // rounded to `decimals`
  int decimals = 0;
  std::string status;
};

struct FlatTable {
  std::vector<std::string> header;  // ..., "unit", "value", "status"
  std::vector<FlatRow> rows;
};

FlatTable flatten(const Cube& cube, Lang lang);

}  // namespace dp::publish
