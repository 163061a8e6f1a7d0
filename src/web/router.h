#pragma once
// Routes are declared in one table per module (collection/routes.cpp, publish/routes.cpp, ...):
//   app.router().add({"GET", "/campaigns/{campaign}", "admin", handler});
// Every route names its access policy; authorization.cpp decides, for all routes, in one place.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "web/http.h"

namespace dp::web {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;   // GET | POST | PUT | DELETE | PATCH
  std::string pattern;  // "/respond/{campaign}/{org}"; a last segment "{rest...}" takes the remaining path
  std::string access;   // policy, see authorization.h
  Handler handler;
  bool csrf = true;     // unsafe methods must carry the CSRF token (only API tokens may opt out)
  std::string name;     // for the route × role matrix and logs (default: method + pattern)
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_matched = false;  // some route has this path but another method (405)
};

class Router {
 public:
  void add(Route r);
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
};

}  // namespace dp::web
