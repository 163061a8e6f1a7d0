// The HTTP request layer: any bytes are read as the server reads a request (its limits, the
// trailer cap, the framing rules); a complete one goes through build_request (query, cookies,
// urlencoded and multipart forms) and the whole App pipeline (text checks, language, CSRF,
// routing, errors, security headers) over routes that read a form, an upload and a JSON body.
// Properties: nothing throws, a refused read is 400/413/431, every answer has a real status.
#include <cstddef>
#include <cstdint>
#include <string>

#include "collection/autosave_body.h"
#include "core/error.h"
#include "web/app.h"
#include "web/http_message.h"
#include "web/json_body.h"
#include "web/server.h"

using namespace dp;

static web::App& app() {
  static web::App* a = [] {
    web::Config cfg;
    cfg.limits.max_body_bytes = 1 << 20;
    auto* app = new web::App(cfg);
    auto& r = app->router();
    web::register_core_routes(*app);
    web::add_route(r, "GET", "/page/{name}", "public", [app](web::Request& req) {
      return app->page(req, "error",
                       {{"title", req.param("name")}, {"status", 200}, {"message", req.q("q").value_or("")}});
    });
    // The routes that read bodies opt out of CSRF here, so that the fuzzer reaches them.
    const web::RouteOptions open{.csrf = false};
    web::add_route(
        r, "POST", "/form", "public",
        [](web::Request& req) {
          return web::Response::text(req.f("comment").value_or("") + std::to_string(req.f_all("x").size()));
        },
        open);
    web::add_route(
        r, "POST", "/upload", "public",
        [](web::Request& req) {
          size_t bytes = 0;
          for (const auto& f : req.files) bytes += f.data.size() + f.filename.size();
          return web::Response::text(std::to_string(bytes));
        },
        open);
    web::add_route(
        r, "POST", "/api/autosave", "public",
        [](web::Request& req) {
          auto body = collection::parse_autosave_body(req.body);
          return web::Response::json({{"changes", body.changes.size()}});
        },
        open);
    web::add_route(r, "POST", "/checked", "public", [](web::Request&) { return web::Response::text("ok"); });
    web::add_route(r, "GET", "/heavy", "public", [](web::Request&) { return web::Response::text("x"); },
                   {.cost = web::Cost::Heavy});
    return app;
  }();
  return *a;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const web::TrustedProxies proxies({"127.0.0.1"});
  auto read = web::read_request(bytes, app().config().limits);
  if (read.status != 0) {
    if (read.status != 400 && read.status != 413 && read.status != 431) __builtin_trap();
    return 0;
  }
  if (!read.complete || !web::framing_problem(read.message).empty()) return 0;
  web::Request req = web::to_request(std::move(read.message), "127.0.0.1", proxies);
  if (req.target.empty() || req.target[0] != '/') return 0;
  web::Response res;
  if (!web::build_request(req, req.header("content-type"))) {
    res = app().refuse(req, 400, "bad_input", "malformed multipart body");
  } else {
    auto admission = app().admit(req);
    res = admission.refusal ? *admission.refusal : app().handle(req);
  }
  if (res.status < 100 || res.status > 599) __builtin_trap();
  if (res.header("X-Content-Type-Options") != "nosniff") __builtin_trap();  // every answer is finished
  return 0;
}
