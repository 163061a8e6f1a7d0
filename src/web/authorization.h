#pragma once
// Authorization, decided in one place for every route. A route names a policy; decide() applies
// it to the principal and the route's parameters. Policies:
//   public                 anyone
//   signed_in              any signed-in user
//   admin                  the survey owner
//   staff                  admin or county coordinator
//   respondent             a respondent (of any organisation) or admin
//   org_read:{param}       admin; coordinator of the organisation's county; respondent of that organisation
//   org_write:{param}      admin; respondent of that organisation (coordinators only read)
//   org_submit:{param}     admin; the organisation's approver (signs off and submits)
//   org_manage:{param}     admin; the organisation's contact (invites and removes colleagues)
//   county_read:{param}    admin; coordinator of that county
//   response_read:{param}  as org_read, for the organisation that owns a response id
//   response_write:{param} as org_write, for the organisation that owns a response id
//   assessment_read/write:{param}  as org_read/org_write, for a self-assessment id
// Tested policy by policy (tests/web/authorization_test.cpp) and as a route × role matrix over
// HTTP against the real server (tests/collection/authorization_matrix_test.cpp).
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "web/principal.h"

namespace dp::web {

enum class Decision { Allow, SignIn, Forbid };

// Lookups a policy may need; each returns nullopt when the thing does not exist (then the answer is
// Forbid for signed-in users, so that existence is not revealed).
struct AccessLookups {
  std::function<std::optional<std::string>(const std::string& org_code)> county_of_org;
  std::function<std::optional<std::string>(const std::string& response_id)> org_of_response;
  std::function<std::optional<std::string>(const std::string& assessment_id)> org_of_assessment;
};

Decision decide(const std::string& policy, const Principal& who, const std::map<std::string, std::string>& params,
                const AccessLookups& lookups);

}  // namespace dp::web
