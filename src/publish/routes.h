#pragma once
// The public side's routes: statistics pages, municipality pages, chart downloads and embeds,
// and the open data API under /api/v1/. All are public (no sign-in, and GET only: no CSRF) and
// read only published data.
#include <memory>

#include "publish/site.h"
#include "storage/store.h"
#include "web/app.h"

namespace dp::publish {

// Creates the site over the store's published statistics and registers every public route.
// The returned site lives as long as the routes that use it.
std::shared_ptr<Site> register_public_routes(web::App& app, storage::Store& store, SiteConfig cfg);

// The parts, for tests that bring their own data.
void register_api_routes(web::App& app, std::shared_ptr<Site> site);
void register_page_routes(web::App& app, std::shared_ptr<Site> site);

}  // namespace dp::publish
