#pragma once
// GET /api/v1/keyfigures/{id}/data: one key figure's published values as JSON-stat 2.0, CSV or
// XLSX (docs/api.md, "Data"), filtered by cells, years, organisations, groups and breakdowns,
// paginated along the regions when larger than the configured maximum of cells.
#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

web::Response api_keyfigure_data(Site& site, const web::Request& req, const std::string& base_url);

}  // namespace dp::publish
