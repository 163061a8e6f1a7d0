#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const std::string kUserCols =
    "id, email, name, role, COALESCE(org_code, ''), COALESCE(county_code, ''), password_hash, lang, active, "
    "failed_logins, locked_until, created_at, last_login_at, removed_at, duties";

User read_user(Row& r) {
  User u;
  u.id = r.int64();
  u.email = r.text();
  u.name = r.text();
  u.role = parse_account_role(r.text(), {"", 0, 0, "users.role"});
  u.org_code = r.text();
  u.county_code = r.text();
  u.password_hash = r.text();
  u.lang = r.text();
  u.active = r.flag();
  u.failed_logins = r.integer();
  u.locked_until = r.text();
  u.created_at = r.text();
  u.last_login_at = r.text();
  u.removed_at = r.text();
  u.duties = parse_duties(r.text(), {"", 0, 0, "users.duties"});
  return u;
}

Session read_session(Row& r) {
  Session s;
  s.digest = r.text();
  s.user_id = r.int64();
  s.csrf = r.text();
  s.created_at = r.text();
  s.last_seen_at = r.text();
  s.expires_at = r.text();
  s.ip = r.text();
  return s;
}

Event read_event(Row& r) {
  Event e;
  e.id = r.int64();
  e.at = r.text();
  e.user_id = r.int64();
  e.action = r.text();
  e.subject = r.text();
  e.note = r.text();
  return e;
}

// The columns every write sets, ?1..?12 in this order. No organisation or county is NULL (the
// CHECKs tie them to the role).
const char* kUserValues =
    "email = ?1, name = ?2, role = ?3, org_code = ?4, county_code = ?5, password_hash = ?6, lang = ?7, active = ?8, "
    "failed_logins = ?9, locked_until = ?10, last_login_at = ?11, duties = ?12";

template <class... More>
int write_user(SQLite::Database& db, const std::string& sql, const User& u, const More&... more) {
  return run(db, sql, u.email, u.name, std::string(to_string(u.role)), nullable(u.org_code), nullable(u.county_code),
             u.password_hash, u.lang.empty() ? std::string("sv") : u.lang, u.active, u.failed_logins, u.locked_until,
             u.last_login_at,
             // Duties belong to respondents only: another kind of account holds none.
             u.role == Role::Respondent ? to_string(u.duties) : std::string(), more...);
}

}  // namespace

int64_t SqliteUsers::create(const User& u) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    auto existing = one(
        db, "SELECT id, active FROM users WHERE email = ?",
        [](Row& r) {
          int64_t id = r.int64();
          return std::pair(id, r.flag());
        },
        u.email);
    if (existing) {
      if (existing->second) throw Error::conflict("an account with the e-mail " + u.email + " already exists");
      // A removed account comes back: same id (the audit log keeps naming it), new role and place.
      User back = u;
      back.id = existing->first;
      back.active = true;
      back.failed_logins = 0;
      back.locked_until.clear();
      write_user(db, std::string("UPDATE users SET ") + kUserValues + ", removed_at = '' WHERE id = ?13", back,
                 back.id);
      id = back.id;
      return;
    }
    write_user(
        db,
        "INSERT INTO users(email, name, role, org_code, county_code, password_hash, lang, active, failed_logins, "
        "locked_until, last_login_at, duties, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13)",
        u, u.created_at.empty() ? now_utc() : u.created_at);
    id = db.getLastInsertRowid();
  });
  return id;
}

void SqliteUsers::update(const User& u) {
  db_.write([&](SQLite::Database& db) {
    if (write_user(db, std::string("UPDATE users SET ") + kUserValues + " WHERE id = ?13", u, u.id) == 0)
      throw Error::not_found("no user " + std::to_string(u.id));
  });
}

std::optional<User> SqliteUsers::find(int64_t id) {
  return one(db_.conn(), "SELECT " + kUserCols + " FROM users WHERE id = ?", read_user, id);
}

std::optional<User> SqliteUsers::find_by_email(const std::string& email) {
  return one(db_.conn(), "SELECT " + kUserCols + " FROM users WHERE email = ?", read_user, email);
}

std::vector<User> SqliteUsers::list(const UserFilter& f) {
  return all(db_.conn(),
             "SELECT " + kUserCols +
                 " FROM users WHERE (?1 = '' OR role = ?1) AND (?2 = '' OR org_code = ?2) "
                 "AND (?3 = '' OR county_code = ?3) AND (?4 OR active = 1) "
                 "ORDER BY role, COALESCE(org_code, county_code, ''), email",
             read_user, std::string(f.role ? to_string(*f.role) : ""), f.org_code, f.county_code, f.include_inactive);
}

void SqliteUsers::deactivate(int64_t id) {
  db_.write([&](SQLite::Database& db) {
    if (run(db,
            "UPDATE users SET active = 0, removed_at = CASE WHEN active = 1 THEN ? ELSE removed_at END WHERE id = ?",
            now_utc(), id) == 0)
      throw Error::not_found("no user " + std::to_string(id));
    run(db, "DELETE FROM sessions WHERE user_id = ?", id);
    run(db, "DELETE FROM user_tokens WHERE user_id = ?", id);
  });
}

