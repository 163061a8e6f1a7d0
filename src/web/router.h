#pragma once
// Routes are declared in one-line tables, one function per module and group
// (collection/auth_routes.cpp, publish/page_routes.cpp, selfassess/routes_*.cpp...), each line
// naming a handler function:
//   add_route(r, "GET", "/admin/campaigns/{campaign}", "staff", handler(m, dashboard_page));
// Every route names its access policy (authorization.h); web::decide applies it, for all routes,
// in one place, and App checks the CSRF token of every unsafe method unless the route opts out.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "web/http.h"

namespace dp::web {

using Handler = std::function<Response(Request&)>;

// What answering a route may cost. Heavy routes (password hashing, image rendering, large
// exports) run on their own bounded pool of threads, behind a per-client limit, so that a few
// clients asking for them cannot slow everyone else down.
enum class Cost { Light, Heavy };

struct RouteOptions {
  bool csrf = true;  // unsafe methods must carry the CSRF token; opting out needs a reason (no route does today)
  Cost cost = Cost::Light;
  // When set, decides the cost per request instead (a chart as SVG is cheap, as PNG it is not).
  std::function<Cost(const Request&)> cost_of;
};

struct Route {
  std::string method;   // GET | POST | PUT | DELETE | PATCH | OPTIONS
  std::string pattern;  // "/respond/{campaign}/{org}"; a last segment "{rest...}" takes the remaining path
  std::string access;   // policy, see authorization.h
  Handler handler;
  RouteOptions options;
  std::string name;  // method + pattern, for the route × role matrix, metrics and logs
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_matched = false;  // some route has this path but another method (405)
};

class Router {
 public:
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  friend void add_route(Router&, std::string, std::string, std::string, Handler, RouteOptions);
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
};

// The one way to add a route. Throws dp::Error (Internal) for a route without an access policy
// or a pattern already taken by the same method.
void add_route(Router& r, std::string method, std::string pattern, std::string access, Handler handler,
               RouteOptions options = {});

}  // namespace dp::web
