#pragma once
// What the self-assessment's pages work with: the web application (routes, templates, pages)
// and the store. `digipuls serve` (and the tests) create one next to the App; it lives as long
// as the routes registered with it.
#include "storage/store.h"
#include "web/app.h"

namespace dp::selfassess {

struct Env {
  web::App& app;
  storage::Store& store;
};

// A route handler from a named page function: add_route(r, "GET", "/x", "public", handler(env, page)).
using EnvHandler = web::Response (*)(Env&, web::Request&);
inline web::Handler handler(Env& env, EnvHandler fn) {
  return [&env, fn](web::Request& req) { return fn(env, req); };
}

}  // namespace dp::selfassess
