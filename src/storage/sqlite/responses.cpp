#include "core/error.h"
#include "storage/sqlite/stores.h"
#include "storage/sqlite/value_codec.h"

namespace dp::storage::sqlite {
using instrument::Value;

static const char* kCols =
    "id, campaign_id, org_code, status, version, COALESCE(updated_at, ''), COALESCE(submitted_at, ''), submitted_by";

static Response read_response(SQLite::Statement& q) {
  Response r;
  r.id = q.getColumn(0).getInt64();
  r.campaign_id = q.getColumn(1).getInt64();
  r.org_code = q.getColumn(2).getString();
  r.status = q.getColumn(3).getString();
  r.version = q.getColumn(4).getInt64();
  r.updated_at = q.getColumn(5).getString();
  r.submitted_at = q.getColumn(6).getString();
  r.submitted_by = q.getColumn(7).getInt64();
  return r;
}

Response SqliteResponses::get_or_create(int64_t campaign_id, const std::string& org_code) {
  {
    SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM responses WHERE campaign_id = ? AND org_code = ?");
    q.bind(1, campaign_id);
    q.bind(2, org_code);
    if (q.executeStep()) return read_response(q);
  }
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO responses(campaign_id, org_code) VALUES(?, ?)");
    ins.bind(1, campaign_id);
    ins.bind(2, org_code);
    ins.exec();
  });
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM responses WHERE campaign_id = ? AND org_code = ?");
  q.bind(1, campaign_id);
  q.bind(2, org_code);
  if (!q.executeStep()) throw Error::internal("response was not created");
  return read_response(q);
}

std::optional<Response> SqliteResponses::find(int64_t id) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM responses WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_response(q);
}

std::vector<Response> SqliteResponses::list(int64_t campaign_id) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM responses WHERE campaign_id = ? ORDER BY org_code");
  q.bind(1, campaign_id);
  std::vector<Response> out;
  while (q.executeStep()) out.push_back(read_response(q));
  return out;
}

std::vector<StoredAnswer> SqliteResponses::answers(int64_t response_id) {
  SQLite::Statement q(db_.conn(), "SELECT item, kind, value, version, updated_at, updated_by FROM answers "
                                  "WHERE response_id = ? AND kind != 0");
  q.bind(1, response_id);
  std::vector<StoredAnswer> out;
  while (q.executeStep()) {
    StoredAnswer a;
    a.item = q.getColumn(0).getString();
    a.value = decode(q.getColumn(1).getInt(), q.getColumn(2).getString());
    a.version = q.getColumn(3).getInt64();
    a.updated_at = q.getColumn(4).getString();
    a.updated_by = q.getColumn(5).getInt64();
    out.push_back(std::move(a));
  }
  return out;
}

namespace {
void audit_row(SQLite::Database& db, int64_t response_id, const std::string& at, int64_t user, const std::string& action,
               const std::string& item, const std::string& old_v, const std::string& new_v, const std::string& note) {
  SQLite::Statement a(db, "INSERT INTO audit_log(response_id, at, user_id, action, item, old_value, new_value, note) "
                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  a.bind(1, response_id);
  a.bind(2, at);
  a.bind(3, user);
  a.bind(4, action);
  a.bind(5, item);
  if (old_v.empty()) a.bind(6); else a.bind(6, old_v);
  if (new_v.empty()) a.bind(7); else a.bind(7, new_v);
  a.bind(8, note);
  a.exec();
}

std::string json_of(const Value& v) { return v.empty() ? std::string() : v.to_json_string(); }
}  // namespace

SaveResult SqliteResponses::save(int64_t response_id, const std::vector<AnswerChange>& changes, int64_t user_id,
                                 const std::string& action) {
  SaveResult res;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement r(db, "SELECT version FROM responses WHERE id = ?");
    r.bind(1, response_id);
    if (!r.executeStep()) throw Error::not_found("no response " + std::to_string(response_id));
    int64_t version = r.getColumn(0).getInt64();
    int64_t next = version + 1;
    std::string at = now_utc();
    SQLite::Statement cur(db, "SELECT kind, value, version, updated_at, updated_by FROM answers WHERE response_id = ? AND item = ?");
    SQLite::Statement up(db, "INSERT INTO answers(response_id, item, kind, value, version, updated_at, updated_by) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(response_id, item) DO UPDATE SET "
                             "kind = excluded.kind, value = excluded.value, version = excluded.version, "
                             "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    for (const auto& ch : changes) {
      cur.reset();
      cur.bind(1, response_id);
      cur.bind(2, ch.item);
      Value old;
      int64_t item_version = 0;
      if (cur.executeStep()) {
        old = decode(cur.getColumn(0).getInt(), cur.getColumn(1).getString());
        item_version = cur.getColumn(2).getInt64();
        if (ch.base_version >= 0 && item_version > ch.base_version && old != ch.value) {
          res.conflicts.push_back({ch.item, old, item_version, cur.getColumn(4).getInt64(), cur.getColumn(3).getString()});
          continue;
        }
      }
      if (old == ch.value) continue;  // nothing changes; no version bump, no audit noise
      auto [kind, text] = encode(ch.value);
      up.reset();
      up.bind(1, response_id);
      up.bind(2, ch.item);
      up.bind(3, kind);
      up.bind(4, text);
      up.bind(5, next);
      up.bind(6, at);
      up.bind(7, user_id);
      up.exec();
      audit_row(db, response_id, at, user_id, action, ch.item, json_of(old), json_of(ch.value), "");
      res.saved.push_back(ch.item);
    }
    if (!res.saved.empty()) {
      SQLite::Statement u(db, "UPDATE responses SET version = ?, updated_at = ?, "
                              "status = CASE WHEN status = 'not_started' THEN 'draft' ELSE status END WHERE id = ?");
      u.bind(1, next);
      u.bind(2, at);
      u.bind(3, response_id);
      u.exec();
      res.version = next;
    } else {
      res.version = version;
    }
  });
  return res;
}

