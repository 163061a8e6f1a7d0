#pragma once
// Accounts, sessions, one-time tokens (invitations, sign-in links), sign-in throttling and the
// administrative event log. Secrets never reach this interface in clear text: sessions and
// tokens are stored by their digest (web::token_digest), passwords as argon2id hashes.
// Times are UTC strings "YYYY-MM-DDTHH:MM:SSZ" passed in by the caller, so that expiry rules are
// decided (and tested) in one place above storage.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/role.h"

namespace dp::storage {

struct User {
  int64_t id = 0;
  std::string email;  // unique, compared case-insensitively
  std::string name;
  Role role = Role::Respondent;  // never Public
  std::string org_code;          // respondents
  std::string county_code;       // coordinators
  std::string password_hash;     // "" until the invitation is accepted (sign-in links still work)
  std::string lang = "sv";       // language of e-mails to this user
  bool active = true;            // false = removed (kept so that the audit log still names them)
  int failed_logins = 0;         // consecutive failures since the last success
  std::string locked_until;      // "" = not locked
  std::string created_at;
  std::string last_login_at;
  std::string removed_at;  // when it was removed ("" = active); retention counts from here
  Duties duties;           // respondents: contact and/or approver of their organisation
};

struct UserFilter {
  std::optional<Role> role;  // nullopt = any
  std::string org_code;      // "" = any
  std::string county_code;   // "" = any
  bool include_inactive = false;
};

struct Session {
  std::string digest;  // of the cookie token
  int64_t user_id = 0;
  std::string csrf;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute expiry
  std::string ip;
};

struct Event {
  int64_t id = 0;
  std::string at;
  int64_t user_id = 0;  // who did it (0 = command line)
  std::string action;   // user_add | user_remove | campaign_create | campaign_state | reopen | remind | scope ...
  std::string subject;  // what it was done to ("user 12", "campaign ehalsa-2022", ...)
  std::string note;
};

class UserStore {
 public:
  virtual ~UserStore() = default;

  // Creates a user; throws dp::Error (Conflict) if an active user has the email. An inactive
  // (removed) user with the same email is brought back with the new role and organisation.
  virtual int64_t create(const User& u) = 0;
  virtual void update(const User& u) = 0;  // every field but id and created_at
  virtual std::optional<User> find(int64_t id) = 0;
  virtual std::optional<User> find_by_email(const std::string& email) = 0;
  virtual std::vector<User> list(const UserFilter& filter) = 0;
  // Removes an account: marks it inactive (removed now) and ends its sessions and tokens.
  virtual void deactivate(int64_t id) = 0;

  // Sign-in bookkeeping on the account.
  virtual void record_login_success(int64_t id, const std::string& now) = 0;
  // Adds one consecutive failure; locks the account until `lock_until` when the count reaches
  // `lock_after`. Returns the new count.
  virtual int record_login_failure(int64_t id, int lock_after, const std::string& lock_until) = 0;

  // Failed attempts by source (an IP address or an e-mail), for rate limiting.
  virtual void record_failure(const std::string& kind, const std::string& key, const std::string& now) = 0;
  virtual int count_failures(const std::string& kind, const std::string& key, const std::string& since) = 0;
  virtual void prune_failures(const std::string& before) = 0;

  virtual void create_session(const Session& s) = 0;
  // The session if it exists and has not expired at `now`.
  virtual std::optional<Session> find_session(const std::string& digest, const std::string& now) = 0;
  virtual void touch_session(const std::string& digest, const std::string& now) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  virtual void delete_sessions_of(int64_t user_id) = 0;

  // One-time tokens. purpose: invite | login.
  virtual void create_token(const std::string& digest, int64_t user_id, const std::string& purpose,
                            const std::string& now, const std::string& expires_at) = 0;
  // The user of a token that is unused and unexpired, without using it up.
  virtual std::optional<int64_t> peek_token(const std::string& digest, const std::string& purpose,
                                            const std::string& now) = 0;
  // Uses the token up, atomically: the second caller gets nullopt.
  virtual std::optional<int64_t> consume_token(const std::string& digest, const std::string& purpose,
                                               const std::string& now) = 0;
  // Tokens created for a user since a time (limits how often mail can be requested).
  virtual int count_tokens(int64_t user_id, const std::string& purpose, const std::string& since) = 0;

  // Administrative event log (append-only).
  virtual void log_event(const Event& e) = 0;
  // Newest first; subject "" = all.
  virtual std::vector<Event> events(const std::string& subject, int limit) = 0;
};

}  // namespace dp::storage
