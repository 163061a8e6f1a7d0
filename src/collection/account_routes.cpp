// The administrator's account pages: list and filter accounts, add (and invite) respondents,
// county coordinators and administrators, send an invitation again, remove an account (erasing
// one is in privacy_routes.cpp).
#include "collection/accounts.h"
#include "collection/contacts_import.h"
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "core/utc_time.h"
#include "storage/privacy_store.h"
#include "storage/registry_store.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

int64_t id_param(const web::Request& req, const std::string& name) {
  const auto& s = req.param(name);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found("no such " + name);
  return std::stoll(s);
}

nlohmann::json org_options(storage::Store& store, const std::string& selected) {
  auto years = store.registry().years();
  nlohmann::json out = nlohmann::json::array();
  if (years.empty()) return out;
  auto orgs = store.registry().list(years.back(), years.back(), store.registry().size_groups());
  sort_sv_by(orgs.begin(), orgs.end(), [](const auto& o) { return o.name; });
  for (const auto& o : orgs) out.push_back({{"code", o.code}, {"name", o.name}, {"selected", o.code == selected}});
  return out;
}

nlohmann::json county_options(storage::Store& store, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : store.registry().counties())
    out.push_back({{"code", c.code}, {"name", c.name}, {"selected", c.code == selected}});
  return out;
}

web::Response users_page(Module& m, web::Request& req, nlohmann::json form, const nlohmann::json& errors, int status,
                         const nlohmann::json& import_result = nullptr) {
  auto& app = m.app();
  storage::UserFilter f;
  std::string role = req.q("role").value_or("");
  f.org_code = req.q("org").value_or("");
  f.county_code = req.q("county").value_or("");
  for (auto* v : {&role, &f.org_code, &f.county_code})
    if (v->size() > 20 || !valid_utf8(*v)) v->clear();
  try {
    if (!role.empty()) f.role = parse_account_role(role);
  } catch (const Error&) {
    role.clear();  // not a role: every account, as for any other filter value that cannot match
  }
  f.include_inactive = req.q("removed").value_or("") == "1";
  nlohmann::json ctx;
  ctx["title"] = tr(app, req, "users.title");
  ctx["nav_users"] = true;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& u : m.store().users().list(f)) {
    std::string place = !u.org_code.empty() ? org_name(m.store(), u.org_code) : county_name(m.store(), u.county_code);
    rows.push_back({{"id", u.id},
                    {"email", u.email},
                    {"name", u.name},
                    {"role", roles_label(u, req.lang)},
                    {"place", place},
                    {"code", u.org_code.empty() ? u.county_code : u.org_code},
                    {"has_password", !u.password_hash.empty()},
                    {"last_login", u.last_login_at.empty() ? "" : u.last_login_at.substr(0, 10)},
                    {"locked", m.auth().address_locked(u)},
                    {"is_self", u.id == req.principal.user_id},
                    {"removed", !u.active},
                    {"erased", !u.active && m.store().privacy().erased(u.id)}});
  }
  ctx["users"] = rows;
  ctx["has_users"] = !rows.empty();
  ctx["filter"] = {{"role", role}, {"org", f.org_code}, {"county", f.county_code}, {"removed", f.include_inactive}};
  ctx["role_is"] = {{role.empty() ? "any" : role, true}};
  std::string form_role = form.value("role", "respondent");
  ctx["form"] = form;
  ctx["form_role_is"] = {{form_role, true}};
  std::string form_org = form.value("org", f.org_code);
  std::string form_county = form.value("county", f.county_code);
  ctx["orgs"] = org_options(m.store(), form_org);
  ctx["counties"] = county_options(m.store(), form_county);
  ctx["filter_counties"] = county_options(m.store(), f.county_code);
  ctx["form_lang_en"] = form.value("lang", "sv") == "en";
  ctx["notice"] = req.q("done").has_value() ? tr(app, req, "users.done_" + req.q("done").value_or("")) : "";
  if (ctx["notice"].get<std::string>().rfind("users.done_", 0) == 0) ctx["notice"] = "";
  ctx["mail_configured"] = m.mail_config().configured();
  ctx["contacts_header"] = kContactsHeader;
  if (!import_result.is_null()) ctx["import"] = import_result;
  add_errors(ctx, errors);
  return page(app, req, "admin_users", ctx, status);
}

