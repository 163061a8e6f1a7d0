// Personal data on the web: the privacy notice (public, linked from every page's footer and the
// sign-in pages) with the retention periods in force, and the administrator's erasure of an
// account (a confirmation page, then the erasure).
#include "collection/accounts.h"
#include "collection/module.h"
#include "collection/privacy.h"
#include "collection/web_helpers.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

std::string period(const web::App& app, const web::Request& req, int days) {
  if (days == 0) return tr(app, req, "privacy.forever");
  if (days % 365 == 0) return tr(app, req, "privacy.years", {{"n", std::to_string(days / 365)}});
  return tr(app, req, "privacy.days", {{"n", std::to_string(days)}});
}

int64_t user_param(const web::Request& req) {
  const auto& s = req.param("user");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found("no such user");
  return std::stoll(s);
}

web::Response erase_page(Module& m, web::Request& req, const nlohmann::json& errors, int status) {
  auto u = m.store().users().find(user_param(req));
  if (!u) throw Error::not_found("no such user");
  nlohmann::json ctx = {{"title", tr(m.app(), req, "users.erase_title")},
                        {"nav_users", true},
                        {"id", u->id},
                        {"email", u->email},
                        {"name", u->name},
                        {"role", role_label(u->role, req.lang)}};
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_user_erase", ctx, status);
}

}  // namespace

void register_privacy_routes(Module& m) {
  auto& r = m.app().router();

  add_route(r, "GET", "/integritet", "public", [&m](web::Request& req) {
    const auto& p = m.retention();
    auto& app = m.app();
    nlohmann::json ctx = {{"title", tr(app, req, "privacy.title")},
                          {"retention",
                           {{"sessions", period(app, req, p.session_days)},
                            {"accounts", period(app, req, p.removed_account_days)},
                            {"mail", period(app, req, p.mail_days)},
                            {"audit", period(app, req, p.audit_days)}}}};
    return app.page(req, req.lang == Lang::en ? "privacy.en" : "privacy.sv", ctx);
  });

  add_route(r, "GET", "/admin/users/{user}/erase", "admin",
            [&m](web::Request& req) { return erase_page(m, req, nlohmann::json::array(), 200); });

  add_route(r, "POST", "/admin/users/{user}/erase", "admin", [&m](web::Request& req) {
    try {
      erase_account(m.store(), user_param(req), req.principal.user_id);
    } catch (const FieldError& e) {
      return erase_page(m, req, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
    }
    return web::Response::redirect("/admin/users?removed=1&done=erased");
  });
}

}  // namespace dp::collection
