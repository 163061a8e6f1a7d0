#include "web/app.h"

#include <spdlog/spdlog.h>

#include "core/error.h"
#include "web/compress.h"
#include "web/crypto.h"

namespace dp::web {

App::App(storage::Store& store, Config config) : store_(store), config_(std::move(config)) {
  if (config_.base_url.empty()) config_.base_url = "http://" + config_.host + ":" + std::to_string(config_.port);
}

static bool unsafe(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

Response App::handle(Request& req) {
  Response res;
  try {
    res = dispatch(req);
  } catch (const Error& e) {
    int status = http_status(e.code());
    if (status >= 500) spdlog::error("{} {}: {}", req.method, req.path, e.what());
    res = error(req, status, error_code_name(e.code()), e.message(), e.where().field);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unexpected: {}", req.method, req.path, e.what());
    res = error(req, 500, "internal", "Something went wrong on our side. It has been logged.");
  }
  try {
    for (auto& hook : after) hook(req, res);
  } catch (const std::exception& e) {
    spdlog::error("after-hook failed for {}: {}", req.path, e.what());
  }
  finish(req, res);
  return res;
}

Response App::dispatch(Request& req) {
  // Language: ?lang= switches and is remembered; otherwise the cookie; Swedish by default.
  std::optional<std::string> set_lang;
  if (auto l = req.q("lang"); l && (*l == "sv" || *l == "en")) {
    req.lang = parse_lang(*l);
    set_lang = *l;
  } else if (auto c = req.cookies.find("dp_lang"); c != req.cookies.end()) {
    req.lang = parse_lang(c->second);
  }

  if (authenticate) req.principal = authenticate(req);

  // CSRF token of this request's page: the session's, or a double-submit cookie for visitors.
  bool new_csrf_cookie = false;
  if (req.principal.signed_in() && !req.principal.csrf.empty()) {
    req.csrf = req.principal.csrf;
  } else if (auto c = req.cookies.find("dp_csrf"); c != req.cookies.end() && c->second.size() >= 20 && c->second.size() < 100) {
    req.csrf = c->second;
  } else if (req.path.rfind("/api/", 0) == 0 && !unsafe(req.method)) {
    // Reading the open API needs no form token (and its answers are shared by caches: no cookie).
  } else {
    req.csrf = random_token(24);
    new_csrf_cookie = true;
  }

  Match m = router_.match(req.method == "HEAD" ? "GET" : req.method, req.path);
  Response res;
  if (!m.route) {
    res = m.path_matched ? error(req, 405, "method_not_allowed", "This address does not accept " + req.method)
                         : error(req, 404, "not_found", "There is no page at this address.");
  } else {
    req.params = m.params;
    Decision d = decide(m.route->access, req.principal, req.params, lookups);
    if (d == Decision::SignIn) {
      if (req.wants_json() || unsafe(req.method)) res = error(req, 401, "unauthorized", "Sign in first.");
      else res = Response::redirect("/login?next=" + url_encode(req.target));
    } else if (d == Decision::Forbid) {
      res = error(req, 403, "forbidden", "You do not have access to this page.");
    } else if (unsafe(req.method) && m.route->csrf) {
      std::string sent = req.f("_csrf").value_or(req.header("x-csrf-token"));
      if (sent.empty() || !equal_constant_time(sent, req.csrf))
        res = error(req, 403, "csrf", "The form has expired or did not come from this site. Reload the page and try again.");
      else res = m.route->handler(req);
    } else {
      res = m.route->handler(req);
    }
  }
  if (set_lang) res.set_cookie({"dp_lang", *set_lang, "/", 365 * 24 * 3600, false, config_.secure_cookies, "Lax"});
  if (new_csrf_cookie) res.set_cookie({"dp_csrf", req.csrf, "/", -1, true, config_.secure_cookies, "Strict"});
  return res;
}

void App::finish(const Request& req, Response& res) const {
  bool embed = req.path.rfind("/embed/", 0) == 0;
  if (res.header("Content-Security-Policy").empty())
    res.set_header("Content-Security-Policy",
                   std::string("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ") +
                       (embed ? "*" : "'self'"));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  if (!embed) res.set_header("X-Frame-Options", "SAMEORIGIN");
  if (res.header("Cache-Control").empty())
    res.set_header("Cache-Control", req.principal.signed_in() ? "no-store" : "no-cache");

  // Conditional GET: every successful GET carries a strong ETag of its (uncompressed) body.
  bool get = req.method == "GET" || req.method == "HEAD";
  if (get && res.status == 200) {
    std::string tag = res.header("ETag");
    if (tag.empty()) {
      tag = etag_of(res.shared_body ? *res.shared_body : res.body);
      res.set_header("ETag", tag);
    }
    std::string inm = req.header("if-none-match");
    if (!inm.empty() && (inm == tag || inm == "*" || inm.find(tag) != std::string::npos)) {
      res.status = 304;
      res.body.clear();
      res.shared_body.reset();
      return;
    }
  }
  if (!res.shared_body && res.body.size() > 860 && compressible(res.content_type) && res.header("Content-Encoding").empty() &&
      req.header("accept-encoding").find("gzip") != std::string::npos) {
    if (auto z = gzip(res.body)) {
      res.body = std::move(*z);
      res.set_header("Content-Encoding", "gzip");
    }
  }
  if (compressible(res.content_type)) res.set_header("Vary", "Accept-Encoding");
}

Response App::page(const Request& req, const std::string& tmpl, nlohmann::json ctx, int status) const {
  ctx["t"] = templates_.strings(req.lang);
  ctx["lang"] = lang_code(req.lang);
  ctx["is_en"] = req.lang == Lang::en;
  ctx["csrf"] = req.csrf;
  ctx["path"] = req.path;
  // The link that switches language keeps the page and its query.
  std::string other = req.lang == Lang::en ? "sv" : "en";
  std::string q;
  for (const auto& [k, v] : req.query)
    if (k != "lang") q += url_encode(k) + "=" + url_encode(v) + "&";
  ctx["lang_switch_url"] = req.path + "?" + q + "lang=" + other;
  ctx["lang_switch_code"] = other;
  ctx["demo"] = config_.demo;
  if (req.principal.signed_in()) {
    ctx["user"] = {{"email", req.principal.email},
                   {"name", req.principal.name},
                   {"role", req.principal.role},
                   {"is_admin", req.principal.is("admin")},
                   {"is_coordinator", req.principal.is("coordinator")},
                   {"is_respondent", req.principal.is("respondent")}};
  }
  std::string content = templates_.render(tmpl, ctx);
  ctx["content"] = content;
  auto res = Response::html(templates_.render("layout", ctx), status);
  return res;
}

Response App::error(const Request& req, int status, const std::string& code, const std::string& message,
                    const std::string& parameter) const {
  if (req.wants_json()) return Response::json_error(status, code, message, parameter);
  nlohmann::json ctx = {{"status", status}, {"code", code}, {"message", message}, {"parameter", parameter}};
  std::string key = "errors." + code;
  std::string localized = templates_.t(req.lang, key);
  if (localized != key) ctx["message"] = localized;
  if (code == "bad_input" || code == "conflict") ctx["message"] = message;  // specific messages from the domain
  ctx["title"] = templates_.t(req.lang, "errors.title");
  try {
    return page(req, "error", ctx, status);
  } catch (const std::exception&) {
    return Response::text(std::to_string(status) + " " + message, status);
  }
}

}  // namespace dp::web
