#pragma once
// Who is making a request. Anonymous visitors are Role::Public.
#include <cstdint>
#include <string>

#include "core/role.h"

namespace dp::web {

struct Principal {
  int64_t user_id = 0;
  Role role = Role::Public;  // the account's kind
  Duties duties;             // a respondent's further roles for its organisation (contact, approver)
  std::string email;
  std::string name;
  std::string org_code;     // respondents
  std::string county_code;  // coordinators
  std::string session_id;   // opaque id of the session (not the cookie token)
  std::string csrf;         // the session's CSRF token

  bool signed_in() const { return user_id != 0; }
  // Holds the role, as its kind or as a duty.
  bool is(Role r) const { return role == r || duties.has(r); }
};

}  // namespace dp::web
