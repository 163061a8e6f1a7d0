#pragma once
// The API's publication calendar and revision history (docs/api.md, "Calendar and revisions"):
// /api/v1/calendar lists scheduled publications (what and when, no figures) and every published
// revision; /api/v1/keyfigures/{id}/revisions lists the published revisions of the campaigns
// behind a key figure with each figure whose published value a revision changed.
#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

web::Response api_calendar(Site& site, const web::Request& req);
web::Response api_keyfigure_revisions(Site& site, const web::Request& req);

}  // namespace dp::publish
