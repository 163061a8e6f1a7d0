#pragma once
#include "web/app.h"

namespace dp::publish {
// The start page: what is in the database (instruments, campaigns). The public statistics pages
// build on it.
void register_home_routes(web::App& app);
}  // namespace dp::publish