void SqliteUsers::record_login_success(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    run(db, "UPDATE users SET failed_logins = 0, locked_until = '', last_login_at = ? WHERE id = ?", now, id);
  });
}

int SqliteUsers::record_login_failure(int64_t id, int lock_after, const std::string& lock_until) {
  int count = 0;
  db_.write([&](SQLite::Database& db) {
    auto n = one(
        db, "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins",
        [](Row& r) { return r.integer(); }, id);
    if (!n) return;
    count = *n;
    if (count >= lock_after)
      run(db, "UPDATE users SET locked_until = ?, failed_logins = 0 WHERE id = ?", lock_until, id);
  });
  return count;
}

void SqliteUsers::record_failure(const std::string& kind, const std::string& key, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    run(db, "INSERT INTO login_failures(kind, key, at) VALUES(?, ?, ?)", kind, key, now);
  });
}

int SqliteUsers::count_failures(const std::string& kind, const std::string& key, const std::string& since) {
  return static_cast<int>(number(
      db_.conn(), "SELECT COUNT(*) FROM login_failures WHERE kind = ? AND key = ? AND at >= ?", kind, key, since));
}

void SqliteUsers::prune_failures(const std::string& before) {
  db_.write([&](SQLite::Database& db) {
    run(db, "DELETE FROM login_failures WHERE at < ?", before);
    run(db, "DELETE FROM sessions WHERE expires_at < ?", before);
    run(db, "DELETE FROM user_tokens WHERE expires_at < ?", before);
  });
}

void SqliteUsers::create_session(const Session& s) {
  db_.write([&](SQLite::Database& db) {
    run(db,
        "INSERT INTO sessions(digest, user_id, csrf, created_at, last_seen_at, expires_at, ip) VALUES(?, ?, ?, ?, ?, "
        "?, ?)",
        s.digest, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at, s.ip);
  });
}

std::optional<Session> SqliteUsers::find_session(const std::string& digest, const std::string& now) {
  return one(
      db_.conn(),
      "SELECT s.digest, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at, s.ip "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.digest = ? AND s.expires_at > ? AND u.active = 1",
      read_session, digest, now);
}

void SqliteUsers::touch_session(const std::string& digest, const std::string& now) {
  db_.write(
      [&](SQLite::Database& db) { run(db, "UPDATE sessions SET last_seen_at = ? WHERE digest = ?", now, digest); });
}

void SqliteUsers::delete_session(const std::string& digest) {
  db_.write([&](SQLite::Database& db) { run(db, "DELETE FROM sessions WHERE digest = ?", digest); });
}

void SqliteUsers::delete_sessions_of(int64_t user_id) {
  db_.write([&](SQLite::Database& db) { run(db, "DELETE FROM sessions WHERE user_id = ?", user_id); });
}

void SqliteUsers::create_token(const std::string& digest, int64_t user_id, const std::string& purpose,
                               const std::string& now, const std::string& expires_at) {
  db_.write([&](SQLite::Database& db) {
    run(db, "INSERT INTO user_tokens(digest, user_id, purpose, created_at, expires_at) VALUES(?, ?, ?, ?, ?)", digest,
        user_id, purpose, now, expires_at);
  });
}

std::optional<int64_t> SqliteUsers::peek_token(const std::string& digest, const std::string& purpose,
                                               const std::string& now) {
  return one(
      db_.conn(),
      "SELECT t.user_id FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = ? AND t.purpose = ? "
      "AND t.used_at IS NULL AND t.expires_at > ? AND u.active = 1",
      [](Row& r) { return r.int64(); }, digest, purpose, now);
}

std::optional<int64_t> SqliteUsers::consume_token(const std::string& digest, const std::string& purpose,
                                                  const std::string& now) {
  std::optional<int64_t> user;
  db_.write([&](SQLite::Database& db) {
    // The WHERE clause makes the update the single point of truth: of two concurrent uses, only
    // one changes a row.
    user = one(
        db,
        "UPDATE user_tokens SET used_at = ?1 WHERE digest = ?2 AND purpose = ?3 AND used_at IS NULL "
        "AND expires_at > ?1 AND user_id IN (SELECT id FROM users WHERE active = 1) RETURNING user_id",
        [](Row& r) { return r.int64(); }, now, digest, purpose);
  });
  return user;
}

int SqliteUsers::count_tokens(int64_t user_id, const std::string& purpose, const std::string& since) {
  return static_cast<int>(
      number(db_.conn(), "SELECT COUNT(*) FROM user_tokens WHERE user_id = ? AND purpose = ? AND created_at >= ?",
             user_id, purpose, since));
}

void SqliteUsers::log_event(const Event& e) {
  db_.write([&](SQLite::Database& db) {
    run(db, "INSERT INTO events(at, user_id, action, subject, note) VALUES(?, ?, ?, ?, ?)",
        e.at.empty() ? now_utc() : e.at, e.user_id, e.action, e.subject, e.note);
  });
}

std::vector<Event> SqliteUsers::events(const std::string& subject, int limit) {
  return all(db_.conn(),
             "SELECT id, at, user_id, action, subject, note FROM events WHERE ?1 = '' OR subject = ?1 "
             "ORDER BY id DESC LIMIT ?2",
             read_event, subject, limit);
}

}  // namespace dp::storage::sqlite