void SqliteResponses::replace(int64_t response_id, const instrument::Answers& answers, const std::string& status,
                              int64_t user_id, const std::string& action, const std::string& note) {
  db_.write([&](SQLite::Database& db) {
    std::vector<AnswerChange> changes;
    SQLite::Statement items(db, "SELECT item FROM answers WHERE response_id = ? AND kind != 0");
    items.bind(1, response_id);
    while (items.executeStep()) {
      std::string item = items.getColumn(0).getString();
      if (!answers.count(item)) changes.push_back({item, Value{}, -1});
    }
    for (const auto& [item, value] : answers) changes.push_back({item, value, -1});
    auto saved = save(response_id, changes, user_id, action);
    // Replacing a response with what it already holds changes nothing: no status entry (with its
    // note) in the audit log and no version bump, so re-importing an unchanged file is a no-op.
    SQLite::Statement cur(db, "SELECT status FROM responses WHERE id = ?");
    cur.bind(1, response_id);
    bool same_status = cur.executeStep() && cur.getColumn(0).getString() == status;
    if (!saved.saved.empty() || !same_status) set_status(response_id, status, user_id, action, note);
  });
}

void SqliteResponses::set_status(int64_t response_id, const std::string& status, int64_t user_id,
                                 const std::string& action, const std::string& note) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement r(db, "SELECT status FROM responses WHERE id = ?");
    r.bind(1, response_id);
    if (!r.executeStep()) throw Error::not_found("no response " + std::to_string(response_id));
    std::string old = r.getColumn(0).getString();
    if (old == status && note.empty()) return;
    std::string at = now_utc();
    SQLite::Statement u(db, "UPDATE responses SET status = ?1, version = version + 1, updated_at = ?2, "
                            "submitted_at = CASE WHEN ?1 = 'submitted' THEN ?2 ELSE submitted_at END, "
                            "submitted_by = CASE WHEN ?1 = 'submitted' THEN ?3 ELSE submitted_by END WHERE id = ?4");
    u.bind(1, status);
    u.bind(2, at);
    u.bind(3, user_id);
    u.bind(4, response_id);
    u.exec();
    audit_row(db, response_id, at, user_id, action, "", "\"" + old + "\"", "\"" + status + "\"", note);
  });
}

std::vector<AuditEntry> SqliteResponses::audit(int64_t response_id) {
  SQLite::Statement q(db_.conn(), "SELECT id, response_id, at, user_id, action, item, COALESCE(old_value, ''), "
                                  "COALESCE(new_value, ''), note FROM audit_log WHERE response_id = ? ORDER BY id");
  q.bind(1, response_id);
  std::vector<AuditEntry> out;
  while (q.executeStep()) {
    AuditEntry e;
    e.id = q.getColumn(0).getInt64();
    e.response_id = q.getColumn(1).getInt64();
    e.at = q.getColumn(2).getString();
    e.user_id = q.getColumn(3).getInt64();
    e.action = q.getColumn(4).getString();
    e.item = q.getColumn(5).getString();
    e.old_value = q.getColumn(6).getString();
    e.new_value = q.getColumn(7).getString();
    e.note = q.getColumn(8).getString();
    out.push_back(e);
  }
  return out;
}

void SqliteResponses::for_each_answer(
    int64_t campaign_id,
    const std::function<void(const std::string&, const std::string&, const std::string&, const Value&)>& fn) {
  SQLite::Statement q(db_.conn(), "SELECT r.org_code, r.status, a.item, a.kind, a.value FROM responses r "
                                  "JOIN answers a ON a.response_id = r.id WHERE r.campaign_id = ? AND a.kind != 0 "
                                  "ORDER BY r.org_code");
  q.bind(1, campaign_id);
  while (q.executeStep())
    fn(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
       decode(q.getColumn(3).getInt(), q.getColumn(4).getString()));
}

}  // namespace dp::storage::sqlite
