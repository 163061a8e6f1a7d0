#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

static const char* kCols =
    "id, kind, recipient, subject, body_text, body_html, secret, status, attempts, next_attempt_at, last_error, "
    "created_at, sent_at, user_id, campaign_id, org_code";

// What a one-time link becomes in the stored copy once the message has left.
static const char* kRedacted = "[link removed after sending]";

static OutboxMessage read_message(SQLite::Statement& q) {
  OutboxMessage m;
  m.id = q.getColumn(0).getInt64();
  m.kind = q.getColumn(1).getString();
  m.recipient = q.getColumn(2).getString();
  m.subject = q.getColumn(3).getString();
  m.body_text = q.getColumn(4).getString();
  m.body_html = q.getColumn(5).getString();
  m.secret = q.getColumn(6).getString();
  m.status = q.getColumn(7).getString();
  m.attempts = q.getColumn(8).getInt();
  m.next_attempt_at = q.getColumn(9).getString();
  m.last_error = q.getColumn(10).getString();
  m.created_at = q.getColumn(11).getString();
  m.sent_at = q.getColumn(12).getString();
  m.user_id = q.getColumn(13).getInt64();
  m.campaign_id = q.getColumn(14).getInt64();
  m.org_code = q.getColumn(15).getString();
  return m;
}

int64_t SqliteMail::enqueue(const OutboxMessage& m) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO outbox(kind, recipient, subject, body_text, body_html, secret, status, "
                            "next_attempt_at, created_at, user_id, campaign_id, org_code) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::string now = m.created_at.empty() ? now_utc() : m.created_at;
    q.bind(1, m.kind);
    q.bind(2, m.recipient);
    q.bind(3, m.subject);
    q.bind(4, m.body_text);
    q.bind(5, m.body_html);
    q.bind(6, m.secret);
    q.bind(7, m.status.empty() ? std::string("queued") : m.status);
    q.bind(8, m.next_attempt_at.empty() ? now : m.next_attempt_at);
    q.bind(9, now);
    q.bind(10, m.user_id);
    q.bind(11, m.campaign_id);
    q.bind(12, m.org_code);
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<OutboxMessage> SqliteMail::due(const std::string& now, int limit) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols +
                                      " FROM outbox WHERE status IN ('queued', 'failed') AND next_attempt_at <= ? "
                                      "ORDER BY next_attempt_at, id LIMIT ?");
  q.bind(1, now);
  q.bind(2, limit);
  std::vector<OutboxMessage> out;
  while (q.executeStep()) out.push_back(read_message(q));
  return out;
}

static void attempt_row(SQLite::Database& db, int64_t id, const std::string& now, bool ok, const std::string& error) {
  SQLite::Statement a(db, "INSERT INTO outbox_attempts(outbox_id, at, ok, error) VALUES(?, ?, ?, ?)");
  a.bind(1, id);
  a.bind(2, now);
  a.bind(3, ok ? 1 : 0);
  a.bind(4, error);
  a.exec();
}

static std::string replace_all(std::string s, const std::string& what, const std::string& with) {
  if (what.empty()) return s;
  for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + with.size()))
    s.replace(pos, what.size(), with);
  return s;
}

void SqliteMail::mark_sent(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    auto m = find(id);
    if (!m) throw Error::not_found("no outbox message " + std::to_string(id));
    SQLite::Statement q(db, "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '', "
                            "body_text = ?, body_html = ?, secret = '' WHERE id = ?");
    q.bind(1, now);
    q.bind(2, replace_all(m->body_text, m->secret, kRedacted));
    q.bind(3, replace_all(m->body_html, m->secret, kRedacted));
    q.bind(4, id);
    q.exec();
    attempt_row(db, id, now, true, "");
  });
}

