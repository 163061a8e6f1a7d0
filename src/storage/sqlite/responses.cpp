#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"
#include "storage/sqlite/value_codec.h"

namespace dp::storage::sqlite {
using instrument::Value;

namespace {

const std::string kCols =
    "id, campaign_id, org_code, status, version, COALESCE(updated_at, ''), COALESCE(submitted_at, ''), submitted_by";

const char* kUpsertAnswer = R"SQL(
  INSERT INTO answers(response_id, item, kind, value, version, updated_at, updated_by, outside_routing)
  VALUES(?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(response_id, item) DO UPDATE SET kind = excluded.kind, value = excluded.value, version = excluded.version,
    updated_at = excluded.updated_at, updated_by = excluded.updated_by, outside_routing = excluded.outside_routing)SQL";

const std::string kAnswerCols = "item, kind, value, version, updated_at, updated_by, outside_routing";

const char* kSetStatus = R"SQL(
  UPDATE responses SET status = ?1, version = version + 1, updated_at = ?2,
    submitted_at = CASE WHEN ?1 = 'submitted' THEN ?2 ELSE submitted_at END,
    submitted_by = CASE WHEN ?1 = 'submitted' THEN ?3 ELSE submitted_by END
  WHERE id = ?4)SQL";

Response read_response(Row& r) {
  Response x;
  x.id = r.int64();
  x.campaign_id = r.int64();
  x.org_code = r.text();
  x.status = parse_response_status(r.text(), {"", 0, 0, "responses.status"});
  x.version = r.int64();
  x.updated_at = r.text();
  x.submitted_at = r.text();
  x.submitted_by = r.int64();
  return x;
}

StoredAnswer read_answer(Row& r) {
  StoredAnswer a;
  a.item = r.text();
  int kind = r.integer();
  a.value = decode(kind, r.text());
  a.version = r.int64();
  a.updated_at = r.text();
  a.updated_by = r.int64();
  a.outside_routing = r.integer() != 0;
  return a;
}

AuditEntry read_audit(Row& r) {
  AuditEntry e;
  e.id = r.int64();
  e.response_id = r.int64();
  e.at = r.text();
  e.user_id = r.int64();
  e.action = r.text();
  e.item = r.text();
  e.old_value = r.text();
  e.new_value = r.text();
  e.note = r.text();
  return e;
}

void audit_row(SQLite::Database& db, int64_t response_id, const std::string& at, int64_t user,
               const std::string& action, const std::string& item, const std::string& old_v, const std::string& new_v,
               const std::string& note) {
  run(db,
      "INSERT INTO audit_log(response_id, at, user_id, action, item, old_value, new_value, note) VALUES(?, ?, ?, ?, ?, "
      "?, ?, ?)",
      response_id, at, user, action, item, nullable(old_v), nullable(new_v), note);
}

std::string json_of(const Value& v) { return v.empty() ? std::string() : v.to_json_string(); }

}  // namespace

Response SqliteResponses::get_or_create(int64_t campaign_id, const std::string& org_code) {
  const std::string select = "SELECT " + kCols + " FROM responses WHERE campaign_id = ? AND org_code = ?";
  if (auto r = one(db_.conn(), select, read_response, campaign_id, org_code)) return *r;
  db_.write([&](SQLite::Database& db) {
    run(db, "INSERT OR IGNORE INTO responses(campaign_id, org_code) VALUES(?, ?)", campaign_id, org_code);
  });
  auto r = one(db_.conn(), select, read_response, campaign_id, org_code);
  if (!r) throw Error::internal("response was not created");
  return *r;
}

std::optional<Response> SqliteResponses::find(int64_t id) {
  return one(db_.conn(), "SELECT " + kCols + " FROM responses WHERE id = ?", read_response, id);
}

std::vector<Response> SqliteResponses::list(int64_t campaign_id) {
  return all(db_.conn(), "SELECT " + kCols + " FROM responses WHERE campaign_id = ? ORDER BY org_code", read_response,
             campaign_id);
}

std::vector<StoredAnswer> SqliteResponses::answers(int64_t response_id) {
  return all(db_.conn(), "SELECT " + kAnswerCols + " FROM answers WHERE response_id = ? AND kind != 0", read_answer,
             response_id);
}

SaveResult SqliteResponses::save(int64_t response_id, const std::vector<AnswerChange>& changes, int64_t user_id,
                                 const std::string& action) {
  SaveResult res;
  db_.write([&](SQLite::Database& db) {
    auto version = one(
        db, "SELECT version FROM responses WHERE id = ?", [](Row& r) { return r.int64(); }, response_id);
    if (!version) throw Error::not_found("no response " + std::to_string(response_id));
    int64_t next = *version + 1;
    std::string at = now_utc();
    SQLite::Statement cur(db, "SELECT " + kAnswerCols + " FROM answers WHERE response_id = ? AND item = ?");
    SQLite::Statement up(db, kUpsertAnswer);
    for (const auto& ch : changes) {
      cur.reset();
      bind_all(cur, response_id, ch.item);
      Value old;
      bool old_flag = false;
      if (cur.executeStep()) {
        Row row(cur);
        auto stored = read_answer(row);
        old = stored.value;
        old_flag = stored.outside_routing;
        if (ch.base_version >= 0 && stored.version > ch.base_version && old != ch.value) {
          res.conflicts.push_back({ch.item, old, stored.version, stored.updated_by, stored.updated_at});
          continue;
        }
      }
      bool flag = ch.outside_routing && !ch.value.empty();
      if (old == ch.value && old_flag == flag) continue;  // nothing changes; no version bump, no audit noise
      auto [kind, text] = encode(ch.value);
      up.reset();
      bind_all(up, response_id, ch.item, kind, text, next, at, user_id, flag ? 1 : 0);
      up.exec();
      audit_row(db, response_id, at, user_id, action, ch.item, json_of(old), json_of(ch.value),
                flag ? "outside today's routing" : "");
      res.saved.push_back(ch.item);
    }
    if (res.saved.empty()) {
      res.version = *version;
      return;
    }
    run(db,
        "UPDATE responses SET version = ?, updated_at = ?, status = CASE WHEN status = 'not_started' THEN 'draft' "
        "ELSE status END WHERE id = ?",
        next, at, response_id);
    res.version = next;
  });
  return res;
}

