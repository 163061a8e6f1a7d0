#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const std::string kCols =
    "id, kind, recipient, subject, body_text, body_html, secret, status, attempts, next_attempt_at, last_error, "
    "created_at, sent_at, user_id, campaign_id, org_code";

// What a one-time link becomes in the stored copy once the message has left.
const char* kRedacted = "[link removed after sending]";

OutboxMessage read_message(Row& r) {
  OutboxMessage m;
  m.id = r.int64();
  m.kind = r.text();
  m.recipient = r.text();
  m.subject = r.text();
  m.body_text = r.text();
  m.body_html = r.text();
  m.secret = r.text();
  m.status = parse_mail_status(r.text(), {"", 0, 0, "outbox.status"});
  m.attempts = r.integer();
  m.next_attempt_at = r.text();
  m.last_error = r.text();
  m.created_at = r.text();
  m.sent_at = r.text();
  m.user_id = r.int64();
  m.campaign_id = r.int64();
  m.org_code = r.text();
  return m;
}

void attempt_row(SQLite::Database& db, int64_t id, const std::string& now, bool ok, const std::string& error) {
  run(db, "INSERT INTO outbox_attempts(outbox_id, at, ok, error) VALUES(?, ?, ?, ?)", id, now, ok, error);
}

std::string replace_all(std::string s, const std::string& what, const std::string& with) {
  if (what.empty()) return s;
  for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + with.size()))
    s.replace(pos, what.size(), with);
  return s;
}

void require_changed(int changed, int64_t id) {
  if (changed == 0) throw Error::not_found("no outbox message " + std::to_string(id));
}

}  // namespace

int64_t SqliteMail::enqueue(const OutboxMessage& m) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    std::string now = m.created_at.empty() ? now_utc() : m.created_at;
    run(db,
        "INSERT INTO outbox(kind, recipient, subject, body_text, body_html, secret, status, next_attempt_at, "
        "created_at, "
        "user_id, campaign_id, org_code) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.kind, m.recipient, m.subject, m.body_text, m.body_html, m.secret, to_string(m.status),
        m.next_attempt_at.empty() ? now : m.next_attempt_at, now, m.user_id, m.campaign_id, m.org_code);
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<OutboxMessage> SqliteMail::due(const std::string& now, int limit) {
  return all(db_.conn(),
             "SELECT " + kCols +
                 " FROM outbox WHERE status IN ('queued', 'failed') AND next_attempt_at <= ? "
                 "ORDER BY next_attempt_at, id LIMIT ?",
             read_message, now, limit);
}

void SqliteMail::mark_sent(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    auto m = find(id);
    if (!m) throw Error::not_found("no outbox message " + std::to_string(id));
    run(db,
        "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '', body_text = ?, "
        "body_html = ?, secret = '' WHERE id = ?",
        now, replace_all(m->body_text, m->secret, kRedacted), replace_all(m->body_html, m->secret, kRedacted), id);
    attempt_row(db, id, now, true, "");
  });
}

void SqliteMail::mark_failed(int64_t id, const std::string& now, const std::string& error,
                             const std::string& next_attempt_at) {
  db_.write([&](SQLite::Database& db) {
    require_changed(
        run(db,
            "UPDATE outbox SET status = ?1, attempts = attempts + 1, last_error = ?2, "
            "next_attempt_at = CASE WHEN ?3 = '' THEN next_attempt_at ELSE ?3 END WHERE id = ?4",
            to_string(next_attempt_at.empty() ? MailStatus::Dead : MailStatus::Failed), error, next_attempt_at, id),
        id);
    attempt_row(db, id, now, false, error);
  });
}

void SqliteMail::mark_logged(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    require_changed(
        run(db, "UPDATE outbox SET status = 'logged', last_error = 'no mail server configured' WHERE id = ?", id), id);
    attempt_row(db, id, now, false, "no mail server configured; the message is kept in the outbox");
  });
}

void SqliteMail::requeue(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    if (run(db,
            "UPDATE outbox SET status = 'queued', next_attempt_at = ? WHERE id = ? AND status IN ('failed', 'dead', "
            "'logged')",
            now, id) == 0)
      throw Error::conflict("message " + std::to_string(id) + " is not waiting to be sent again");
  });
}

std::optional<OutboxMessage> SqliteMail::find(int64_t id) {
  return one(db_.conn(), "SELECT " + kCols + " FROM outbox WHERE id = ?", read_message, id);
}

std::vector<OutboxMessage> SqliteMail::list(const OutboxFilter& f) {
  return all(db_.conn(),
             "SELECT " + kCols +
                 " FROM outbox WHERE (?1 = '' OR status = ?1 OR (?1 = 'problem' AND status IN ('failed', 'dead'))) "
                 "AND (?2 = '' OR kind = ?2) AND (?3 = 0 OR campaign_id = ?3) ORDER BY id DESC LIMIT ?4",
             read_message,
             f.problems ? std::string("problem")
             : f.status ? std::string(to_string(*f.status))
                        : std::string(),
             f.kind, f.campaign_id, f.limit);
}

std::vector<MailAttempt> SqliteMail::attempts(int64_t id) {
  return all(
      db_.conn(), "SELECT at, ok, error FROM outbox_attempts WHERE outbox_id = ? ORDER BY id",
      [](Row& r) {
        MailAttempt a;
        a.at = r.text();
        a.ok = r.flag();
        a.error = r.text();
        return a;
      },
      id);
}

OutboxCounts SqliteMail::counts() {
  OutboxCounts c;
  auto rows = all(db_.conn(), "SELECT status, COUNT(*) FROM outbox GROUP BY status", [](Row& r) {
    std::string status = r.text();
    return std::pair(status, r.integer());
  });
  for (const auto& [status, n] : rows) c.of(parse_mail_status(status, {"", 0, 0, "outbox.status"})) = n;
  return c;
}

bool SqliteMail::claim_reminder_run(int64_t campaign_id, const std::string& on_date, const std::string& now) {
  bool claimed = false;
  db_.write([&](SQLite::Database& db) {
    claimed = run(db, "INSERT OR IGNORE INTO reminder_runs(campaign_id, on_date, ran_at) VALUES(?, ?, ?)", campaign_id,
                  on_date, now) == 1;
  });
  return claimed;
}

void SqliteMail::set_reminder_messages(int64_t campaign_id, const std::string& on_date, int messages) {
  db_.write([&](SQLite::Database& db) {
    run(db, "UPDATE reminder_runs SET messages = ? WHERE campaign_id = ? AND on_date = ?", messages, campaign_id,
        on_date);
  });
}

std::vector<std::pair<std::string, int>> SqliteMail::reminder_runs(int64_t campaign_id) {
  return all(
      db_.conn(), "SELECT on_date, messages FROM reminder_runs WHERE campaign_id = ? ORDER BY on_date",
      [](Row& r) {
        std::string date = r.text();
        return std::pair(date, r.integer());
      },
      campaign_id);
}

}  // namespace dp::storage::sqlite
