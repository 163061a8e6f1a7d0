#pragma once
// Contacts of a national round from one CSV file (`digipuls users import`, the admin's upload):
// columns org_code, email, name, role, with role contact, approver or respondent. One row gives
// one role to one account of a municipality; an account named on several rows gets all their
// roles (a contact who is also the approver). The import only adds: it creates accounts, adds
// roles and fills in names, never removes an account or a role, so importing the same file again
// changes nothing. Every problem of the file is listed (row and column), and if there is any,
// nothing is written; otherwise everything is written in one transaction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/store.h"

namespace dp::collection {

struct ContactsImport {
  std::vector<std::string> problems;  // "FILE: row N, column X: ..." (empty = the file is good)
  std::vector<std::string> notes;     // accounts left as they are, e.g. removed ones (not brought back)
  int created = 0;                    // new accounts
  int updated = 0;                    // existing accounts that got a role or a name
  int unchanged = 0;                  // existing accounts the file adds nothing to
  std::vector<int64_t> created_ids;   // to invite
  // Municipalities named in the file that have no approver after the import (they cannot submit).
  std::vector<std::string> without_approver;
  bool written = false;  // false for a dry run and whenever there are problems
};

// The file's header, as a template and in messages.
inline constexpr const char* kContactsHeader = "org_code,email,name,role";

// Checks the file against the registry (newest year) and the accounts, and writes it unless
// `dry_run` or a problem. Never throws for bad content: problems come back in the result.
ContactsImport import_contacts(storage::Store& store, std::string_view text, const std::string& source, bool dry_run,
                               int64_t by_user);

}  // namespace dp::collection
