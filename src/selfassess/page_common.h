#pragma once
// Pieces shared by the self-assessment pages: the assessment header view model, form helpers.
#include <nlohmann/json.hpp>
#include <string>

#include "selfassess/context.h"
#include "selfassess/env.h"

namespace dp::selfassess {

// {id, year, part, status, completed, org_name, org_code, title, instrument, urls...}
nlohmann::json assessment_json(const Env& env, const web::Request& req, const Loaded& l);

// The base URL of an assessment's pages.
std::string assessment_url(int64_t id);

// A form field trimmed, or "" when absent.
std::string field(const web::Request& req, const std::string& name);

// Throws BadInput naming the field when the value is longer than max characters (bytes).
void check_length(const std::string& value, const char* field, size_t max);

// Whether the signed-in person may change this organisation's assessments (admin, or a
// respondent of the organisation): decided by the same policy as the write routes.
bool can_write(const Env& env, const web::Request& req, const std::string& assessment_id);

}  // namespace dp::selfassess
