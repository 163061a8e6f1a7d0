#pragma once
// Signing in and staying signed in: passwords (argon2id), one-time links (invitations and
// e-mailed sign-in links), sessions, and the throttling of failed attempts. The web routes
// (auth_routes.cpp) and the command line only call this; every rule is here.
//
// Sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie; only its digest is
// stored. A session ends after `session_idle_seconds` without use or `session_max_seconds` after
// sign-in, whichever comes first. Each session has its own CSRF token.
// Throttling: `lock_after` consecutive wrong passwords lock the account for `lock_seconds` (a
// sign-in link still works, so an attacker cannot lock a respondent out before a deadline);
// more than `ip_limit` failures from one address within `ip_window_seconds` refuse further
// password attempts from it for the rest of the window.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "storage/store.h"
#include "storage/user_store.h"
#include "web/principal.h"

namespace dp::collection {

struct AuthPolicy {
  long long session_idle_seconds = 12 * 3600;
  long long session_max_seconds = 14 * 24 * 3600;
  long long touch_every_seconds = 300;  // how stale last_seen may get before it is written again
  int lock_after = 5;
  long long lock_seconds = 15 * 60;
  int ip_limit = 20;
  long long ip_window_seconds = 15 * 60;
  long long invitation_seconds = 14 * 24 * 3600;
  long long login_link_seconds = 20 * 60;
  int links_per_hour = 5;  // invitations + sign-in links mailed to one account
  size_t min_password = 10;
  size_t max_password = 1024;  // bytes; bounds the hashing work an attacker can ask for
};

enum class SignInOutcome { Ok, BadCredentials, Locked, Throttled };

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::BadCredentials;
  std::string token;  // the cookie value, when Ok
  storage::User user;
  std::string locked_until;  // when Locked
};

class Auth {
 public:
  using Clock = std::function<std::string()>;  // current UTC timestamp
  Auth(storage::Store& store, AuthPolicy policy = {}, Clock clock = {});

  const AuthPolicy& policy() const { return policy_; }
  std::string now() const { return clock_(); }

  // Password sign-in. Never says whether the e-mail exists.
  SignInResult sign_in(const std::string& email, const std::string& password, const std::string& ip);

  // A new session for a user; returns the cookie token.
  std::string start_session(int64_t user_id, const std::string& ip);
  // The signed-in user of a cookie token, or a public principal.
  web::Principal resolve(const std::string& cookie_token);
  void end_session(const std::string& cookie_token);

  // One-time tokens: returns the raw token for the link (only its digest is stored).
  std::string issue_token(int64_t user_id, const std::string& purpose);
  // The account a link belongs to, if it is still usable (does not use it up).
  std::optional<storage::User> check_token(const std::string& token, const std::string& purpose);
  // Uses up a sign-in link; the account, or nullopt if the link is unknown, used or expired.
  std::optional<storage::User> use_login_link(const std::string& token);
  // Sets the password of an invited user and uses the invitation up. Throws dp::Error
  // (BadInput, field "password"/"password2") for a weak or mismatched password and (Conflict)
  // for a used or expired invitation.
  storage::User accept_invitation(const std::string& token, const std::string& password, const std::string& confirm);

  // Whether another link may be mailed to the account now (at most links_per_hour an hour).
  bool may_mail_link(int64_t user_id);

  // Checks a new password; throws dp::Error (BadInput) naming `field`.
  void check_password(const std::string& password, const std::string& field) const;
  // Sets a password (hashing it), ending the account's other sessions.
  void set_password(int64_t user_id, const std::string& password);

 private:
  storage::Store& store_;
  AuthPolicy policy_;
  Clock clock_;
};

}  // namespace dp::collection