// The upload of contacts (see contacts_import.h): every problem listed with its row and column and
// nothing written, or what was written (or would be, for a dry run) and which municipalities of
// the file still lack an approver.
web::Response import_contacts_upload(Module& m, web::Request& req) {
  const web::UploadedFile* file = nullptr;
  for (const auto& f : req.files)
    if (f.field == "file") file = &f;
  if (!file || file->data.empty())
    return users_page(m, req, nlohmann::json::object(),
                      nlohmann::json::array({error_entry(m.app(), req, "contacts_file", "file_required")}), 422);
  bool dry = req.f("dry_run").has_value();
  std::string name = file->filename.empty() || file->filename.size() > 100 || !valid_utf8(file->filename)
                         ? "upload.csv"
                         : file->filename;
  auto r = import_contacts(m.store(), file->data, name, dry, req.principal.user_id);
  if (r.problems.empty() && !dry && req.f("invite").has_value() && !r.created_ids.empty()) {
    for (int64_t id : r.created_ids)
      invite_user(m.store(), m.auth(), *m.store().users().find(id), m.app().config().base_url, req.principal.user_id);
    m.mail_queued();
  }
  nlohmann::json result;
  result["problems"] = r.problems;
  result["has_problems"] = !r.problems.empty();
  result["notes"] = r.notes;
  result["dry_run"] = dry;
  result["counts"] = tr(m.app(), req, "users.import_counts",
                        {{"created", std::to_string(r.created)},
                         {"updated", std::to_string(r.updated)},
                         {"unchanged", std::to_string(r.unchanged)}});
  nlohmann::json lacking = nlohmann::json::array();
  for (const auto& org : r.without_approver) lacking.push_back({{"code", org}, {"name", org_name(m.store(), org)}});
  result["without_approver"] = lacking;
  result["has_without_approver"] = !lacking.empty();
  nlohmann::json errors = nlohmann::json::array();
  if (!r.problems.empty())
    errors.push_back(
        error_entry(m.app(), req, "contacts_file", "contacts_problems", {{"n", std::to_string(r.problems.size())}}));
  auto res = users_page(m, req, nlohmann::json::object(), errors, r.problems.empty() ? 200 : 422, result);
  return res;
}

web::Response users(Module& m, web::Request& req) {
  return users_page(m, req, nlohmann::json::object(), nlohmann::json::array(), 200);
}

web::Response add_account(Module& m, web::Request& req) {
  NewUser n;
  n.email = field(req, "email");
  n.name = field(req, "name");
  n.role = field(req, "role");
  n.org_code = field(req, "org");  // add_user takes only the one the role needs
  n.county_code = field(req, "county");
  n.lang = field(req, "lang").empty() ? "sv" : field(req, "lang");
  Duties duties;
  if (n.role == "respondent") {  // the boxes mean something for a respondent only
    if (req.f("contact").has_value()) duties.add(Role::Contact);
    if (req.f("approver").has_value()) duties.add(Role::Approver);
  }
  n.duties = to_string(duties);
  try {
    auto u = add_user(m.store(), n, req.principal.user_id);
    if (req.f("invite").has_value()) {
      invite_user(m.store(), m.auth(), u, m.app().config().base_url, req.principal.user_id);
      m.mail_queued();
    }
    std::string back = "/admin/users?done=" + std::string(req.f("invite") ? "invited" : "added");
    if (!u.org_code.empty()) back += "&org=" + web::url_encode(u.org_code);
    return web::Response::redirect(back);
  } catch (const FieldError& e) {
    nlohmann::json form = {{"email", n.email},
                           {"name", n.name},
                           {"role", n.role},
                           {"org", field(req, "org")},
                           {"county", field(req, "county")},
                           {"lang", n.lang}};
    for (auto& [k, v] : form.items())
      if (v.get<std::string>().size() > 300) v = "";
    form["contact"] = duties.has(Role::Contact);
    form["approver"] = duties.has(Role::Approver);
    return users_page(m, req, form, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
}

web::Response invite_again(Module& m, web::Request& req) {
  auto u = m.store().users().find(id_param(req, "user"));
  if (!u) throw Error::not_found("no such user");
  invite_user(m.store(), m.auth(), *u, m.app().config().base_url, req.principal.user_id);
  m.mail_queued();
  return web::Response::redirect("/admin/users?done=invited");
}

web::Response remove_account(Module& m, web::Request& req) {
  try {
    remove_user(m.store(), id_param(req, "user"), req.principal.user_id);
  } catch (const FieldError& e) {
    return users_page(m, req, nlohmann::json::object(), nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect("/admin/users?done=removed");
}

}  // namespace

void register_account_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin/users", "admin", handler(m, users));
  add_route(r, "POST", "/admin/users", "admin", handler(m, add_account));
  add_route(r, "POST", "/admin/users/import", "admin", handler(m, import_contacts_upload));
  add_route(r, "POST", "/admin/users/{user}/invite", "admin", handler(m, invite_again));
  add_route(r, "POST", "/admin/users/{user}/remove", "admin", handler(m, remove_account));
}

}  // namespace dp::collection
