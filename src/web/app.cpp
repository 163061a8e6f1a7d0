#include "web/app.h"

#include <spdlog/spdlog.h>

#include "core/error.h"
#include "web/compress.h"
#include "web/crypto.h"

namespace dp::web {

App::App(Config config) : config_(std::move(config)), heavy_limiter_(config_.limits.heavy_per_client) {
  if (config_.base_url.empty()) config_.base_url = "http://" + config_.host + ":" + std::to_string(config_.port);
}

static bool unsafe(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

// A field name as an error message may show it: only when it is text, and not too long.
static std::string shown_name(const std::string& name) {
  if (!valid_utf8(name)) return "(a field whose name is not text)";
  return name.size() > 100 ? name.substr(0, 100) + "…" : name;
}

void check_request_text(const Request& req) {
  if (!valid_utf8(req.path)) throw Error::bad_input("the address is not valid UTF-8 text", Location{{}, 0, 0, "path"});
  auto check = [](const std::multimap<std::string, std::string>& fields, const char* what) {
    for (const auto& [k, v] : fields)
      if (!valid_utf8(k) || !valid_utf8(v))
        throw Error::bad_input(
            std::string(what) + " " + shown_name(k) + " is not valid UTF-8 text (or holds a NUL character)",
            Location{{}, 0, 0, shown_name(k)});
  };
  check(req.query, "the parameter");
  check(req.form, "the form field");
  for (const auto& f : req.files)
    if (!valid_utf8(f.field) || !valid_utf8(f.filename))
      throw Error::bad_input("the name of the uploaded file in " + shown_name(f.field) + " is not valid UTF-8 text",
                             Location{{}, 0, 0, shown_name(f.field)});
}

std::string language_switch_url(const Request& req, Lang other) {
  // One leading slash, whatever the request had: "//evil.example/x" would be a link to another host.
  size_t first = req.path.find_first_not_of("/\\");
  std::string path = "/" + (first == std::string::npos ? std::string() : req.path.substr(first));
  std::string q;
  for (const auto& [k, v] : req.query)
    if (k != "lang") q += url_encode(k) + "=" + url_encode(v) + "&";
  return url_encode_path(path) + "?" + q + "lang=" + lang_code(other);
}

Response App::handle(Request& req) {
  Response res;
  try {
    check_request_text(req);
    res = dispatch(req);
  } catch (const Error& e) {
    int status = http_status(e.code());
    if (status == 503) spdlog::warn("{} {} [{}]: {}", req.method, req.log_path, req.request_id, e.what());
    else if (status >= 500) spdlog::error("{} {} [{}]: {}", req.method, req.log_path, req.request_id, e.what());
    res = error(req, status, error_code_name(e.code()), e.message(), e.where().field);
    if (status == 503) res.set_header("Retry-After", "60");
  } catch (const std::exception& e) {
    spdlog::error("{} {} [{}]: unexpected: {}", req.method, req.log_path, req.request_id, e.what());
    res = error(req, 500, "internal", "Something went wrong on our side. It has been logged.");
  }
  try {
    for (auto& hook : after) hook(req, res);
  } catch (const std::exception& e) {
    spdlog::error("after-hook failed for {}: {}", req.log_path, e.what());
  }
  finish(req, res);
  return res;
}

Admission App::admit(Request& req) {
  Admission a;
  try {
    Match m = router_.match(req.method == "HEAD" ? "GET" : req.method, req.path);
    if (!m.route) return a;
    a.cost = m.route->options.cost_of ? m.route->options.cost_of(req) : m.route->options.cost;
    if (a.cost == Cost::Heavy) {
      auto d = heavy_limiter_.check(req.remote_ip);
      if (!d.allowed) {
        req.route = m.route->name;
        a.refusal = refuse(req, 429, "too_many_requests", "Too many requests. Wait a moment and try again.");
        a.refusal->set_header("Retry-After", std::to_string(d.retry_after_seconds));
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("admission of {}: {}", req.log_path, e.what());
  }
  return a;
}

Response App::refuse(Request& req, int status, const std::string& code, const std::string& message) {
  Response res;
  try {
    res = error(req, status, code, message);
    finish(req, res);
  } catch (const std::exception& e) {
    res = Response::text(std::to_string(status) + " " + message, status);
  }
  return res;
}

// The path as logs show it: the value of a {token} segment (a one-time link) masked.
static std::string masked_path(const Request& req, const Match& m) {
  auto t = m.params.find("token");
  if (t == m.params.end() || t->second.empty()) return req.path;
  std::string out = req.path;
  if (auto pos = out.find(t->second); pos != std::string::npos) out.replace(pos, t->second.size(), "…");
  return out;
}

// The token sent with an unsafe request (form field _csrf, or the X-CSRF-Token header of
// scripts) must be this session's (or this visitor's cookie's), compared in constant time.
static bool csrf_matches(const Request& req) {
  std::string sent = req.f("_csrf").value_or(req.header("x-csrf-token"));
  return !sent.empty() && !req.csrf.empty() && equal_constant_time(sent, req.csrf);
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
  } else if (auto c = req.cookies.find("dp_csrf");
             c != req.cookies.end() && c->second.size() >= 20 && c->second.size() < 100) {
    req.csrf = c->second;
  } else if (req.path.rfind("/api/", 0) == 0 && !unsafe(req.method)) {
    // Reading the open API needs no form token (and its answers are shared by caches: no cookie).
  } else {
    req.csrf = random_token(24);
    new_csrf_cookie = true;
  }

  Match m = router_.match(req.method == "HEAD" ? "GET" : req.method, req.path);
  req.route = m.route ? m.route->name : "unmatched";
  req.log_path = masked_path(req, m);
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
    } else if (unsafe(req.method) && m.route->options.csrf && !csrf_matches(req)) {
      res = error(req, 403, "csrf",
                  "The form has expired or did not come from this site. Reload the page and try again.");
    } else if (unsafe(req.method) && config_.read_only) {
      res = error(req, 503, "read_only", "The service is read-only at the moment: nothing can be saved.");
      res.set_header("Retry-After", "300");
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
  if (!req.request_id.empty()) res.set_header("X-Request-Id", req.request_id);

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
  if (!res.shared_body && res.body.size() > 860 && compressible(res.content_type) &&
      res.header("Content-Encoding").empty() && req.header("accept-encoding").find("gzip") != std::string::npos) {
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
  Lang other = req.lang == Lang::en ? Lang::sv : Lang::en;
  ctx["lang_switch_url"] = language_switch_url(req, other);
  ctx["lang_switch_code"] = lang_code(other);
  ctx["demo"] = config_.demo;
  if (req.principal.signed_in()) {
    ctx["user"] = {{"email", req.principal.email},
                   {"name", req.principal.name},
                   {"role", req.principal.role},
                   {"is_admin", req.principal.is(Role::Admin)},
                   {"is_coordinator", req.principal.is(Role::Coordinator)},
                   {"is_respondent", req.principal.is(Role::Respondent)}};
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
  // Specific messages from the domain (which field, which conflict, why nothing can be saved).
  if (code == "bad_input" || code == "conflict") ctx["message"] = message;
  if (code == "unavailable") ctx["detail"] = message;
  ctx["title"] = templates_.t(req.lang, "errors.title");
  try {
    return page(req, "error", ctx, status);
  } catch (const std::exception&) {
    return Response::text(std::to_string(status) + " " + message, status);
  }
}

}  // namespace dp::web
