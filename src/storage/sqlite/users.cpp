#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

static const char* kUserCols =
    "id, email, name, role, COALESCE(org_code, ''), COALESCE(county_code, ''), password_hash, lang, active, "
    "failed_logins, locked_until, created_at, last_login_at, removed_at";

static User read_user(SQLite::Statement& q) {
  User u;
  u.id = q.getColumn(0).getInt64();
  u.email = q.getColumn(1).getString();
  u.name = q.getColumn(2).getString();
  u.role = q.getColumn(3).getString();
  u.org_code = q.getColumn(4).getString();
  u.county_code = q.getColumn(5).getString();
  u.password_hash = q.getColumn(6).getString();
  u.lang = q.getColumn(7).getString();
  u.active = q.getColumn(8).getInt() != 0;
  u.failed_logins = q.getColumn(9).getInt();
  u.locked_until = q.getColumn(10).getString();
  u.created_at = q.getColumn(11).getString();
  u.last_login_at = q.getColumn(12).getString();
  u.removed_at = q.getColumn(13).getString();
  return u;
}

static void bind_text_or_null(SQLite::Statement& q, const char* name, const std::string& v) {
  if (v.empty()) q.bind(name); else q.bind(name, v);
}

static void bind_user(SQLite::Statement& q, const User& u) {
  q.bind(":email", u.email);
  q.bind(":name", u.name);
  q.bind(":role", u.role);
  bind_text_or_null(q, ":org", u.org_code);
  bind_text_or_null(q, ":county", u.county_code);
  q.bind(":hash", u.password_hash);
  q.bind(":lang", u.lang.empty() ? std::string("sv") : u.lang);
  q.bind(":active", u.active ? 1 : 0);
  q.bind(":failed", u.failed_logins);
  q.bind(":locked", u.locked_until);
  q.bind(":last_login", u.last_login_at);
}

int64_t SqliteUsers::create(const User& u) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement existing(db, "SELECT id, active FROM users WHERE email = ?");
    existing.bind(1, u.email);
    if (existing.executeStep()) {
      if (existing.getColumn(1).getInt() != 0) throw Error::conflict("an account with the e-mail " + u.email + " already exists");
      // A removed account comes back: same id (the audit log keeps naming it), new role and place.
      User back = u;
      back.id = existing.getColumn(0).getInt64();
      back.active = true;
      back.failed_logins = 0;
      back.locked_until.clear();
      update(back);
      SQLite::Statement back_again(db, "UPDATE users SET removed_at = '' WHERE id = ?");
      back_again.bind(1, back.id);
      back_again.exec();
      id = back.id;
      return;
    }
    SQLite::Statement q(db, "INSERT INTO users(email, name, role, org_code, county_code, password_hash, lang, active, "
                            "failed_logins, locked_until, created_at, last_login_at) VALUES(:email, :name, :role, :org, "
                            ":county, :hash, :lang, :active, :failed, :locked, :created, :last_login)");
    bind_user(q, u);
    q.bind(":created", u.created_at.empty() ? now_utc() : u.created_at);
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

void SqliteUsers::update(const User& u) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE users SET email = :email, name = :name, role = :role, org_code = :org, "
                            "county_code = :county, password_hash = :hash, lang = :lang, active = :active, "
                            "failed_logins = :failed, locked_until = :locked, last_login_at = :last_login WHERE id = :id");
    bind_user(q, u);
    q.bind(":id", u.id);
    if (q.exec() == 0) throw Error::not_found("no user " + std::to_string(u.id));
  });
}

std::optional<User> SqliteUsers::find(int64_t id) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_user(q);
}

std::optional<User> SqliteUsers::find_by_email(const std::string& email) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kUserCols + " FROM users WHERE email = ?");
  q.bind(1, email);
  if (!q.executeStep()) return std::nullopt;
  return read_user(q);
}

