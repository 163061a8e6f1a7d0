#pragma once
// Self-assessments (docs/selfassessment.md): an assessment of one organisation (or a part of it)
// for a year on a maturity instrument; its participants with personal links; their individual
// ratings; the agreed ratings the facilitator records; the action plan.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/selfassess_status.h"

namespace dp::storage {

struct Assessment {
  int64_t id = 0;
  std::string org_code;
  int year = 0;
  std::string part;  // "" = the whole organisation; otherwise e.g. "Äldreomsorgen"
  std::string instrument_id;
  AssessmentStatus status = AssessmentStatus::Open;
  std::string plan_level = "nastan";   // indicators rated below this scale option go into the plan
  bool publish_overall = false;        // the public page shows the overall score and the areas
  bool publish_target_groups = false;  // ... and the target groups
  int64_t created_by = 0;
  std::string created_at;
  std::string completed_at;
};

struct Participant {
  int64_t id = 0;
  int64_t assessment_id = 0;
  std::string name;
  std::string email;
  std::string token_digest;  // digest of the personal link's token; the token itself is never stored
  std::string invited_at;
};

struct IndividualRating {
  int64_t participant_id = 0;
  std::string indicator;
  std::string rating;
  std::string comment;
};

struct AgreedRating {
  std::string indicator;
  std::string rating;
  std::string comment;
  std::string evidence_url;
  std::string evidence_note;
  std::string source = "workshop";       // workshop | register
  std::optional<double> register_value;  // the key-figure value when source = register
  int64_t updated_by = 0;
  std::string updated_at;
};

struct PlanItem {
  int64_t id = 0;
  int64_t assessment_id = 0;
  std::string indicator;
  int measure_no = 0;
  std::string measure_sv, measure_en;
  double priority = 0;
  int position = 0;  // order in the plan (1 = first)
  std::string owner;
  std::string due_date;  // YYYY-MM-DD or ""
  PlanStatus status = PlanStatus::Planned;
  std::string comment;
  std::string followup;  // what was done, recorded at next year's assessment
};

class SelfAssessStore {
 public:
  virtual ~SelfAssessStore() = default;

  // Throws Conflict when the organisation already has an assessment for that year and part.
  virtual int64_t create(const Assessment& a) = 0;
  virtual std::optional<Assessment> find(int64_t id) = 0;
  virtual std::vector<Assessment> list_for_org(const std::string& org_code) = 0;  // newest first
  virtual std::vector<Assessment> list_all() = 0;
  // Saves status, plan_level and the publication choices; completed_at is stamped when the status
  // becomes completed and cleared when it is reopened.
  virtual void update(const Assessment& a) = 0;

  virtual int64_t add_participant(const Participant& p) = 0;  // Conflict for a repeated e-mail
  virtual std::vector<Participant> participants(int64_t assessment_id) = 0;
  virtual std::optional<Participant> participant_by_token(const std::string& token_digest) = 0;

  // An empty rating removes the participant's rating of that indicator.
  virtual void put_individual(int64_t assessment_id, const IndividualRating& r) = 0;
  virtual std::vector<IndividualRating> individual(int64_t assessment_id) = 0;

  // An empty rating removes the agreed rating.
  virtual void put_agreed(int64_t assessment_id, const AgreedRating& r) = 0;
  virtual std::vector<AgreedRating> agreed(int64_t assessment_id) = 0;

  // Replaces the plan with `items` (in order); ids are assigned anew.
  virtual void replace_plan(int64_t assessment_id, const std::vector<PlanItem>& items) = 0;
  virtual std::vector<PlanItem> plan(int64_t assessment_id) = 0;  // by position
  // Saves owner, due date, status, comment and follow-up of one item of that assessment's plan;
  // NotFound when the item is not in that plan.
  virtual void update_plan_item(int64_t assessment_id, const PlanItem& item) = 0;
};

}  // namespace dp::storage
