#include "core/role.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

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
  for (Role r : kAllRoles)
    if (text == to_string(r)) return r;
  throw Error::bad_input(fmt::format("role '{}' is not one of public, respondent, coordinator, admin", text.substr(0, 40)),
                         where);
}

Role parse_account_role(std::string_view text, const Location& where) {
  if (text == to_string(Role::Public))
    throw Error::bad_input("an account's role is respondent, coordinator or admin, not public", where);
  return parse_role(text, where);
}

void to_json(nlohmann::json& j, Role r) { j = to_string(r); }

}  // namespace dp
