// Sign-in, sign-out, e-mailed sign-in links, accepting an invitation, changing one's password.
// Links in e-mail open a page with a button (GET never uses a link up: mail scanners follow
// links, and a link must still work when the person clicks it).
#include "collection/accounts.h"
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "core/utc_time.h"
#include "mail/message.h"
#include "storage/user_store.h"
#include "web/crypto.h"

namespace dp::collection {

namespace {

web::Response login_page(Module& m, web::Request& req, nlohmann::json ctx, int status = 200) {
  ctx["title"] = tr(m.app(), req, "auth.login_title");
  if (!ctx.contains("next")) ctx["next"] = safe_next(req.q("next").value_or(""), "");
  if (!ctx.contains("errors")) add_errors(ctx, nlohmann::json::array());
  return page(m.app(), req, "login", ctx, status);
}

web::Response signed_in(Module& m, web::Request& req, const storage::User& u, const std::string& token,
                        const std::string& next) {
  web::Principal p;
  p.role = u.role;
  auto res = web::Response::redirect(safe_next(next, home_of(p)));
  set_session_cookie(m.app(), res, token, m.auth().policy().session_max_seconds);
  return res;
}

web::Response link_problem(Module& m, web::Request& req, const std::string& which) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "auth.link_invalid_title");
  ctx["message"] = tr(m.app(), req, "auth." + which + "_invalid");
  return page(m.app(), req, "link_invalid", ctx, 410);
}

web::Response invite_page(Module& m, web::Request& req, const storage::User& u, const nlohmann::json& errors,
                          int status) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "auth.invite_title");
  ctx["email"] = u.email;
  ctx["token"] = req.param("token");
  ctx["min"] = m.auth().policy().min_password;
  ctx["role_label"] = role_label(u.role, req.lang);
  ctx["org_name"] = org_name(m.store(), u.org_code);
  ctx["county_name"] = county_name(m.store(), u.county_code);
  add_errors(ctx, errors);
  return page(m.app(), req, "invite", ctx, status);
}

web::Response login_form(Module& m, web::Request& req) {
  if (req.principal.signed_in())
    return web::Response::redirect(safe_next(req.q("next").value_or(""), home_of(req.principal)));
  return login_page(m, req, nlohmann::json::object());
}

web::Response login(Module& m, web::Request& req) {
  std::string email = field(req, "email");
  std::string next = safe_next(field(req, "next"), "");
  auto result = m.auth().sign_in(email, field(req, "password"), req.remote_ip);
  if (result.outcome == SignInOutcome::Ok) return signed_in(m, req, result.user, result.token, next);
  nlohmann::json ctx;
  ctx["email"] = email.size() <= 254 && valid_utf8(email) ? email : "";
  ctx["next"] = next;
  int status = 401;
  nlohmann::json err;
  if (result.outcome == SignInOutcome::Throttled) {
    status = 429;
    err = error_entry(m.app(), req, "email", "too_many_attempts");
  } else if (result.outcome == SignInOutcome::Locked) {
    // The same words for every address, with or without an account.
    err = error_entry(m.app(), req, "email", "address_paused",
                      {{"minutes", std::to_string(m.auth().policy().address_window_seconds / 60)}});
  } else {
    err = error_entry(m.app(), req, "email", "bad_credentials");
  }
  add_errors(ctx, nlohmann::json::array({err}));
  return login_page(m, req, ctx, status);
}

// An e-mailed sign-in link. A malformed address is a field error; any well-formed address gets
// the same answer, whether or not it has an account (and whether or not a link was mailed).
web::Response mail_link(Module& m, web::Request& req) {
  std::string email = trim(field(req, "link_email"));
  if (email.empty() || email.size() > 254 || !mail::valid_address(email)) {
    nlohmann::json ctx;
    add_errors(ctx, nlohmann::json::array({error_entry(m.app(), req, "link_email", "email_invalid")}));
    return login_page(m, req, ctx, 422);
  }
  if (!m.auth().allow_link_request(req.remote_ip)) {
    nlohmann::json ctx;
    add_errors(ctx, nlohmann::json::array({error_entry(m.app(), req, "link_email", "too_many_links")}));
    return login_page(m, req, ctx, 429);
  }
  mail_login_link(m.store(), m.auth(), email, m.app().config().base_url);
  m.mail_queued();
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "auth.link_sent_title");
  ctx["email"] = trim(email);
  ctx["minutes"] = m.auth().policy().login_link_seconds / 60;
  return page(m.app(), req, "login_link_sent", ctx);
}

