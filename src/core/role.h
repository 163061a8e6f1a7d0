#pragma once
// Who someone is to the system. Every account has one kind, respondent, coordinator or admin;
// anonymous visitors are Public. A respondent (a municipality's contributor: reads and saves its
// answers) may hold more roles for its own organisation: Contact (invites and removes colleagues)
// and Approver (signs off and submits), so an account's roles are a set (Roles). The database and templates spell them
// as text; code compares the enum, and the text is parsed once where it enters (storage reads, form fields, CLI
// arguments). It lives in core because both storage (accounts) and web (the request's principal) carry it.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "core/error.h"

namespace dp {

enum class Role { Public, Respondent, Coordinator, Admin, Contact, Approver };

constexpr Role kAllRoles[] = {Role::Public, Role::Respondent, Role::Coordinator,
                              Role::Admin,  Role::Contact,    Role::Approver};

// The stable names: "public", "respondent", "coordinator", "admin", "contact", "approver".
const char* to_string(Role r);

// The role named by `text`; anything else throws dp::Error (BadInput) naming the value, the
// accepted names and `where`.
Role parse_role(std::string_view text, const Location& where = {});

// An account's kind: respondent, coordinator or admin; anything else (public, and the duties
// contact and approver, which are held on top of respondent) throws dp::Error (BadInput).
Role parse_account_role(std::string_view text, const Location& where = {});

// The duties a respondent holds for its organisation on top of contributing: a set of Contact and
// Approver, written "contact,approver" ("" for none) in the database, files and templates.
class Duties {
 public:
  Duties() = default;
  bool has(Role r) const { return (bits_ & bit(r)) != 0; }
  void add(Role r);  // Contact or Approver; anything else throws dp::Error (Internal)
  void remove(Role r) { bits_ &= ~bit(r); }
  bool empty() const { return bits_ == 0; }
  bool operator==(const Duties&) const = default;
  // Adds every duty of `other`.
  void merge(const Duties& other) { bits_ |= other.bits_; }

 private:
  static unsigned bit(Role r) { return r == Role::Contact ? 1u : r == Role::Approver ? 2u : 0u; }
  unsigned bits_ = 0;
};

// "contact,approver", "contact", "approver" or "".
std::string to_string(const Duties& d);
// Names separated by commas (spaces ignored); "" is no duty. An unknown name throws dp::Error
// (BadInput) naming it and `where`.
Duties parse_duties(std::string_view text, const Location& where = {});

void to_json(nlohmann::json& j, Role r);

}  // namespace dp
