#pragma once
// The panel section of a key-figure page: the chosen cell and year compared with the earlier year
// over the organisations in the base both years, nationally, by size group and by county, as a
// table with a sentence for the nation (templates/publish/keyfigure.mustache, "panel").
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/marker.h"
#include "publish/site.h"
#include "web/templates.h"

namespace dp::publish {

// None when the key figure has no panel for the year.
std::optional<nlohmann::json> panel_view(Site& site, const Snapshot& snap, const web::Templates& t,
                                         const KeyFigureMeta& kf, const std::string& cell, int year, Lang lang,
                                         std::vector<Marker>& markers);

}  // namespace dp::publish