web::Response link_confirm(Module& m, web::Request& req) {
  auto u = m.auth().check_token(req.param("token"), "login");
  if (!u) return link_problem(m, req, "login_link");
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "auth.link_confirm_title");
  ctx["email"] = u->email;
  ctx["token"] = req.param("token");
  return page(m.app(), req, "login_link", ctx);
}

web::Response link_use(Module& m, web::Request& req) {
  auto u = m.auth().use_login_link(req.param("token"));
  if (!u) return link_problem(m, req, "login_link");
  return signed_in(m, req, *u, m.auth().start_session(u->id, req.remote_ip), "");
}

web::Response invitation(Module& m, web::Request& req) {
  auto u = m.auth().check_token(req.param("token"), "invite");
  if (!u) return link_problem(m, req, "invitation");
  return invite_page(m, req, *u, nlohmann::json::array(), 200);
}

web::Response accept_invitation(Module& m, web::Request& req) {
  auto u = m.auth().check_token(req.param("token"), "invite");
  if (!u) return link_problem(m, req, "invitation");
  try {
    auto user = m.auth().accept_invitation(req.param("token"), field(req, "password"), field(req, "password2"));
    m.store().users().log_event(
        {0, m.auth().now(), user.id, "invitation_accepted", "user " + std::to_string(user.id), ""});
    return signed_in(m, req, user, m.auth().start_session(user.id, req.remote_ip), "");
  } catch (const FieldError& e) {
    return invite_page(m, req, *u, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Conflict) return link_problem(m, req, "invitation");
    throw;
  }
}

web::Response logout(Module& m, web::Request& req) {
  auto c = req.cookies.find(kSessionCookie);
  if (c != req.cookies.end()) m.auth().end_session(c->second);
  auto res = web::Response::redirect("/");
  clear_session_cookie(m.app(), res);
  return res;
}

web::Response account_page(Module& m, web::Request& req, const nlohmann::json& errors, int status) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "auth.account_title");
  ctx["min"] = m.auth().policy().min_password;
  ctx["saved"] = req.q("saved").has_value() && status == 200;
  add_errors(ctx, errors);
  return page(m.app(), req, "account", ctx, status);
}

web::Response account(Module& m, web::Request& req) { return account_page(m, req, nlohmann::json::array(), 200); }

web::Response change_password(Module& m, web::Request& req) {
  auto u = m.store().users().find(req.principal.user_id);
  if (!u) throw Error::not_found("no such account");
  switch (m.auth().check_current_password(u->id, field(req, "current"))) {
    case PasswordCheck::Ok: break;
    case PasswordCheck::Wrong:
      return account_page(m, req,
                          nlohmann::json::array({error_entry(m.app(), req, "current", "current_password_wrong")}), 422);
    case PasswordCheck::Throttled:
      return account_page(
          m, req, nlohmann::json::array({error_entry(m.app(), req, "current", "too_many_password_checks")}), 429);
  }
  std::string pw = field(req, "password");
  try {
    m.auth().check_password(pw, "password");
    if (pw != field(req, "password2")) throw FieldError("password2", "password_mismatch", "the two passwords differ");
  } catch (const FieldError& e) {
    return account_page(m, req, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  m.auth().set_password(u->id, pw);  // ends every session of the account, this one too
  m.store().users().log_event({0, m.auth().now(), u->id, "password_change", "user " + std::to_string(u->id), ""});
  auto res = web::Response::redirect("/account?saved=1");
  set_session_cookie(m.app(), res, m.auth().start_session(u->id, req.remote_ip), m.auth().policy().session_max_seconds);
  return res;
}

}  // namespace

void register_auth_routes(Module& m) {
  using web::Cost;
  auto& r = m.app().router();
  const web::RouteOptions heavy{.cost = Cost::Heavy};  // an argon2id hash per request
  add_route(r, "GET", "/login", "public", handler(m, login_form));
  add_route(r, "POST", "/login", "public", handler(m, login), heavy);
  add_route(r, "POST", "/login/link", "public", handler(m, mail_link), heavy);
  add_route(r, "GET", "/login/link/{token}", "public", handler(m, link_confirm));
  add_route(r, "POST", "/login/link/{token}", "public", handler(m, link_use));
  add_route(r, "GET", "/invite/{token}", "public", handler(m, invitation));
  add_route(r, "POST", "/invite/{token}", "public", handler(m, accept_invitation), heavy);
  add_route(r, "POST", "/logout", "public", handler(m, logout));
  add_route(r, "GET", "/account", "signed_in", handler(m, account));
  add_route(r, "POST", "/account/password", "signed_in", handler(m, change_password), heavy);
}

}  // namespace dp::collection
