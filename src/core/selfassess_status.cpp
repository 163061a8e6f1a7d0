#include "core/selfassess_status.h"

#include <nlohmann/json.hpp>

#include "core/named_enum.h"

namespace dp {

const char* to_string(AssessmentStatus s) {
  switch (s) {
    case AssessmentStatus::Open: return "open";
    case AssessmentStatus::Completed: return "completed";
  }
  return "";
}

const char* to_string(PlanStatus s) {
  switch (s) {
    case PlanStatus::Planned: return "planned";
    case PlanStatus::InProgress: return "in_progress";
    case PlanStatus::Done: return "done";
    case PlanStatus::Dropped: return "dropped";
  }
  return "";
}

AssessmentStatus parse_assessment_status(std::string_view text, const Location& where) {
  return parse_named(kAllAssessmentStatuses, text, "assessment status", where);
}

PlanStatus parse_plan_status(std::string_view text, const Location& where) {
  return parse_named(kAllPlanStatuses, text, "plan item status", where);
}

void to_json(nlohmann::json& j, AssessmentStatus s) { j = to_string(s); }
void to_json(nlohmann::json& j, PlanStatus s) { j = to_string(s); }

}  // namespace dp
