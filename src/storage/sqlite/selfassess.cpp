// SQLite storage of self-assessments (storage/selfassess_store.h; tables in schema_selfassess.cpp).
#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

static const char* kAssessmentCols =
    "id, org_code, year, part, instrument_id, status, plan_level, publish_overall, publish_target_groups, created_by, "
    "created_at, COALESCE(completed_at, '')";

static Assessment read_assessment(SQLite::Statement& q) {
  Assessment a;
  a.id = q.getColumn(0).getInt64();
  a.org_code = q.getColumn(1).getString();
  a.year = q.getColumn(2).getInt();
  a.part = q.getColumn(3).getString();
  a.instrument_id = q.getColumn(4).getString();
  a.status = q.getColumn(5).getString();
  a.plan_level = q.getColumn(6).getString();
  a.publish_overall = q.getColumn(7).getInt() != 0;
  a.publish_target_groups = q.getColumn(8).getInt() != 0;
  a.created_by = q.getColumn(9).getInt64();
  a.created_at = q.getColumn(10).getString();
  a.completed_at = q.getColumn(11).getString();
  return a;
}

int64_t SqliteSelfAssess::create(const Assessment& a) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement dup(db, "SELECT 1 FROM sa_assessments WHERE org_code = ? AND year = ? AND part = ?");
    dup.bind(1, a.org_code);
    dup.bind(2, a.year);
    dup.bind(3, a.part);
    if (dup.executeStep())
      throw Error::conflict("the organisation already has a self-assessment for " + std::to_string(a.year) +
                            (a.part.empty() ? "" : " (" + a.part + ")"));
    SQLite::Statement q(db, R"SQL(
      INSERT INTO sa_assessments(org_code, year, part, instrument_id, status, plan_level, publish_overall,
                                 publish_target_groups, created_by, created_at)
      VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?))SQL");
    q.bind(1, a.org_code);
    q.bind(2, a.year);
    q.bind(3, a.part);
    q.bind(4, a.instrument_id);
    q.bind(5, a.status);
    q.bind(6, a.plan_level);
    q.bind(7, a.publish_overall ? 1 : 0);
    q.bind(8, a.publish_target_groups ? 1 : 0);
    q.bind(9, a.created_by);
    q.bind(10, now_utc());
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<Assessment> SqliteSelfAssess::query(const std::string& where, const std::string& arg) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kAssessmentCols + " FROM sa_assessments " + where);
  if (!arg.empty()) q.bind(1, arg);
  std::vector<Assessment> out;
  while (q.executeStep()) out.push_back(read_assessment(q));
  return out;
}

std::optional<Assessment> SqliteSelfAssess::find(int64_t id) {
  auto v = query("WHERE id = ?", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Assessment> SqliteSelfAssess::list_for_org(const std::string& org_code) {
  return query("WHERE org_code = ? ORDER BY year DESC, part, id DESC", org_code);
}

std::vector<Assessment> SqliteSelfAssess::list_all() { return query("ORDER BY year, org_code, part", ""); }

void SqliteSelfAssess::update(const Assessment& a) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, R"SQL(
      UPDATE sa_assessments SET status = ?1,
        completed_at = CASE WHEN ?1 = 'completed' THEN COALESCE(completed_at, ?2) ELSE NULL END,
        plan_level = ?3, publish_overall = ?4, publish_target_groups = ?5
      WHERE id = ?6)SQL");
    q.bind(1, a.status);
    q.bind(2, now_utc());
    q.bind(3, a.plan_level);
    q.bind(4, a.publish_overall ? 1 : 0);
    q.bind(5, a.publish_target_groups ? 1 : 0);
    q.bind(6, a.id);
    if (q.exec() == 0) throw Error::not_found("no self-assessment " + std::to_string(a.id));
  });
}

int64_t SqliteSelfAssess::add_participant(const Participant& p) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement dup(db, "SELECT 1 FROM sa_participants WHERE assessment_id = ? AND email = ?");
    dup.bind(1, p.assessment_id);
    dup.bind(2, p.email);
    if (dup.executeStep()) throw Error::conflict(p.email + " is already invited to this self-assessment");
    SQLite::Statement q(db, "INSERT INTO sa_participants(assessment_id, name, email, token_digest, invited_at) VALUES(?, ?, ?, ?, ?)");
    q.bind(1, p.assessment_id);
    q.bind(2, p.name);
    q.bind(3, p.email);
    q.bind(4, p.token_digest);
    q.bind(5, now_utc());
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

