#pragma once
// Managing accounts: the administrator (or the command line) adds respondents of an
// organisation, county coordinators and other administrators, invites them by e-mail and
// removes them. Every change is recorded in the event log with who made it.
#include <cstdint>
#include <optional>
#include <string>

#include "collection/auth.h"
#include "core/text.h"
#include "storage/store.h"
#include "storage/user_store.h"
#include "web/principal.h"

namespace dp::collection {

struct NewUser {
  std::string email;
  std::string name;
  std::string role;         // admin | coordinator | respondent
  std::string org_code;     // respondent: required
  std::string county_code;  // coordinator: required
  std::string lang = "sv";
  std::string duties;  // respondent: "", "contact", "approver" or "contact,approver"
};

// Checks and creates an account (or brings back a removed one). Throws dp::Error: BadInput
// naming the field (email, role, org, county, name, lang, duties), Conflict for an e-mail in use.
storage::User add_user(storage::Store& store, const NewUser& u, int64_t by_user);

// Creates an invitation link and queues the invitation e-mail in the user's language.
// `base_url` is the public address of the site (links in mail). Returns the outbox id.
int64_t invite_user(storage::Store& store, Auth& auth, const storage::User& u, const std::string& base_url,
                    int64_t by_user);

// Queues an e-mailed sign-in link if the account exists, is active and has not asked too often.
// Says nothing about whether it did (the caller shows the same page either way).
void mail_login_link(storage::Store& store, Auth& auth, const std::string& email, const std::string& base_url);

// Removes an account (it can no longer sign in; its name stays in the audit log). An
// administrator cannot remove their own account.
void remove_user(storage::Store& store, int64_t user_id, int64_t by_user);

// Sets a respondent's duties (contact, approver) for its organisation and logs who did it. The
// last contact of an organisation cannot give up the contact duty themself (nobody would be left
// to manage its colleagues). Throws FieldError (duties) for an account that is not a respondent.
void set_duties(storage::Store& store, int64_t user_id, const Duties& duties, int64_t by_user);

// "respondent" -> "uppgiftslämnare" / "respondent" (for e-mails and pages).
std::string role_label(Role role, Lang lang);
// The account's roles as one label: "uppgiftslämnare, kontaktperson, attestant".
std::string roles_label(const storage::User& u, Lang lang);

// How someone who changed a response is named to `viewer` (audit log, conflicts, "last saved
// by"): an administrator sees everyone's name or address, a coordinator and a respondent see
// the names of respondents and only the role of anyone else (an administrator's address is not
// theirs to know). `author` 0 is the system.
std::string author_label(storage::Store& store, const web::Principal& viewer, int64_t author, Lang lang);

// The name of an organisation or county in the newest registry year ("" if unknown).
std::string org_name(storage::Store& store, const std::string& code);
std::string county_name(storage::Store& store, const std::string& code);

}  // namespace dp::collection
