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
    case Role::Contact: return "contact";
    case Role::Approver: return "approver";
  }
  return "";
}

Role parse_role(std::string_view text, const Location& where) { return parse_named(kAllRoles, text, "role", where); }

Role parse_account_role(std::string_view text, const Location& where) {
  Role r = parse_role(text, where);
  if (r != Role::Respondent && r != Role::Coordinator && r != Role::Admin)
    throw Error::bad_input(fmt::format("an account's role is respondent, coordinator or admin, not {}", to_string(r)),
                           where);
  return r;
}

void Duties::add(Role r) {
  if (bit(r) == 0) throw Error::internal(fmt::format("{} is not a duty (contact or approver)", to_string(r)));
  bits_ |= bit(r);
}

std::string to_string(const Duties& d) {
  if (d.has(Role::Contact) && d.has(Role::Approver)) return "contact,approver";
  if (d.has(Role::Contact)) return "contact";
  if (d.has(Role::Approver)) return "approver";
  return "";
}

Duties parse_duties(std::string_view text, const Location& where) {
  Duties d;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view part =
        text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part == "contact") d.add(Role::Contact);
    else if (part == "approver") d.add(Role::Approver);
    else if (!part.empty())
      throw Error::bad_input(fmt::format("'{}' is not a duty: contact or approver", part.substr(0, 40)), where);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return d;
}

void to_json(nlohmann::json& j, Role r) { j = to_string(r); }

}  // namespace dp