static Participant read_participant(SQLite::Statement& q) {
  Participant p;
  p.id = q.getColumn(0).getInt64();
  p.assessment_id = q.getColumn(1).getInt64();
  p.name = q.getColumn(2).getString();
  p.email = q.getColumn(3).getString();
  p.token_digest = q.getColumn(4).getString();
  p.invited_at = q.getColumn(5).getString();
  return p;
}

std::vector<Participant> SqliteSelfAssess::participants(int64_t assessment_id) {
  SQLite::Statement q(db_.conn(),
                      "SELECT id, assessment_id, name, email, token_digest, invited_at FROM sa_participants "
                      "WHERE assessment_id = ? ORDER BY id");
  q.bind(1, assessment_id);
  std::vector<Participant> out;
  while (q.executeStep()) out.push_back(read_participant(q));
  return out;
}

std::optional<Participant> SqliteSelfAssess::participant_by_token(const std::string& token_digest) {
  SQLite::Statement q(db_.conn(),
                      "SELECT id, assessment_id, name, email, token_digest, invited_at FROM sa_participants "
                      "WHERE token_digest = ?");
  q.bind(1, token_digest);
  if (!q.executeStep()) return std::nullopt;
  return read_participant(q);
}

void SqliteSelfAssess::put_individual(int64_t assessment_id, const IndividualRating& r) {
  db_.write([&](SQLite::Database& db) {
    if (r.rating.empty()) {
      SQLite::Statement q(db, "DELETE FROM sa_individual WHERE assessment_id = ? AND participant_id = ? AND indicator = ?");
      q.bind(1, assessment_id);
      q.bind(2, r.participant_id);
      q.bind(3, r.indicator);
      q.exec();
      return;
    }
    SQLite::Statement q(db, R"SQL(
      INSERT INTO sa_individual(assessment_id, participant_id, indicator, rating, comment, updated_at)
      VALUES(?, ?, ?, ?, ?, ?)
      ON CONFLICT(assessment_id, participant_id, indicator)
      DO UPDATE SET rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at)SQL");
    q.bind(1, assessment_id);
    q.bind(2, r.participant_id);
    q.bind(3, r.indicator);
    q.bind(4, r.rating);
    q.bind(5, r.comment);
    q.bind(6, now_utc());
    q.exec();
  });
}

std::vector<IndividualRating> SqliteSelfAssess::individual(int64_t assessment_id) {
  SQLite::Statement q(db_.conn(),
                      "SELECT participant_id, indicator, rating, comment FROM sa_individual WHERE assessment_id = ? "
                      "ORDER BY indicator, participant_id");
  q.bind(1, assessment_id);
  std::vector<IndividualRating> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

void SqliteSelfAssess::put_agreed(int64_t assessment_id, const AgreedRating& r) {
  db_.write([&](SQLite::Database& db) {
    if (r.rating.empty()) {
      SQLite::Statement q(db, "DELETE FROM sa_agreed WHERE assessment_id = ? AND indicator = ?");
      q.bind(1, assessment_id);
      q.bind(2, r.indicator);
      q.exec();
      return;
    }
    SQLite::Statement q(db, R"SQL(
      INSERT INTO sa_agreed(assessment_id, indicator, rating, comment, evidence_url, evidence_note, source,
                            register_value, updated_by, updated_at)
      VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(assessment_id, indicator) DO UPDATE SET
        rating = excluded.rating, comment = excluded.comment, evidence_url = excluded.evidence_url,
        evidence_note = excluded.evidence_note, source = excluded.source, register_value = excluded.register_value,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at)SQL");
    q.bind(1, assessment_id);
    q.bind(2, r.indicator);
    q.bind(3, r.rating);
    q.bind(4, r.comment);
    q.bind(5, r.evidence_url);
    q.bind(6, r.evidence_note);
    q.bind(7, r.source);
    if (r.register_value) q.bind(8, *r.register_value); else q.bind(8);
    q.bind(9, r.updated_by);
    q.bind(10, now_utc());
    q.exec();
  });
}

std::vector<AgreedRating> SqliteSelfAssess::agreed(int64_t assessment_id) {
  SQLite::Statement q(db_.conn(), R"SQL(
    SELECT indicator, rating, comment, evidence_url, evidence_note, source, register_value, updated_by, updated_at
    FROM sa_agreed WHERE assessment_id = ? ORDER BY indicator)SQL");
  q.bind(1, assessment_id);
  std::vector<AgreedRating> out;
  while (q.executeStep()) {
    AgreedRating r;
    r.indicator = q.getColumn(0).getString();
    r.rating = q.getColumn(1).getString();
    r.comment = q.getColumn(2).getString();
    r.evidence_url = q.getColumn(3).getString();
    r.evidence_note = q.getColumn(4).getString();
    r.source = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) r.register_value = q.getColumn(6).getDouble();
    r.updated_by = q.getColumn(7).getInt64();
    r.updated_at = q.getColumn(8).getString();
    out.push_back(r);
  }
  return out;
}

