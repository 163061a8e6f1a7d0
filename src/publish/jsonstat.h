#pragma once
// JSON-stat 2.0 (https://json-stat.org/format/) of a cube: one "dataset" with id/size in the
// cube's dimension order, category index/label (and unit for metric categories), a dense value
// array (null where there is no number) and a sparse status object. Status symbols are explained
// in extension.status and in a note, so a client can tell "suppressed" from "not asked".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "publish/cube.h"

namespace dp::publish {

struct JsonStatLink {
  std::string rel;  // IANA relation: "next", "prev", "first", "last", "alternate"
  std::string href;
  std::string type;  // media type, optional
};

struct JsonStatOptions {
  Lang lang = Lang::sv;
  std::string href;                                     // the dataset's own URL
  std::vector<JsonStatLink> links;                      // pagination and alternates
  nlohmann::json extension = nlohmann::json::object();  // merged into "extension"
};

nlohmann::json to_jsonstat(const Cube& cube, const JsonStatOptions& opts);

// A value rounded to `decimals` places as a JSON number (no binary noise such as 12.300000001).
double round_to(double value, int decimals);

}  // namespace dp::publish