std::vector<User> SqliteUsers::list(const UserFilter& f) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kUserCols +
                                      " FROM users WHERE (?1 = '' OR role = ?1) AND (?2 = '' OR org_code = ?2) "
                                      "AND (?3 = '' OR county_code = ?3) AND (?4 OR active = 1) "
                                      "ORDER BY role, COALESCE(org_code, county_code, ''), email");
  q.bind(1, f.role);
  q.bind(2, f.org_code);
  q.bind(3, f.county_code);
  q.bind(4, f.include_inactive ? 1 : 0);
  std::vector<User> out;
  while (q.executeStep()) out.push_back(read_user(q));
  return out;
}

void SqliteUsers::deactivate(int64_t id) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement u(db, "UPDATE users SET active = 0, removed_at = CASE WHEN active = 1 THEN ? ELSE removed_at END WHERE id = ?");
    u.bind(1, now_utc());
    u.bind(2, id);
    if (u.exec() == 0) throw Error::not_found("no user " + std::to_string(id));
    SQLite::Statement s(db, "DELETE FROM sessions WHERE user_id = ?");
    s.bind(1, id);
    s.exec();
    SQLite::Statement t(db, "DELETE FROM user_tokens WHERE user_id = ?");
    t.bind(1, id);
    t.exec();
  });
}

void SqliteUsers::record_login_success(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE users SET failed_logins = 0, locked_until = '', last_login_at = ? WHERE id = ?");
    q.bind(1, now);
    q.bind(2, id);
    q.exec();
  });
}

int SqliteUsers::record_login_failure(int64_t id, int lock_after, const std::string& lock_until) {
  int count = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins");
    q.bind(1, id);
    if (!q.executeStep()) return;
    count = q.getColumn(0).getInt();
    q.reset();
    if (count >= lock_after) {
      SQLite::Statement l(db, "UPDATE users SET locked_until = ?, failed_logins = 0 WHERE id = ?");
      l.bind(1, lock_until);
      l.bind(2, id);
      l.exec();
    }
  });
  return count;
}

void SqliteUsers::record_failure(const std::string& kind, const std::string& key, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO login_failures(kind, key, at) VALUES(?, ?, ?)");
    q.bind(1, kind);
    q.bind(2, key);
    q.bind(3, now);
    q.exec();
  });
}

int SqliteUsers::count_failures(const std::string& kind, const std::string& key, const std::string& since) {
  SQLite::Statement q(db_.conn(), "SELECT COUNT(*) FROM login_failures WHERE kind = ? AND key = ? AND at >= ?");
  q.bind(1, kind);
  q.bind(2, key);
  q.bind(3, since);
  q.executeStep();
  return q.getColumn(0).getInt();
}

void SqliteUsers::prune_failures(const std::string& before) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "DELETE FROM login_failures WHERE at < ?");
    q.bind(1, before);
    q.exec();
    SQLite::Statement s(db, "DELETE FROM sessions WHERE expires_at < ?");
    s.bind(1, before);
    s.exec();
    SQLite::Statement t(db, "DELETE FROM user_tokens WHERE expires_at < ?");
    t.bind(1, before);
    t.exec();
  });
}

void SqliteUsers::create_session(const Session& s) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO sessions(digest, user_id, csrf, created_at, last_seen_at, expires_at, ip) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, s.digest);
    q.bind(2, s.user_id);
    q.bind(3, s.csrf);
    q.bind(4, s.created_at);
    q.bind(5, s.last_seen_at);
    q.bind(6, s.expires_at);
    q.bind(7, s.ip);
    q.exec();
  });
}

std::optional<Session> SqliteUsers::find_session(const std::string& digest, const std::string& now) {
  SQLite::Statement q(db_.conn(), "SELECT s.digest, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at, s.ip "
                                  "FROM sessions s JOIN users u ON u.id = s.user_id "
                                  "WHERE s.digest = ? AND s.expires_at > ? AND u.active = 1");
  q.bind(1, digest);
  q.bind(2, now);
  if (!q.executeStep()) return std::nullopt;
  Session s;
  s.digest = q.getColumn(0).getString();
  s.user_id = q.getColumn(1).getInt64();
  s.csrf = q.getColumn(2).getString();
  s.created_at = q.getColumn(3).getString();
  s.last_seen_at = q.getColumn(4).getString();
  s.expires_at = q.getColumn(5).getString();
  s.ip = q.getColumn(6).getString();
  return s;
}

