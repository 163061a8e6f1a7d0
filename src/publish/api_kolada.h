#pragma once
// The Kolada-shaped convenience endpoint (docs/api.md, "Kolada-shaped values"): values by key
// figure × municipality × year in the envelope Kolada's API v3 uses, so existing Kolada clients
// need only a new base URL:
//   GET /api/v1/kolada/data/kpi/{kpi}[/municipality/{municipality}][/year/{year}]
// {kpi}, {municipality} and {year} take comma-separated lists. Municipality ids follow Kolada:
// 0000 is the nation, 00NN county NN, four digits a municipality. The answer:
//   {"count": N, "values": [{"kpi", "municipality", "period", "values": [{"gender": "T", "cell",
//    "count", "status", "value"}]}], "next_page": URL|null, "previous_page": URL|null}
#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

web::Response api_kolada(Site& site, const web::Request& req, const std::string& base_url);

// Kolada's id of a region reference, or "" when the region has none (size groups).
std::string kolada_id(const RegionRef& r);
// The region of a Kolada municipality id, or nullopt.
std::optional<RegionRef> from_kolada_id(const std::string& id);

}  // namespace dp::publish
