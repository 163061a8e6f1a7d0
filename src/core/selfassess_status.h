#pragma once
// Where a self-assessment and the items of its action plan stand. The database, forms and
// templates spell them as text ("completed", "in_progress", ...); code compares the enums, and the
// text is parsed once where it enters (storage reads, form fields). In core because storage, below
// selfassess, carries them in its rows.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "core/error.h"

namespace dp {

enum class AssessmentStatus { Open, Completed };
enum class PlanStatus { Planned, InProgress, Done, Dropped };

constexpr AssessmentStatus kAllAssessmentStatuses[] = {AssessmentStatus::Open, AssessmentStatus::Completed};
constexpr PlanStatus kAllPlanStatuses[] = {PlanStatus::Planned, PlanStatus::InProgress, PlanStatus::Done,
                                           PlanStatus::Dropped};

// The stable names: "open", "completed"; "planned", "in_progress", "done", "dropped".
const char* to_string(AssessmentStatus s);
const char* to_string(PlanStatus s);

// Anything else throws dp::Error (BadInput) naming the value, the accepted names and `where`.
AssessmentStatus parse_assessment_status(std::string_view text, const Location& where = {});
PlanStatus parse_plan_status(std::string_view text, const Location& where = {});

void to_json(nlohmann::json& j, AssessmentStatus s);
void to_json(nlohmann::json& j, PlanStatus s);

}  // namespace dp
