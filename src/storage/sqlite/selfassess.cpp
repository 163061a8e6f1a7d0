// SQLite storage of self-assessments (storage/selfassess_store.h; tables in migrations/selfassess/).
#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const std::string kAssessmentCols =
    "id, org_code, year, part, instrument_id, status, plan_level, publish_overall, publish_target_groups, created_by, "
    "created_at, COALESCE(completed_at, '')";

const std::string kParticipantCols = "id, assessment_id, name, email, token_digest, invited_at";

const char* kInsertAssessment = R"SQL(
  INSERT INTO sa_assessments(org_code, year, part, instrument_id, status, plan_level, publish_overall,
                             publish_target_groups, created_by, created_at)
  VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?))SQL";

const char* kUpdateAssessment = R"SQL(
  UPDATE sa_assessments SET status = ?1,
    completed_at = CASE WHEN ?1 = 'completed' THEN COALESCE(completed_at, ?2) ELSE NULL END,
    plan_level = ?3, publish_overall = ?4, publish_target_groups = ?5
  WHERE id = ?6)SQL";

const char* kPutIndividual = R"SQL(
  INSERT INTO sa_individual(assessment_id, participant_id, indicator, rating, comment, updated_at)
  VALUES(?, ?, ?, ?, ?, ?)
  ON CONFLICT(assessment_id, participant_id, indicator)
  DO UPDATE SET rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at)SQL";

const char* kPutAgreed = R"SQL(
  INSERT INTO sa_agreed(assessment_id, indicator, rating, comment, evidence_url, evidence_note, source,
                        register_value, updated_by, updated_at)
  VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(assessment_id, indicator) DO UPDATE SET
    rating = excluded.rating, comment = excluded.comment, evidence_url = excluded.evidence_url,
    evidence_note = excluded.evidence_note, source = excluded.source, register_value = excluded.register_value,
    updated_by = excluded.updated_by, updated_at = excluded.updated_at)SQL";

const char* kInsertPlanItem = R"SQL(
  INSERT INTO sa_plan_items(assessment_id, indicator, measure_no, measure_sv, measure_en, priority, position,
                            owner, due_date, status, comment, followup)
  VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))SQL";

Assessment read_assessment(Row& r) {
  Assessment a;
  a.id = r.int64();
  a.org_code = r.text();
  a.year = r.integer();
  a.part = r.text();
  a.instrument_id = r.text();
  a.status = parse_assessment_status(r.text(), {"", 0, 0, "sa_assessments.status"});
  a.plan_level = r.text();
  a.publish_overall = r.flag();
  a.publish_target_groups = r.flag();
  a.created_by = r.int64();
  a.created_at = r.text();
  a.completed_at = r.text();
  return a;
}

Participant read_participant(Row& r) {
  Participant p;
  p.id = r.int64();
  p.assessment_id = r.int64();
  p.name = r.text();
  p.email = r.text();
  p.token_digest = r.text();
  p.invited_at = r.text();
  return p;
}

IndividualRating read_individual(Row& r) {
  IndividualRating i;
  i.participant_id = r.int64();
  i.indicator = r.text();
  i.rating = r.text();
  i.comment = r.text();
  return i;
}

AgreedRating read_agreed(Row& r) {
  AgreedRating a;
  a.indicator = r.text();
  a.rating = r.text();
  a.comment = r.text();
  a.evidence_url = r.text();
  a.evidence_note = r.text();
  a.source = r.text();
  a.register_value = r.opt_real();
  a.updated_by = r.int64();
  a.updated_at = r.text();
  return a;
}

PlanItem read_plan_item(Row& r) {
  PlanItem p;
  p.id = r.int64();
  p.assessment_id = r.int64();
  p.indicator = r.text();
  p.measure_no = r.integer();
  p.measure_sv = r.text();
  p.measure_en = r.text();
  p.priority = r.real();
  p.position = r.integer();
  p.owner = r.text();
  p.due_date = r.text();
  p.status = parse_plan_status(r.text(), {"", 0, 0, "sa_plan_items.status"});
  p.comment = r.text();
  p.followup = r.text();
  return p;
}

}  // namespace

int64_t SqliteSelfAssess::create(const Assessment& a) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    if (number(db, "SELECT COUNT(*) FROM sa_assessments WHERE org_code = ? AND year = ? AND part = ?", a.org_code,
               a.year, a.part) > 0)
      throw Error::conflict("the organisation already has a self-assessment for " + std::to_string(a.year) +
                            (a.part.empty() ? "" : " (" + a.part + ")"));
    run(db, kInsertAssessment, a.org_code, a.year, a.part, a.instrument_id, to_string(a.status), a.plan_level,
        a.publish_overall, a.publish_target_groups, a.created_by, now_utc());
    id = db.getLastInsertRowid();
  });
  return id;
}

std::optional<Assessment> SqliteSelfAssess::find(int64_t id) {
  return one(db_.conn(), "SELECT " + kAssessmentCols + " FROM sa_assessments WHERE id = ?", read_assessment, id);
}