void SqliteUsers::touch_session(const std::string& digest, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE sessions SET last_seen_at = ? WHERE digest = ?");
    q.bind(1, now);
    q.bind(2, digest);
    q.exec();
  });
}

void SqliteUsers::delete_session(const std::string& digest) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "DELETE FROM sessions WHERE digest = ?");
    q.bind(1, digest);
    q.exec();
  });
}

void SqliteUsers::delete_sessions_of(int64_t user_id) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "DELETE FROM sessions WHERE user_id = ?");
    q.bind(1, user_id);
    q.exec();
  });
}

void SqliteUsers::create_token(const std::string& digest, int64_t user_id, const std::string& purpose,
                               const std::string& now, const std::string& expires_at) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO user_tokens(digest, user_id, purpose, created_at, expires_at) VALUES(?, ?, ?, ?, ?)");
    q.bind(1, digest);
    q.bind(2, user_id);
    q.bind(3, purpose);
    q.bind(4, now);
    q.bind(5, expires_at);
    q.exec();
  });
}

std::optional<int64_t> SqliteUsers::peek_token(const std::string& digest, const std::string& purpose,
                                               const std::string& now) {
  SQLite::Statement q(db_.conn(), "SELECT t.user_id FROM user_tokens t JOIN users u ON u.id = t.user_id "
                                  "WHERE t.digest = ? AND t.purpose = ? AND t.used_at IS NULL AND t.expires_at > ? "
                                  "AND u.active = 1");
  q.bind(1, digest);
  q.bind(2, purpose);
  q.bind(3, now);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<int64_t> SqliteUsers::consume_token(const std::string& digest, const std::string& purpose,
                                                  const std::string& now) {
  std::optional<int64_t> user;
  db_.write([&](SQLite::Database& db) {
    // The WHERE clause makes the update the single point of truth: of two concurrent uses, only
    // one changes a row.
    SQLite::Statement q(db, "UPDATE user_tokens SET used_at = ?1 WHERE digest = ?2 AND purpose = ?3 AND used_at IS NULL "
                            "AND expires_at > ?1 AND user_id IN (SELECT id FROM users WHERE active = 1) "
                            "RETURNING user_id");
    q.bind(1, now);
    q.bind(2, digest);
    q.bind(3, purpose);
    if (q.executeStep()) user = q.getColumn(0).getInt64();
  });
  return user;
}

int SqliteUsers::count_tokens(int64_t user_id, const std::string& purpose, const std::string& since) {
  SQLite::Statement q(db_.conn(), "SELECT COUNT(*) FROM user_tokens WHERE user_id = ? AND purpose = ? AND created_at >= ?");
  q.bind(1, user_id);
  q.bind(2, purpose);
  q.bind(3, since);
  q.executeStep();
  return q.getColumn(0).getInt();
}

void SqliteUsers::log_event(const Event& e) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO events(at, user_id, action, subject, note) VALUES(?, ?, ?, ?, ?)");
    q.bind(1, e.at.empty() ? now_utc() : e.at);
    q.bind(2, e.user_id);
    q.bind(3, e.action);
    q.bind(4, e.subject);
    q.bind(5, e.note);
    q.exec();
  });
}

std::vector<Event> SqliteUsers::events(const std::string& subject, int limit) {
  SQLite::Statement q(db_.conn(), "SELECT id, at, user_id, action, subject, note FROM events "
                                  "WHERE ?1 = '' OR subject = ?1 ORDER BY id DESC LIMIT ?2");
  q.bind(1, subject);
  q.bind(2, limit);
  std::vector<Event> out;
  while (q.executeStep()) {
    Event e;
    e.id = q.getColumn(0).getInt64();
    e.at = q.getColumn(1).getString();
    e.user_id = q.getColumn(2).getInt64();
    e.action = q.getColumn(3).getString();
    e.subject = q.getColumn(4).getString();
    e.note = q.getColumn(5).getString();
    out.push_back(e);
  }
  return out;
}

}  // namespace dp::storage::sqlite