void SqliteSelfAssess::replace_plan(int64_t assessment_id, const std::vector<PlanItem>& items) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement del(db, "DELETE FROM sa_plan_items WHERE assessment_id = ?");
    del.bind(1, assessment_id);
    del.exec();
    int pos = 0;
    for (const auto& it : items) {
      SQLite::Statement q(db, R"SQL(
        INSERT INTO sa_plan_items(assessment_id, indicator, measure_no, measure_sv, measure_en, priority, position,
                                  owner, due_date, status, comment, followup)
        VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))SQL");
      q.bind(1, assessment_id);
      q.bind(2, it.indicator);
      q.bind(3, it.measure_no);
      q.bind(4, it.measure_sv);
      q.bind(5, it.measure_en);
      q.bind(6, it.priority);
      q.bind(7, ++pos);
      q.bind(8, it.owner);
      q.bind(9, it.due_date);
      q.bind(10, it.status);
      q.bind(11, it.comment);
      q.bind(12, it.followup);
      q.exec();
    }
  });
}

std::vector<PlanItem> SqliteSelfAssess::plan(int64_t assessment_id) {
  SQLite::Statement q(db_.conn(), R"SQL(
    SELECT id, assessment_id, indicator, measure_no, measure_sv, measure_en, priority, position, owner, due_date,
           status, comment, followup
    FROM sa_plan_items WHERE assessment_id = ? ORDER BY position)SQL");
  q.bind(1, assessment_id);
  std::vector<PlanItem> out;
  while (q.executeStep()) {
    PlanItem p;
    p.id = q.getColumn(0).getInt64();
    p.assessment_id = q.getColumn(1).getInt64();
    p.indicator = q.getColumn(2).getString();
    p.measure_no = q.getColumn(3).getInt();
    p.measure_sv = q.getColumn(4).getString();
    p.measure_en = q.getColumn(5).getString();
    p.priority = q.getColumn(6).getDouble();
    p.position = q.getColumn(7).getInt();
    p.owner = q.getColumn(8).getString();
    p.due_date = q.getColumn(9).getString();
    p.status = q.getColumn(10).getString();
    p.comment = q.getColumn(11).getString();
    p.followup = q.getColumn(12).getString();
    out.push_back(p);
  }
  return out;
}

void SqliteSelfAssess::update_plan_item(int64_t assessment_id, const PlanItem& it) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, R"SQL(
      UPDATE sa_plan_items SET owner = ?, due_date = ?, status = ?, comment = ?, followup = ?
      WHERE id = ? AND assessment_id = ?)SQL");
    q.bind(1, it.owner);
    q.bind(2, it.due_date);
    q.bind(3, it.status);
    q.bind(4, it.comment);
    q.bind(5, it.followup);
    q.bind(6, it.id);
    q.bind(7, assessment_id);
    if (q.exec() == 0) throw Error::not_found("action-plan item " + std::to_string(it.id) + " is not in this plan");
  });
}

}  // namespace dp::storage::sqlite