std::vector<Assessment> SqliteSelfAssess::list_for_org(const std::string& org_code) {
  return all(db_.conn(),
             "SELECT " + kAssessmentCols + " FROM sa_assessments WHERE org_code = ? ORDER BY year DESC, part, id DESC",
             read_assessment, org_code);
}

std::vector<Assessment> SqliteSelfAssess::list_all() {
  return all(db_.conn(), "SELECT " + kAssessmentCols + " FROM sa_assessments ORDER BY year, org_code, part",
             read_assessment);
}

void SqliteSelfAssess::update(const Assessment& a) {
  db_.write([&](SQLite::Database& db) {
    if (run(db, kUpdateAssessment, to_string(a.status), now_utc(), a.plan_level, a.publish_overall,
            a.publish_target_groups, a.id) == 0)
      throw Error::not_found("no self-assessment " + std::to_string(a.id));
  });
}

int64_t SqliteSelfAssess::add_participant(const Participant& p) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    if (number(db, "SELECT COUNT(*) FROM sa_participants WHERE assessment_id = ? AND email = ?", p.assessment_id,
               p.email) > 0)
      throw Error::conflict(p.email + " is already invited to this self-assessment");
    run(db, "INSERT INTO sa_participants(assessment_id, name, email, token_digest, invited_at) VALUES(?, ?, ?, ?, ?)",
        p.assessment_id, p.name, p.email, p.token_digest, now_utc());
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<Participant> SqliteSelfAssess::participants(int64_t assessment_id) {
  return all(db_.conn(), "SELECT " + kParticipantCols + " FROM sa_participants WHERE assessment_id = ? ORDER BY id",
             read_participant, assessment_id);
}

std::optional<Participant> SqliteSelfAssess::participant_by_token(const std::string& token_digest) {
  return one(db_.conn(), "SELECT " + kParticipantCols + " FROM sa_participants WHERE token_digest = ?",
             read_participant, token_digest);
}

void SqliteSelfAssess::put_individual(int64_t assessment_id, const IndividualRating& r) {
  db_.write([&](SQLite::Database& db) {
    if (r.rating.empty())
      run(db, "DELETE FROM sa_individual WHERE assessment_id = ? AND participant_id = ? AND indicator = ?",
          assessment_id, r.participant_id, r.indicator);
    else run(db, kPutIndividual, assessment_id, r.participant_id, r.indicator, r.rating, r.comment, now_utc());
  });
}

std::vector<IndividualRating> SqliteSelfAssess::individual(int64_t assessment_id) {
  return all(db_.conn(),
             "SELECT participant_id, indicator, rating, comment FROM sa_individual WHERE assessment_id = ? "
             "ORDER BY indicator, participant_id",
             read_individual, assessment_id);
}

void SqliteSelfAssess::put_agreed(int64_t assessment_id, const AgreedRating& r) {
  db_.write([&](SQLite::Database& db) {
    if (r.rating.empty())
      run(db, "DELETE FROM sa_agreed WHERE assessment_id = ? AND indicator = ?", assessment_id, r.indicator);
    else
      run(db, kPutAgreed, assessment_id, r.indicator, r.rating, r.comment, r.evidence_url, r.evidence_note, r.source,
          r.register_value, r.updated_by, now_utc());
  });
}

std::vector<AgreedRating> SqliteSelfAssess::agreed(int64_t assessment_id) {
  return all(db_.conn(),
             "SELECT indicator, rating, comment, evidence_url, evidence_note, source, register_value, updated_by, "
             "updated_at FROM sa_agreed WHERE assessment_id = ? ORDER BY indicator",
             read_agreed, assessment_id);
}

void SqliteSelfAssess::replace_plan(int64_t assessment_id, const std::vector<PlanItem>& items) {
  db_.write([&](SQLite::Database& db) {
    run(db, "DELETE FROM sa_plan_items WHERE assessment_id = ?", assessment_id);
    int position = 0;
    for (const auto& it : items)
      run(db, kInsertPlanItem, assessment_id, it.indicator, it.measure_no, it.measure_sv, it.measure_en, it.priority,
          ++position, it.owner, it.due_date, to_string(it.status), it.comment, it.followup);
  });
}

std::vector<PlanItem> SqliteSelfAssess::plan(int64_t assessment_id) {
  return all(db_.conn(),
             "SELECT id, assessment_id, indicator, measure_no, measure_sv, measure_en, priority, position, owner, "
             "due_date, status, comment, followup FROM sa_plan_items WHERE assessment_id = ? ORDER BY position",
             read_plan_item, assessment_id);
}

void SqliteSelfAssess::update_plan_item(int64_t assessment_id, const PlanItem& it) {
  db_.write([&](SQLite::Database& db) {
    if (run(db,
            "UPDATE sa_plan_items SET owner = ?, due_date = ?, status = ?, comment = ?, followup = ? "
            "WHERE id = ? AND assessment_id = ?",
            it.owner, it.due_date, to_string(it.status), it.comment, it.followup, it.id, assessment_id) == 0)
      throw Error::not_found("action-plan item " + std::to_string(it.id) + " is not in this plan");
  });
}

}  // namespace dp::storage::sqlite
