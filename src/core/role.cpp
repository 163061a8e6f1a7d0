#include "core/role.h"

#include <nlohmann/json.hpp>

#include "core/named_enum.h"

namespace dp {

const char* to_string(Role r) {
  switch (r) {
    case Role::Public: return "public";
    case Role::Respondent: return "respondent";
    case Role::Coordinator: return "coordinator";
    case Role::Admin: return "admin";
  }
  return "";
}

Role parse_role(std::string_view text, const Location& where) {
  return parse_named(kAllRoles, text, "role", where);
}

Role parse_account_role(std::string_view text, const Location& where) {
  if (text == to_string(Role::Public))
    throw Error::bad_input("an account's role is respondent, coordinator or admin, not public", where);
  return parse_role(text, where);
}

void to_json(nlohmann::json& j, Role r) { j = to_string(r); }

}  // namespace dp
