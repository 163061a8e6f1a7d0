#include "collection/auth.h"

#include "collection/field_error.h"
#include "core/error.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "web/crypto.h"

namespace dp::collection {

Auth::Auth(storage::Store& store, AuthPolicy policy, Clock clock)
    : store_(store), policy_(policy), clock_(clock ? std::move(clock) : Clock(utc_now_string)) {}

// Verifying against this hash when the e-mail is unknown makes a wrong e-mail cost as much time
// as a wrong password, so response times do not tell which addresses have accounts.
static const std::string& dummy_hash() {
  static const std::string h = web::hash_password("digipuls-timing-equaliser");
  return h;
}

SignInResult Auth::sign_in(const std::string& email_in, const std::string& password, const std::string& ip) {
  SignInResult r;
  std::string now = clock_();
  std::string email = trim(email_in);
  auto& users = store_.users();
  std::string window_start = utc_plus(now, -policy_.ip_window_seconds);
  if (!ip.empty() && users.count_failures("ip", ip, window_start) >= policy_.ip_limit) {
    r.outcome = SignInOutcome::Throttled;
    return r;
  }
  std::optional<storage::User> user;
  if (!email.empty() && email.size() <= 254 && valid_utf8(email)) user = users.find_by_email(email);
  bool bounded = password.size() <= policy_.max_password;
  if (!user || !user->active || user->password_hash.empty()) {
    if (bounded) web::verify_password(dummy_hash(), password);
    if (!ip.empty()) users.record_failure("ip", ip, now);
    return r;
  }
  if (!user->locked_until.empty() && user->locked_until > now) {
    // Still record the attempt against the address: guessing must stay slow even while locked.
    if (!ip.empty()) users.record_failure("ip", ip, now);
    r.outcome = SignInOutcome::Locked;
    r.locked_until = user->locked_until;
    return r;
  }
  if (!bounded || !web::verify_password(user->password_hash, password)) {
    if (!ip.empty()) users.record_failure("ip", ip, now);
    users.record_login_failure(user->id, policy_.lock_after, utc_plus(now, policy_.lock_seconds));
    auto after = users.find(user->id);
    if (after && !after->locked_until.empty() && after->locked_until > now) {
      r.outcome = SignInOutcome::Locked;
      r.locked_until = after->locked_until;
    }
    return r;
  }
  users.record_login_success(user->id, now);
  r.outcome = SignInOutcome::Ok;
  r.user = *users.find(user->id);
  r.token = start_session(user->id, ip);
  return r;
}

std::string Auth::start_session(int64_t user_id, const std::string& ip) {
  std::string now = clock_();
  std::string token = web::random_token(32);
  storage::Session s;
  s.digest = web::token_digest(token);
  s.user_id = user_id;
  s.csrf = web::random_token(24);
  s.created_at = now;
  s.last_seen_at = now;
  s.expires_at = utc_plus(now, policy_.session_max_seconds);
  s.ip = ip.substr(0, 64);
  store_.users().create_session(s);
  return token;
}

web::Principal Auth::resolve(const std::string& cookie_token) {
  web::Principal p;
  if (cookie_token.empty() || cookie_token.size() > 100) return p;
  std::string now = clock_();
  std::string digest = web::token_digest(cookie_token);
  auto s = store_.users().find_session(digest, now);
  if (!s) return p;
  if (s->last_seen_at < utc_plus(now, -policy_.session_idle_seconds)) {
    store_.users().delete_session(digest);
    return p;
  }
  auto u = store_.users().find(s->user_id);
  if (!u || !u->active) return p;
  // Writing on every request would turn reads into writes; a few minutes of slack is harmless.
  if (s->last_seen_at < utc_plus(now, -policy_.touch_every_seconds)) store_.users().touch_session(digest, now);
  p.user_id = u->id;
  p.role = u->role;
  p.email = u->email;
  p.name = u->name;
  p.org_code = u->org_code;
  p.county_code = u->county_code;
  p.session_id = digest.substr(0, 16);
  p.csrf = s->csrf;
  return p;
}

void Auth::end_session(const std::string& cookie_token) {
  if (cookie_token.empty() || cookie_token.size() > 100) return;
  store_.users().delete_session(web::token_digest(cookie_token));
}

std::string Auth::issue_token(int64_t user_id, const std::string& purpose) {
  std::string now = clock_();
  long long life = purpose == "invite" ? policy_.invitation_seconds : policy_.login_link_seconds;
  std::string token = web::random_token(32);
  store_.users().create_token(web::token_digest(token), user_id, purpose, now, utc_plus(now, life));
  return token;
}

std::optional<storage::User> Auth::check_token(const std::string& token, const std::string& purpose) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto id = store_.users().peek_token(web::token_digest(token), purpose, clock_());
  if (!id) return std::nullopt;
  return store_.users().find(*id);
}

std::optional<storage::User> Auth::use_login_link(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto id = store_.users().consume_token(web::token_digest(token), "login", clock_());
  if (!id) return std::nullopt;
  store_.users().record_login_success(*id, clock_());
  return store_.users().find(*id);
}

void Auth::check_password(const std::string& password, const std::string& field) const {
  if (!valid_utf8(password))
    throw FieldError(field, "password_not_text", "the password must be text (valid UTF-8 without NUL characters)");
  size_t chars = 0;
  for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
  if (chars < policy_.min_password)
    throw FieldError(field, "password_too_short",
                     "the password must be at least " + std::to_string(policy_.min_password) + " characters long",
                     {{"min", std::to_string(policy_.min_password)}});
  if (password.size() > policy_.max_password)
    throw FieldError(field, "password_too_long",
                     "the password must be at most " + std::to_string(policy_.max_password) + " bytes long",
                     {{"max", std::to_string(policy_.max_password)}});
}

void Auth::set_password(int64_t user_id, const std::string& password) {
  check_password(password, "password");
  auto u = store_.users().find(user_id);
  if (!u) throw Error::not_found("no user " + std::to_string(user_id));
  u->password_hash = web::hash_password(password);
  u->failed_logins = 0;
  u->locked_until.clear();
  store_.write_transaction([&] {
    store_.users().update(*u);
    store_.users().delete_sessions_of(user_id);
  });
}

storage::User Auth::accept_invitation(const std::string& token, const std::string& password, const std::string& confirm) {
  check_password(password, "password");
  if (password != confirm) throw FieldError("password2", "password_mismatch", "the two passwords differ");
  std::string hash = web::hash_password(password);  // slow: outside the write transaction
  std::optional<storage::User> user;
  store_.write_transaction([&] {
    auto id = token.size() <= 100 ? store_.users().consume_token(web::token_digest(token), "invite", clock_()) : std::nullopt;
    if (!id) throw Error::conflict("the invitation link has already been used or has expired");
    user = store_.users().find(*id);
    user->password_hash = hash;
    user->failed_logins = 0;
    user->locked_until.clear();
    user->last_login_at = clock_();
    store_.users().update(*user);
  });
  return *user;
}

bool Auth::may_mail_link(int64_t user_id) {
  std::string since = utc_plus(clock_(), -3600);
  auto& u = store_.users();
  return u.count_tokens(user_id, "login", since) + u.count_tokens(user_id, "invite", since) < policy_.links_per_hour;
}

}  // namespace dp::collection
