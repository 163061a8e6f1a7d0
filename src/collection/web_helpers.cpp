#include "collection/web_helpers.h"

#include "core/ui_text.h"

namespace dp::collection {

// Mustache treats an empty string as true in a section ({{#name}}...{{/name}}) and a missing key
// falls through to the enclosing context; `false` is both false and renders as nothing, so empty
// strings become false.
static void empty_strings_to_false(nlohmann::json& j) {
  if (j.is_object() || j.is_array()) {
    for (auto& x : j) {
      if (x.is_string() && x.get_ref<const std::string&>().empty()) x = false;
      else empty_strings_to_false(x);
    }
  }
}

web::Response page(const web::App& app, const web::Request& req, const std::string& tmpl, nlohmann::json ctx,
                   int status, bool script) {
  empty_strings_to_false(ctx);
  ctx["styles"] = nlohmann::json::array({{{"href", "/static/collection.css"}}});
  if (script) ctx["scripts"] = nlohmann::json::array({{{"src", "/static/form.js"}}});
  return app.page(req, tmpl, std::move(ctx), status);
}

std::string tr(const web::App& app, const web::Request& req, const std::string& key,
               const std::map<std::string, std::string>& args) {
  return ui::fill(app.templates().t(req.lang, key), args);
}

nlohmann::json error_entry(const web::App& app, const web::Request& req, const std::string& field,
                           const std::string& code, const std::map<std::string, std::string>& args,
                           const std::string& fallback) {
  std::string key = "collect.errors." + code;
  std::string msg = tr(app, req, key, args);
  if (msg == key) msg = fallback.empty() ? code : fallback;
  std::string id = field;
  for (auto& c : id)
    if (!isalnum((unsigned char)c) && c != '-' && c != '_') c = '-';
  return {{"field", field}, {"field_id", id}, {"message", msg}};
}

nlohmann::json error_entry(const web::App& app, const web::Request& req, const FieldError& e) {
  return error_entry(app, req, e.field(), e.message_key(), e.args(), e.message());
}

void add_errors(nlohmann::json& ctx, const nlohmann::json& errors) {
  ctx["errors"] = errors;
  ctx["has_errors"] = !errors.empty();
  for (const auto& e : errors) {
    std::string f = e["field"].get<std::string>() + "_error";
    if (!ctx.contains(f)) ctx[f] = e["message"];
  }
}

std::string safe_next(const std::string& next, const std::string& fallback) {
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/') return fallback;
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return fallback;
  for (unsigned char c : next)
    if (c < 0x20 || c == 0x7f) return fallback;
  if (next.rfind("/login", 0) == 0 || next.rfind("/logout", 0) == 0 || next.rfind("/invite", 0) == 0) return fallback;
  return next;
}

std::string home_of(const web::Principal& p) {
  if (p.is(Role::Respondent)) return "/respond";
  if (p.is(Role::Admin) || p.is(Role::Coordinator)) return "/admin";
  return "/";
}

void set_session_cookie(const web::App& app, web::Response& res, const std::string& token, long long max_age) {
  res.set_cookie({kSessionCookie, token, "/", (int)max_age, true, app.config().secure_cookies, "Lax"});
}

void clear_session_cookie(const web::App& app, web::Response& res) {
  res.set_cookie({kSessionCookie, "", "/", 0, true, app.config().secure_cookies, "Lax"});
}

web::Handler handler(Module& m, ModuleHandler fn) {
  return [&m, fn](web::Request& req) { return fn(m, req); };
}

std::string field(const web::Request& req, const std::string& name) { return req.f(name).value_or(""); }

}  // namespace dp::collection
