// /healthz and /static/*: the routes every deployment has.
#include <nlohmann/json.hpp>

#include "core/resources.h"
#include "storage/store.h"
#include "web/app.h"

namespace dp::web {

static std::string content_type_of(const std::string& path) {
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

void register_core_routes(App& app) {
  app.router().add({"GET", "/healthz", "public", [&app](Request&) {
                      auto check = app.store().integrity_check();
                      bool ok = check == "ok";
                      return Response::json({{"status", ok ? "ok" : "degraded"},
                                             {"database", check},
                                             {"schema_version", app.store().schema_version()}},
                                            ok ? 200 : 503);
                    }});
  app.router().add({"GET", "/static/{file...}", "public", [](Request& req) {
                      const auto& file = req.param("file");
                      if (file.find("..") != std::string::npos) return Response::text("not found", 404);
                      auto data = resources::get("static/" + file);
                      if (!data) return Response::text("not found", 404);
                      auto res = Response::bytes(std::move(*data), content_type_of(file));
                      res.set_header("Cache-Control", "public, max-age=3600");
                      return res;
                    }});
}

}  // namespace dp::web
