#include "collection/auth.h"

#include "collection/field_error.h"
#include "core/error.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "web/crypto.h"

namespace dp::collection {

Auth::Auth(storage::Store& store, AuthPolicy policy, Clock clock, std::shared_ptr<const web::PasswordHasher> hasher)
    : store_(store),
      policy_(policy),
      clock_(clock ? std::move(clock) : Clock(utc_now_string)),
      hasher_(hasher ? std::move(hasher) : std::make_shared<const web::PasswordHasher>()) {}

// Verifying against this hash when the account cannot sign in (unknown, inactive, no password,
// paused) makes every attempt cost the same time, so response times do not tell which
// addresses have accounts. Made once, with the same hasher and parameters as real hashes.
const std::string& Auth::dummy_hash() {
  static std::once_flag once;
  static std::string h;
  std::call_once(once, [this] { h = hasher_->hash("digipuls-timing-equaliser"); });
  return h;
}

// Failed passwords for an e-mail address in the current window, counted by a digest of the
// address as typed (lower case): the same for addresses with and without an account. A
// successful sign-in of the account starts the count again.
int Auth::address_failures(const std::string& email, const std::optional<storage::User>& user, const std::string& now) {
  std::string since = utc_plus(now, -policy_.address_window_seconds);
  if (user && user->last_login_at > since) since = user->last_login_at;
  return store_.users().count_failures("address", web::token_digest(to_lower_ascii(email)), since);
}

SignInResult Auth::sign_in(const std::string& email_in, const std::string& password, const std::string& ip) {
  SignInResult r;
  std::string now = clock_();
  std::string email = trim(email_in);
  auto& users = store_.users();
  std::string window_start = utc_plus(now, -policy_.ip_window_seconds);
  // A client over its limit is refused before any work: its attempts cost nothing more.
  if (!ip.empty() && users.count_failures("ip", ip, window_start) >= policy_.ip_limit) {
    r.outcome = SignInOutcome::Throttled;
    return r;
  }
  std::optional<storage::User> user;
  if (!email.empty() && email.size() <= 254 && valid_utf8(email)) user = users.find_by_email(email);
  bool paused = address_failures(email, user, now) >= policy_.address_limit;
  bool usable = user && user->active && !user->password_hash.empty() && !paused;
  bool bounded = password.size() <= policy_.max_password;
  // Exactly one verification on every path: the account's hash, or the dummy one.
  bool ok = hasher_->verify(usable ? user->password_hash : dummy_hash(), bounded ? password : std::string()) &&
            usable && bounded;
  if (ok) {
    users.record_login_success(user->id, now);
    r.outcome = SignInOutcome::Ok;
    r.user = *users.find(user->id);
    r.token = start_session(user->id, ip);
    return r;
  }
  store_.write_transaction([&] {
    if (!ip.empty()) users.record_failure("ip", ip, now);
    users.record_failure("address", web::token_digest(to_lower_ascii(email)), now);
  });
  r.outcome = paused || address_failures(email, user, now) >= policy_.address_limit ? SignInOutcome::Locked
                                                                                    : SignInOutcome::BadCredentials;
  return r;
}

bool Auth::address_locked(const storage::User& user) {
  return address_failures(user.email, user, clock_()) >= policy_.address_limit;
}

bool Auth::address_locked(const std::string& email) {
  std::string e = trim(email);
  std::optional<storage::User> user;
  if (!e.empty() && e.size() <= 254 && valid_utf8(e)) user = store_.users().find_by_email(e);
  return address_failures(e, user, clock_()) >= policy_.address_limit;
}

PasswordCheck Auth::check_current_password(int64_t user_id, const std::string& password) {
  std::string now = clock_();
  auto& users = store_.users();
  auto u = users.find(user_id);
  if (!u) return PasswordCheck::Wrong;
  if (u->password_hash.empty()) return PasswordCheck::Ok;  // invited by link, never chose one
  std::string key = std::to_string(user_id);
  if (users.count_failures("password_change", key, utc_plus(now, -policy_.address_window_seconds)) >=
      policy_.password_change_limit)
    return PasswordCheck::Throttled;
  if (password.size() <= policy_.max_password && hasher_->verify(u->password_hash, password)) return PasswordCheck::Ok;
  users.record_failure("password_change", key, now);
  return PasswordCheck::Wrong;
}

bool Auth::allow_link_request(const std::string& ip) {
  if (ip.empty()) return true;
  std::string now = clock_();
  auto& users = store_.users();
  if (users.count_failures("link", ip, utc_plus(now, -policy_.ip_window_seconds)) >= policy_.link_client_limit)
    return false;
  users.record_failure("link", ip, now);
  return true;
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
  p.duties = u->duties;
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
  u->password_hash = hasher_->hash(password);
  u->failed_logins = 0;
  u->locked_until.clear();
  store_.write_transaction([&] {
    store_.users().update(*u);
    store_.users().delete_sessions_of(user_id);
  });
}

storage::User Auth::accept_invitation(const std::string& token, const std::string& password,
                                      const std::string& confirm) {
  check_password(password, "password");
  if (password != confirm) throw FieldError("password2", "password_mismatch", "the two passwords differ");
  std::string hash = hasher_->hash(password);  // slow: outside the write transaction
  std::optional<storage::User> user;
  store_.write_transaction([&] {
    auto id =
        token.size() <= 100 ? store_.users().consume_token(web::token_digest(token), "invite", clock_()) : std::nullopt;
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
