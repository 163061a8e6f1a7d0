#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// `text` with every occurrence of `needle` (ASCII letters compared without case, as SQLite's
// lower() does) replaced by `with`.
std::string replace_all(const std::string& text, const std::string& needle, const std::string& with) {
  std::string hay = lower_ascii(text), low = lower_ascii(needle), out;
  size_t from = 0;
  for (size_t at = hay.find(low); at != std::string::npos; at = hay.find(low, from)) {
    out += text.substr(from, at - from) + with;
    from = at + needle.size();
  }
  return out + text.substr(from);
}

// Rewrites every text of table.column that contains one of the needles. Returns the rows changed.
int scrub(SQLite::Database& db, const std::string& table, const std::string& column,
          const std::vector<std::string>& needles, const std::string& with) {
  int changed = 0;
  for (const auto& needle : needles) {
    auto rows = all(
        db, "SELECT rowid, " + column + " FROM " + table + " WHERE instr(lower(" + column + "), lower(?)) > 0",
        [](Row& r) {
          int64_t rowid = r.int64();
          return std::pair(rowid, r.text());
        },
        needle);
    for (const auto& [rowid, text] : rows)
      changed += run(db, "UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?", replace_all(text, needle, with),
                     rowid);
  }
  return changed;
}

// Texts other than the logs' notes that may name a person: e-mails to others, mail server errors,
// self-assessment participants, plan owners and comments.
const std::pair<const char*, const char*> kOtherTexts[] = {
    {"outbox", "recipient"},      {"outbox", "subject"},          {"outbox", "body_text"},
    {"outbox", "body_html"},      {"outbox", "last_error"},       {"outbox_attempts", "error"},
    {"sa_participants", "name"},  {"sa_participants", "email"},   {"sa_individual", "comment"},
    {"sa_agreed", "comment"},     {"sa_agreed", "evidence_note"}, {"sa_plan_items", "owner"},
    {"sa_plan_items", "comment"}, {"sa_plan_items", "followup"},
};

int64_t open_operation(SQLite::Database& db, const std::string& kind, const std::string& subject, int64_t by,
                       const std::string& now) {
  run(db, "INSERT INTO privacy_operations(kind, subject, at, by_user) VALUES(?, ?, ?, ?)", kind, subject, now, by);
  return db.getLastInsertRowid();
}

void close_operation(SQLite::Database& db, int64_t id, const std::string& summary) {
  run(db, "UPDATE privacy_operations SET done = 1, summary = ? WHERE id = ?", summary, id);
}

}  // namespace

ErasureCounts erase_in(SQLite::Database& db, int64_t user_id, int64_t by, const std::string& now) {
  auto user = one(
      db, "SELECT email, name FROM users WHERE id = ?",
      [](Row& r) {
        std::string email = r.text();
        return std::pair(email, r.text());
      },
      user_id);
  if (!user) throw Error::not_found("no user " + std::to_string(user_id));
  const auto& [email, name] = *user;
  std::string subject = "user " + std::to_string(user_id);
  int64_t op = open_operation(db, "erase", subject, by, now);
  ErasureCounts c;
  c.sessions = run(db, "DELETE FROM sessions WHERE user_id = ?", user_id) +
               run(db, "DELETE FROM user_tokens WHERE user_id = ?", user_id);
  c.failures = run(db, "DELETE FROM login_failures WHERE kind = 'email' AND lower(key) = lower(?)", email);
  c.messages = run(db, "DELETE FROM outbox WHERE user_id = ? OR lower(recipient) = lower(?)", user_id, email);
  run(db,
      "UPDATE users SET email = ?, name = '', password_hash = '', active = 0, failed_logins = 0, locked_until = '', "
      "duties = '', "
      "last_login_at = '', lang = 'sv', removed_at = CASE WHEN removed_at = '' THEN ? ELSE removed_at END WHERE id = ?",
      fmt::format("erased-{}@erased.invalid", user_id), now, user_id);
  // Participants of a self-assessment with the same address are the same person.
  c.other_texts += run(db,
                       "UPDATE sa_participants SET email = 'erased-participant-' || id || '@erased.invalid' "
                       "WHERE lower(email) = lower(?)",
                       email);
  std::vector<std::string> needles = {email};
  if (name.size() >= 3) needles.push_back(name);  // a shorter name would match ordinary words
  std::string label = "[" + subject + ", erased]";
  c.log_entries = scrub(db, "events", "note", needles, label) + scrub(db, "audit_log", "note", needles, label);
  for (const auto& [table, column] : kOtherTexts) c.other_texts += scrub(db, table, column, needles, label);
  run(db, "INSERT INTO events(at, user_id, action, subject, note) VALUES(?, ?, 'user_erase', ?, '')", now, by, subject);
  close_operation(db, op,
                  fmt::format("{} session(s) and link(s), {} e-mail(s), {} log note(s), {} other text(s)", c.sessions,
                              c.messages, c.log_entries, c.other_texts));
  return c;
}

