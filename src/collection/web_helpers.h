#pragma once
// Small pieces shared by the collection's route files: translated messages, error summaries,
// session cookies, safe redirects.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collection/field_error.h"
#include "web/app.h"

namespace dp::collection {

inline constexpr const char* kSessionCookie = "dp_session";

// App::page with the collection's style sheet (static/collection.css) and, when `script` is
// set, static/form.js.
web::Response page(const web::App& app, const web::Request& req, const std::string& tmpl, nlohmann::json ctx,
                   int status = 200, bool script = false);

// A UI string with {name} placeholders filled in.
std::string tr(const web::App& app, const web::Request& req, const std::string& key,
               const std::map<std::string, std::string>& args = {});

// One problem for the error summary and the field: {"field": "email", "field_id": "email",
// "message": "..."}. The message is collect.errors.<code> translated, or `fallback`.
nlohmann::json error_entry(const web::App& app, const web::Request& req, const std::string& field,
                           const std::string& code, const std::map<std::string, std::string>& args = {},
                           const std::string& fallback = "");
nlohmann::json error_entry(const web::App& app, const web::Request& req, const FieldError& e);

// Adds "errors", "has_errors" and "<field>_error" (the message) to a view model.
void add_errors(nlohmann::json& ctx, const nlohmann::json& errors);

// A local path to go to after signing in: must start with one '/', never "//" or "/\".
std::string safe_next(const std::string& next, const std::string& fallback);
// Where a role starts: /admin for administrators and coordinators, /respond for respondents.
std::string home_of(const web::Principal& p);

void set_session_cookie(const web::App& app, web::Response& res, const std::string& token, long long max_age);
void clear_session_cookie(const web::App& app, web::Response& res);

class Module;
// A route handler from a named function of the module: add_route(r, "GET", "/login", "public",
// handler(m, login_form)).
using ModuleHandler = web::Response (*)(Module&, web::Request&);
web::Handler handler(Module& m, ModuleHandler fn);

// A form field's first value, trimmed of nothing, or "".
std::string field(const web::Request& req, const std::string& name);

}  // namespace dp::collection
