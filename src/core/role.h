#pragma once
// Who someone is to the system. Accounts hold one of respondent, coordinator and admin; anonymous
// visitors are Public. The database and templates spell them as text; code compares the enum, and
// the text is parsed once where it enters (storage reads, form fields, CLI arguments). It lives in
// core because both storage (accounts) and web (the request's principal) carry it.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "core/error.h"

namespace dp {

enum class Role { Public, Respondent, Coordinator, Admin };

constexpr Role kAllRoles[] = {Role::Public, Role::Respondent, Role::Coordinator, Role::Admin};

// The stable names: "public", "respondent", "coordinator", "admin".
const char* to_string(Role r);

// The role named by `text`; anything else throws dp::Error (BadInput) naming the value, the
// accepted names and `where`.
Role parse_role(std::string_view text, const Location& where = {});

// An account's role: as parse_role, but "public" is refused too (nobody signs in as the public).
Role parse_account_role(std::string_view text, const Location& where = {});

void to_json(nlohmann::json& j, Role r);

}  // namespace dp
