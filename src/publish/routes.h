#pragma once
// The public side's routes: statistics pages, municipality pages, chart downloads and embeds,
// and the open data API under /api/v1/. All are public (no sign-in) and read only published data.
#include <memory>

#include "publish/site.h"
#include "web/app.h"

namespace dp::publish {

// Adds a public route (no sign-in, no CSRF: these routes only read).
inline void add_public(web::Router& r, const std::string& method, const std::string& pattern, web::Handler h) {
  web::Route route;
  route.method = method;
  route.pattern = pattern;
  route.access = "public";
  route.handler = std::move(h);
  r.add(std::move(route));
}

// Creates the site over the store's published statistics and registers every public route.
// The returned site lives as long as the routes that use it.
std::shared_ptr<Site> register_public_routes(web::App& app, SiteConfig cfg);

// The parts, for tests that bring their own data.
void register_api_routes(web::App& app, std::shared_ptr<Site> site);
void register_page_routes(web::App& app, std::shared_ptr<Site> site);

}  // namespace dp::publish
