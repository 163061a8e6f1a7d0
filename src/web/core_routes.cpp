// /healthz, /readyz and /static/*: the routes every deployment has.
#include <nlohmann/json.hpp>

#include "core/resources.h"
#include "web/app.h"

namespace dp::web {

namespace {

std::string content_type_of(const std::string& path) {
  auto ext = path.substr(path.find_last_of('.') + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "json" || ext == "geojson") return "application/json; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  return "application/octet-stream";
}

// Liveness: the process answers requests. Touches nothing else, so it costs nothing.
Response liveness(Request&) {
  auto res = Response::json({{"status", "ok"}});
  res.set_header("Cache-Control", "no-store");
  return res;
}

Response static_file(Request& req) {
  const auto& file = req.param("file");
  if (file.find("..") != std::string::npos) return Response::text("not found", 404);
  auto data = resources::get("static/" + file);
  if (!data) return Response::text("not found", 404);
  auto res = Response::bytes(std::move(*data), content_type_of(file));
  res.set_header("Cache-Control", "public, max-age=3600");
  return res;
}

}  // namespace

// Readiness: whether this instance can do its work (the checks registered by whoever owns the
// database), run at most once a second.
static Response readiness(App& app) {
  auto r = app.readiness().report();
  auto res = Response::json({{"status", r.ready ? "ready" : "not_ready"}, {"checks", r.checks}}, r.ready ? 200 : 503);
  res.set_header("Cache-Control", "no-store");
  return res;
}

void register_core_routes(App& app) {
  auto& r = app.router();
  add_route(r, "GET", "/healthz", "public", liveness);
  add_route(r, "GET", "/readyz", "public", [&app](Request&) { return readiness(app); });
  add_route(r, "GET", "/static/{file...}", "public", static_file);
}

}  // namespace dp::web
