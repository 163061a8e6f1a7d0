// A municipality's team, managed by its contact without the administrator: the colleagues who
// answer (contributors), who signs off and submits (the approver) and who manages the team (the
// contact). The contact invites colleagues to their own municipality only, sets their roles and
// removes them; every change goes to the event log with who made it.
#include "collection/accounts.h"
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

std::string team_url(const std::string& org) { return "/team/" + web::url_encode(org); }

// The colleague named by the path, who must be an active respondent of the path's organisation
// (anyone else is "not found", so that a contact learns nothing about other municipalities).
storage::User colleague(Module& m, const web::Request& req) {
  const auto& s = req.param("user");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found("no such colleague");
  auto u = m.store().users().find(std::stoll(s));
  if (!u || !u->active || u->role != Role::Respondent || u->org_code != req.param("org"))
    throw Error::not_found("no such colleague");
  return *u;
}

Duties duties_from_form(const web::Request& req) {
  Duties d;
  if (req.f("contact").has_value()) d.add(Role::Contact);
  if (req.f("approver").has_value()) d.add(Role::Approver);
  return d;
}

web::Response team_page(Module& m, web::Request& req, const nlohmann::json& form, const nlohmann::json& errors,
                        int status) {
  auto& app = m.app();
  const std::string& org = req.param("org");
  std::string name = org_name(m.store(), org);
  if (name.empty()) throw Error::not_found("no such organisation");
  nlohmann::json ctx;
  ctx["title"] = tr(app, req, "team.title", {{"org", name}});
  ctx["org"] = {{"code", org}, {"name", name}, {"url", team_url(org)}};
  nlohmann::json rows = nlohmann::json::array();
  bool approver = false;
  for (const auto& u : m.store().users().list({Role::Respondent, org, "", false})) {
    approver = approver || u.duties.has(Role::Approver);
    rows.push_back({{"id", u.id},
                    {"email", u.email},
                    {"name", u.name},
                    {"roles", roles_label(u, req.lang)},
                    {"contact", u.duties.has(Role::Contact)},
                    {"approver", u.duties.has(Role::Approver)},
                    {"invited", u.password_hash.empty()},
                    {"is_self", u.id == req.principal.user_id}});
  }
  ctx["members"] = rows;
  ctx["no_approver"] = !approver;
  ctx["form"] = form;
  std::string done = req.q("done").value_or("");
  if (done == "invited" || done == "removed" || done == "roles") ctx["notice"] = tr(app, req, "team.done_" + done);
  add_errors(ctx, errors);
  return page(app, req, "team", ctx, status);
}

web::Response show(Module& m, web::Request& req) {
  return team_page(m, req, nlohmann::json::object(), nlohmann::json::array(), 200);
}

web::Response invite_colleague(Module& m, web::Request& req) {
  const std::string& org = req.param("org");
  Duties d = duties_from_form(req);
  NewUser n{field(req, "email"), field(req, "name"), "respondent", org, "", field(req, "lang") == "en" ? "en" : "sv",
            to_string(d)};
  try {
    auto u = add_user(m.store(), n, req.principal.user_id);
    invite_user(m.store(), m.auth(), u, m.app().config().base_url, req.principal.user_id);
    m.mail_queued();
  } catch (const FieldError& e) {
    nlohmann::json form = {{"email", n.email.substr(0, 300)},
                           {"name", n.name.substr(0, 300)},
                           {"contact", d.has(Role::Contact)},
                           {"approver", d.has(Role::Approver)}};
    return team_page(m, req, form, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect(team_url(org) + "?done=invited");
}

web::Response set_roles(Module& m, web::Request& req) {
  auto u = colleague(m, req);
  try {
    set_duties(m.store(), u.id, duties_from_form(req), req.principal.user_id);
  } catch (const FieldError& e) {
    return team_page(m, req, nlohmann::json::object(), nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect(team_url(req.param("org")) + "?done=roles");
}

web::Response remove_colleague(Module& m, web::Request& req) {
  auto u = colleague(m, req);
  try {
    remove_user(m.store(), u.id, req.principal.user_id);
  } catch (const FieldError& e) {
    return team_page(m, req, nlohmann::json::object(), nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect(team_url(req.param("org")) + "?done=removed");
}

}  // namespace

void register_team_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/team/{org}", "org_manage:org", handler(m, show));
  add_route(r, "POST", "/team/{org}", "org_manage:org", handler(m, invite_colleague));
  add_route(r, "POST", "/team/{org}/{user}/roles", "org_manage:org", handler(m, set_roles));
  add_route(r, "POST", "/team/{org}/{user}/remove", "org_manage:org", handler(m, remove_colleague));
}

}  // namespace dp::collection
