#pragma once
// Signing in and staying signed in: passwords (argon2id), one-time links (invitations and
// e-mailed sign-in links), sessions, and the throttling of failed attempts. The web routes
// (auth_routes.cpp) and the command line only call this; every rule is here.
//
// Sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie; only its digest is
// stored. A session ends after `session_idle_seconds` without use or `session_max_seconds` after
// sign-in, whichever comes first. Each session has its own CSRF token.
// Throttling, the same for every e-mail address whether or not it has an account (so that the
// answers never tell which addresses do): `address_limit` failed passwords for one e-mail
// address within `address_window_seconds` pause password sign-in for that address (a
// successful sign-in, by password or e-mailed link, starts the count again, and the e-mailed
// link keeps working, so an attacker slows a respondent down but cannot lock them out before a
// deadline); more than `ip_limit` failures from one client within `ip_window_seconds` refuse
// its password attempts for the rest of the window; `link_client_limit` sign-in links a client
// may ask for per window; `password_change_limit` wrong current passwords per account and window
// on the account page. Every sign-in attempt that reaches the password check costs exactly one
// argon2id verification, against the account's hash or a dummy one.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "storage/store.h"
#include "storage/user_store.h"
#include "web/crypto.h"
#include "web/principal.h"

namespace dp::collection {

struct AuthPolicy {
  long long session_idle_seconds = 12 * 3600;
  long long session_max_seconds = 14 * 24 * 3600;
  long long touch_every_seconds = 300;  // how stale last_seen may get before it is written again
  int address_limit = 5;
  long long address_window_seconds = 15 * 60;
  int ip_limit = 20;
  long long ip_window_seconds = 15 * 60;
  int link_client_limit = 10;     // sign-in links asked for by one client per ip_window_seconds
  int password_change_limit = 5;  // wrong current passwords per account per address_window_seconds
  long long invitation_seconds = 14 * 24 * 3600;
  long long login_link_seconds = 20 * 60;
  int links_per_hour = 5;  // invitations + sign-in links mailed to one account
  size_t min_password = 10;
  size_t max_password = 1024;  // bytes; bounds the hashing work an attacker can ask for
};

// Locked: too many failed passwords for this e-mail address (any address, known or not);
// Throttled: too many failures from this client.
enum class SignInOutcome { Ok, BadCredentials, Locked, Throttled };

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::BadCredentials;
  std::string token;  // the cookie value, when Ok
  storage::User user;
};

enum class PasswordCheck { Ok, Wrong, Throttled };

class Auth {
 public:
  using Clock = std::function<std::string()>;  // current UTC timestamp
  Auth(storage::Store& store, AuthPolicy policy = {}, Clock clock = {},
       std::shared_ptr<const web::PasswordHasher> hasher = nullptr);

  const AuthPolicy& policy() const { return policy_; }
  std::string now() const { return clock_(); }

  // Password sign-in. Never says whether the e-mail exists, by its answer or its work.
  SignInResult sign_in(const std::string& email, const std::string& password, const std::string& ip);
  // Whether password sign-in for this e-mail address (or account) is paused (too many failures).
  bool address_locked(const std::string& email);
  bool address_locked(const storage::User& user);
  // The current password of a signed-in account, for changing it: throttled per account.
  PasswordCheck check_current_password(int64_t user_id, const std::string& password);
  // Counts a request for a mailed sign-in link from `ip`; false when the client has asked for
  // too many (then nothing is mailed).
  bool allow_link_request(const std::string& ip);

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
  std::shared_ptr<const web::PasswordHasher> hasher_;

  const std::string& dummy_hash();
  int address_failures(const std::string& email, const std::optional<storage::User>& user, const std::string& now);
};

}  // namespace dp::collection