void SqliteMail::mark_failed(int64_t id, const std::string& now, const std::string& error,
                             const std::string& next_attempt_at) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, "
                            "next_attempt_at = CASE WHEN ? = '' THEN next_attempt_at ELSE ? END WHERE id = ?");
    q.bind(1, next_attempt_at.empty() ? "dead" : "failed");
    q.bind(2, error);
    q.bind(3, next_attempt_at);
    q.bind(4, next_attempt_at);
    q.bind(5, id);
    if (q.exec() == 0) throw Error::not_found("no outbox message " + std::to_string(id));
    attempt_row(db, id, now, false, error);
  });
}

void SqliteMail::mark_logged(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE outbox SET status = 'logged', last_error = 'no mail server configured' WHERE id = ?");
    q.bind(1, id);
    if (q.exec() == 0) throw Error::not_found("no outbox message " + std::to_string(id));
    attempt_row(db, id, now, false, "no mail server configured; the message is kept in the outbox");
  });
}

void SqliteMail::requeue(int64_t id, const std::string& now) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE outbox SET status = 'queued', next_attempt_at = ? "
                            "WHERE id = ? AND status IN ('failed', 'dead', 'logged')");
    q.bind(1, now);
    q.bind(2, id);
    if (q.exec() == 0) throw Error::conflict("message " + std::to_string(id) + " is not waiting to be sent again");
  });
}

std::optional<OutboxMessage> SqliteMail::find(int64_t id) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM outbox WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_message(q);
}

std::vector<OutboxMessage> SqliteMail::list(const OutboxFilter& f) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols +
                                      " FROM outbox WHERE (?1 = '' OR status = ?1 OR (?1 = 'problem' AND status IN "
                                      "('failed', 'dead'))) AND (?2 = '' OR kind = ?2) AND (?3 = 0 OR campaign_id = ?3) "
                                      "ORDER BY id DESC LIMIT ?4");
  q.bind(1, f.status);
  q.bind(2, f.kind);
  q.bind(3, f.campaign_id);
  q.bind(4, f.limit);
  std::vector<OutboxMessage> out;
  while (q.executeStep()) out.push_back(read_message(q));
  return out;
}

std::vector<MailAttempt> SqliteMail::attempts(int64_t id) {
  SQLite::Statement q(db_.conn(), "SELECT at, ok, error FROM outbox_attempts WHERE outbox_id = ? ORDER BY id");
  q.bind(1, id);
  std::vector<MailAttempt> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt() != 0, q.getColumn(2).getString()});
  return out;
}

OutboxCounts SqliteMail::counts() {
  SQLite::Statement q(db_.conn(), "SELECT status, COUNT(*) FROM outbox GROUP BY status");
  OutboxCounts c;
  while (q.executeStep()) {
    std::string s = q.getColumn(0).getString();
    int n = q.getColumn(1).getInt();
    if (s == "queued") c.queued = n;
    else if (s == "sent") c.sent = n;
    else if (s == "failed") c.failed = n;
    else if (s == "dead") c.dead = n;
    else if (s == "logged") c.logged = n;
  }
  return c;
}

bool SqliteMail::claim_reminder_run(int64_t campaign_id, const std::string& on_date, const std::string& now) {
  bool claimed = false;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT OR IGNORE INTO reminder_runs(campaign_id, on_date, ran_at) VALUES(?, ?, ?)");
    q.bind(1, campaign_id);
    q.bind(2, on_date);
    q.bind(3, now);
    claimed = q.exec() == 1;
  });
  return claimed;
}

void SqliteMail::set_reminder_messages(int64_t campaign_id, const std::string& on_date, int messages) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE reminder_runs SET messages = ? WHERE campaign_id = ? AND on_date = ?");
    q.bind(1, messages);
    q.bind(2, campaign_id);
    q.bind(3, on_date);
    q.exec();
  });
}

std::vector<std::pair<std::string, int>> SqliteMail::reminder_runs(int64_t campaign_id) {
  SQLite::Statement q(db_.conn(), "SELECT on_date, messages FROM reminder_runs WHERE campaign_id = ? ORDER BY on_date");
  q.bind(1, campaign_id);
  std::vector<std::pair<std::string, int>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt());
  return out;
}

}  // namespace dp::storage::sqlite