void SqliteResponses::replace(int64_t response_id, const instrument::Answers& answers, ResponseStatus status,
                              int64_t user_id, const std::string& action, const std::string& note,
                              const std::set<std::string>& outside_routing) {
  db_.write([&](SQLite::Database& db) {
    std::vector<AnswerChange> changes;
    for (const auto& item : all(
             db, "SELECT item FROM answers WHERE response_id = ? AND kind != 0", [](Row& r) { return r.text(); },
             response_id))
      if (!answers.count(item)) changes.push_back({item, Value{}, -1});
    for (const auto& [item, value] : answers) changes.push_back({item, value, -1, outside_routing.count(item) > 0});
    auto saved = save(response_id, changes, user_id, action);
    // Replacing a response with what it already holds changes nothing: no status entry (with its
    // note) in the audit log and no version bump, so re-importing an unchanged file is a no-op.
    auto current = one(
        db, "SELECT status FROM responses WHERE id = ?", [](Row& r) { return r.text(); }, response_id);
    if (!saved.saved.empty() || current != to_string(status)) set_status(response_id, status, user_id, action, note);
  });
}

void SqliteResponses::set_status(int64_t response_id, ResponseStatus to, int64_t user_id, const std::string& action,
                                 const std::string& note) {
  db_.write([&](SQLite::Database& db) {
    auto old = one(
        db, "SELECT status FROM responses WHERE id = ?", [](Row& r) { return r.text(); }, response_id);
    if (!old) throw Error::not_found("no response " + std::to_string(response_id));
    std::string status = to_string(to);
    if (*old == status && note.empty()) return;
    std::string at = now_utc();
    run(db, kSetStatus, status, at, user_id, response_id);
    audit_row(db, response_id, at, user_id, action, "", "\"" + *old + "\"", "\"" + status + "\"", note);
  });
}

std::vector<AuditEntry> SqliteResponses::audit(int64_t response_id) {
  return all(
      db_.conn(),
      "SELECT id, response_id, at, user_id, action, item, COALESCE(old_value, ''), COALESCE(new_value, ''), note "
      "FROM audit_log WHERE response_id = ? ORDER BY id",
      read_audit, response_id);
}

void SqliteResponses::keep_revision_answers(int64_t run_id, const std::map<std::string, instrument::Answers>& by_org) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(
        db, "INSERT OR IGNORE INTO stat_run_answers(run_id, org_code, item, kind, value) VALUES(?, ?, ?, ?, ?)");
    for (const auto& [org, answers] : by_org)
      for (const auto& [item, value] : answers) {
        auto [kind, text] = encode(value);
        if (kind == 0) continue;
        q.reset();
        bind_all(q, run_id, org, item, kind, text);
        q.exec();
      }
  });
}

instrument::Answers SqliteResponses::revision_answers(int64_t run_id, const std::string& org_code) {
  instrument::Answers out;
  auto rows = all(
      db_.conn(), "SELECT item, kind, value FROM stat_run_answers WHERE run_id = ? AND org_code = ?",
      [](Row& r) {
        std::string item = r.text();
        int kind = r.integer();
        return std::pair(item, decode(kind, r.text()));
      },
      run_id, org_code);
  for (auto& [item, value] : rows) out.emplace(std::move(item), std::move(value));
  return out;
}

std::map<std::string, std::set<std::string>> SqliteResponses::outside_routing(int64_t campaign_id) {
  std::map<std::string, std::set<std::string>> out;
  auto rows = all(
      db_.conn(),
      "SELECT r.org_code, a.item FROM responses r JOIN answers a ON a.response_id = r.id "
      "WHERE r.campaign_id = ? AND a.kind != 0 AND a.outside_routing != 0",
      [](Row& r) {
        std::string org = r.text();
        return std::pair(org, r.text());
      },
      campaign_id);
  for (auto& [org, item] : rows) out[org].insert(std::move(item));
  return out;
}

void SqliteResponses::for_each_answer(
    int64_t campaign_id,
    const std::function<void(const std::string&, ResponseStatus, const std::string&, const Value&)>& fn) {
  // Streamed row by row (a campaign can be large): not collected with all().
  SQLite::Statement q(db_.conn(),
                      "SELECT r.org_code, r.status, a.item, a.kind, a.value FROM responses r JOIN answers a ON "
                      "a.response_id = r.id WHERE r.campaign_id = ? AND a.kind != 0 ORDER BY r.org_code");
  bind_all(q, campaign_id);
  while (q.executeStep()) {
    Row r(q);
    std::string org = r.text();
    ResponseStatus status = parse_response_status(r.text(), {"", 0, 0, "responses.status"});
    std::string item = r.text();
    int kind = r.integer();
    fn(org, status, item, decode(kind, r.text()));
  }
}

}  // namespace dp::storage::sqlite
