#include "collection/accounts.h"

#include "collection/field_error.h"
#include "collection/mail_texts.h"
#include "core/error.h"
#include "core/ui_text.h"
#include "core/utc_time.h"
#include "mail/message.h"
#include "mail/outbox.h"
#include "storage/registry_store.h"

namespace dp::collection {

std::string org_name(storage::Store& store, const std::string& code) {
  auto years = store.registry().years();
  if (years.empty() || code.empty()) return "";
  auto scheme = store.registry().size_groups();
  auto o = store.registry().find(code, years.back(), years.back(), scheme);
  return o ? o->name : "";
}

std::string county_name(storage::Store& store, const std::string& code) {
  for (const auto& c : store.registry().counties())
    if (c.code == code) return c.name;
  return "";
}

std::string role_label(Role role, Lang lang) {
  std::string key = std::string("role_names.") + to_string(role);
  return ui::has(key) ? ui::text(key, lang) : to_string(role);
}

std::string roles_label(const storage::User& u, Lang lang) {
  std::string out = role_label(u.role, lang);
  for (Role d : {Role::Contact, Role::Approver})
    if (u.duties.has(d)) out += ", " + role_label(d, lang);
  return out;
}

void set_duties(storage::Store& store, int64_t user_id, const Duties& duties, int64_t by_user) {
  auto u = store.users().find(user_id);
  if (!u || !u->active) throw Error::not_found("no user " + std::to_string(user_id));
  if (u->role != Role::Respondent)
    throw FieldError("duties", "duties_respondent_only",
                     "only a municipality's respondent can be its contact or approver");
  if (user_id == by_user && u->duties.has(Role::Contact) && !duties.has(Role::Contact))
    throw FieldError("duties", "duties_keep_contact",
                     "you cannot give up being the contact yourself; ask the survey owner");
  if (u->duties == duties) return;
  std::string before = to_string(u->duties);
  u->duties = duties;
  store.write_transaction([&] {
    store.users().update(*u);
    store.users().log_event(
        {0, utc_now_string(), by_user, "user_roles", "user " + std::to_string(user_id),
         u->email + ": duties '" + to_string(duties) + "' (were '" + before + "') in " + u->org_code});
  });
}

std::string author_label(storage::Store& store, const web::Principal& viewer, int64_t author, Lang lang) {
  if (author == 0) return "Digipuls";
  auto u = store.users().find(author);
  if (!u) return "?";
  bool shown = viewer.is(Role::Admin) || u->role == Role::Respondent || u->id == viewer.user_id;
  if (!shown) return role_label(u->role, lang);
  return u->name.empty() ? u->email : u->name;
}

storage::User add_user(storage::Store& store, const NewUser& in, int64_t by_user) {
  storage::User u;
  u.email = trim(in.email);
  u.name = trim(in.name);
  u.lang = in.lang.empty() ? "sv" : in.lang;
  if (!valid_utf8(u.email) || !mail::valid_address(u.email))
    throw FieldError("email", "email_invalid", "'" + u.email.substr(0, 80) + "' is not an e-mail address");
  if (!valid_utf8(u.name) || u.name.size() > 200)
    throw FieldError("name", "name_invalid", "the name must be text of at most 200 bytes");
  if (u.lang != "sv" && u.lang != "en") throw FieldError("lang", "lang_invalid", "the language must be sv or en");
  try {
    u.role = parse_account_role(trim(in.role));
  } catch (const Error&) {
    throw FieldError("role", "role_invalid", "the role must be admin, coordinator or respondent");
  }
  try {
    u.duties = parse_duties(in.duties);
  } catch (const Error&) {
    throw FieldError("duties", "duties_invalid", "the roles beside respondent are contact and approver");
  }
  if (!u.duties.empty() && u.role != Role::Respondent)
    throw FieldError("duties", "duties_respondent_only",
                     "only a municipality's respondent can be its contact or approver");
  if (u.role == Role::Respondent) {
    u.org_code = trim(in.org_code);
    if (u.org_code.empty())
      throw FieldError("org", "org_required", "a respondent belongs to an organisation: give its code");
    if (org_name(store, u.org_code).empty())
      throw FieldError("org", "org_unknown",
                       "'" + u.org_code.substr(0, 20) + "' is not an organisation in the registry");
  } else if (u.role == Role::Coordinator) {
    u.county_code = trim(in.county_code);
    if (u.county_code.empty())
      throw FieldError("county", "county_required", "a county coordinator belongs to a county: give its code");
    if (county_name(store, u.county_code).empty())
      throw FieldError("county", "county_unknown", "'" + u.county_code.substr(0, 20) + "' is not a county code");
  }
  if (auto existing = store.users().find_by_email(u.email); existing && existing->active)
    throw FieldError("email", "email_taken", "an account with the e-mail " + u.email + " already exists");
  store.write_transaction([&] {
    u.id = store.users().create(u);
    std::string where = u.org_code.empty() ? u.county_code : u.org_code;
    store.users().log_event({0, utc_now_string(), by_user, "user_add", "user " + std::to_string(u.id),
                             u.email + " as " + to_string(u.role) + (where.empty() ? "" : " (" + where + ")") +
                                 (u.duties.empty() ? "" : ", " + to_string(u.duties))});
  });
  return *store.users().find(u.id);
}

int64_t invite_user(storage::Store& store, Auth& auth, const storage::User& u, const std::string& base_url,
                    int64_t by_user) {
  if (!u.active) throw Error::conflict("the account has been removed; add it again first");
  int64_t id = 0;
  store.write_transaction([&] {
    std::string token = auth.issue_token(u.id, "invite");
    std::string link = base_url + "/invite/" + token;
    Lang lang = parse_lang(u.lang);
    mail::Letter l;
    l.kind = "invitation";
    l.to = u.email;
    l.lang = lang;
    l.secret = link;
    l.user_id = u.id;
    l.org_code = u.org_code;
    if (auto c = invitation_campaign(store, u.org_code)) l.text = campaign_mail_text(*c, "invitation", lang);
    l.data = {{"name", u.name},
              {"email", u.email},
              {"role_label", roles_label(u, lang)},
              {"org_name", org_name(store, u.org_code)},
              {"county_name", county_name(store, u.county_code)},
              {"link", link},
              {"expires_days", auth.policy().invitation_seconds / 86400}};
    id = mail::queue(store, l);
    store.users().log_event({0, auth.now(), by_user, "user_invite", "user " + std::to_string(u.id), u.email});
  });
  return id;
}

void mail_login_link(storage::Store& store, Auth& auth, const std::string& email, const std::string& base_url) {
  std::string e = trim(email);
  if (e.empty() || e.size() > 254 || !valid_utf8(e)) return;
  auto u = store.users().find_by_email(e);
  if (!u || !u->active || !auth.may_mail_link(u->id)) return;
  store.write_transaction([&] {
    std::string token = auth.issue_token(u->id, "login");
    std::string link = base_url + "/login/link/" + token;
    mail::Letter l;
    l.kind = "login_link";
    l.to = u->email;
    l.lang = parse_lang(u->lang);
    l.secret = link;
    l.user_id = u->id;
    l.data = {{"email", u->email}, {"link", link}, {"minutes", auth.policy().login_link_seconds / 60}};
    mail::queue(store, l);
  });
}

void remove_user(storage::Store& store, int64_t user_id, int64_t by_user) {
  if (user_id == by_user) throw FieldError("user", "remove_self", "you cannot remove your own account");
  auto u = store.users().find(user_id);
  if (!u) throw Error::not_found("no user " + std::to_string(user_id));
  store.write_transaction([&] {
    store.users().deactivate(user_id);
    store.users().log_event({0, utc_now_string(), by_user, "user_remove", "user " + std::to_string(user_id), u->email});
  });
}

}  // namespace dp::collection