ErasureCounts SqlitePrivacy::erase_user(int64_t user_id, int64_t by_user, const std::string& now) {
  ErasureCounts c;
  db_.write([&](SQLite::Database& db) { c = erase_in(db, user_id, by_user, now); });
  return c;
}

bool SqlitePrivacy::erased(int64_t user_id) {
  return number(db_.conn(), "SELECT COUNT(*) FROM privacy_operations WHERE kind = 'erase' AND done = 1 AND subject = ?",
                "user " + std::to_string(user_id)) > 0;
}

PurgeCounts SqlitePrivacy::purge(const PurgeCutoffs& cut, const std::string& now) {
  PurgeCounts c;
  db_.write([&](SQLite::Database& db) {
    int64_t op = open_operation(db, "purge", "", 0, now);
    if (!cut.sessions.empty()) {
      c.sessions = run(db, "DELETE FROM sessions WHERE expires_at < ?", cut.sessions);
      c.tokens = run(db, "DELETE FROM user_tokens WHERE expires_at < ?1 OR (used_at IS NOT NULL AND used_at < ?1)",
                     cut.sessions);
      c.failures = run(db, "DELETE FROM login_failures WHERE at < ?", cut.sessions);
    }
    if (!cut.removed_accounts.empty()) {
      auto ids = all(
          db,
          "SELECT id FROM users u WHERE active = 0 AND removed_at <> '' AND removed_at < ? AND NOT EXISTS "
          "(SELECT 1 FROM privacy_operations p WHERE p.kind = 'erase' AND p.done = 1 AND p.subject = 'user ' || u.id)",
          [](Row& r) { return r.int64(); }, cut.removed_accounts);
      for (int64_t id : ids) erase_in(db, id, 0, now);
      c.accounts = static_cast<int>(ids.size());
    }
    if (!cut.mail.empty())
      c.messages =
          run(db, "DELETE FROM outbox WHERE status IN ('sent', 'dead', 'logged') AND created_at < ?", cut.mail);
    if (!cut.audit.empty()) {
      c.events = run(db, "DELETE FROM events WHERE at < ?", cut.audit);
      c.audit_entries = run(db, "DELETE FROM audit_log WHERE at < ?", cut.audit);
    }
    close_operation(
        db, op,
        fmt::format("{} session(s), {} link(s), {} sign-in failure(s), {} removed account(s) erased, {} e-mail(s), "
                    "{} event(s), {} audit entr(ies)",
                    c.sessions, c.tokens, c.failures, c.accounts, c.messages, c.events, c.audit_entries));
  });
  return c;
}

std::vector<PrivacyOperation> SqlitePrivacy::operations(int limit) {
  return all(
      db_.conn(),
      "SELECT id, kind, subject, at, by_user, summary FROM privacy_operations WHERE done = 1 ORDER BY id DESC LIMIT ?",
      [](Row& r) {
        PrivacyOperation o;
        o.id = r.int64();
        o.kind = r.text();
        o.subject = r.text();
        o.at = r.text();
        o.by_user = r.int64();
        o.summary = r.text();
        return o;
      },
      limit);
}

void SqlitePrivacy::checkpoint() { db_.conn().exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

}  // namespace dp::storage::sqlite
