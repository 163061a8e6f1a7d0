#pragma once
// Personal data (docs/operations.md, "Personal data"): erasing an account, and purging what its
// retention period no longer allows. Both run in one transaction, are recorded in their own log
// (which holds no personal data) and overwrite what they remove (SQLite secure_delete), so that
// an erased e-mail address or name is not left in free pages of the database file.
#include <cstdint>
#include <string>
#include <vector>

namespace dp::storage {

struct ErasureCounts {
  int sessions = 0;     // sessions and one-time links deleted
  int failures = 0;     // sign-in failures recorded under the e-mail address, deleted
  int messages = 0;     // e-mails to the address deleted from the outbox
  int log_entries = 0;  // entries of the event and audit logs whose notes were pseudonymised
  int other_texts = 0;  // other texts that named the person (outbox, self-assessment), pseudonymised
};

// What a purge removes: everything dated before these instants (ISO 8601 UTC); "" = keep.
struct PurgeCutoffs {
  std::string sessions;          // sessions expired, one-time links expired or used, sign-in failures
  std::string removed_accounts;  // accounts removed before this are erased
  std::string mail;              // sent, dead and logged e-mails
  std::string audit;             // entries of the event log and the response audit log
};

struct PurgeCounts {
  int sessions = 0;
  int tokens = 0;
  int failures = 0;
  int accounts = 0;  // removed accounts erased
  int messages = 0;
  int events = 0;
  int audit_entries = 0;
};

struct PrivacyOperation {
  int64_t id = 0;
  std::string kind;     // erase | purge
  std::string subject;  // "user 12" for an erasure
  std::string at;
  int64_t by_user = 0;
  std::string summary;
};

class PrivacyStore {
 public:
  virtual ~PrivacyStore() = default;

  // Erases the personal data of an account and keeps its trail pseudonymised: the account row
  // stays (its id is what the logs name) with the pseudonym "erased-12@erased.invalid" for its
  // e-mail address, no name, no password, inactive; its sessions, one-time links, sign-in
  // failures and e-mails are deleted; wherever a note or another text names its e-mail address or
  // its name (of three characters or more), that becomes "[user 12, erased]". The rows of the
  // event and audit logs remain, and the event log records the erasure (action user_erase).
  // Answers are the organisation's and are not changed. Throws dp::Error (NotFound) for an
  // unknown account.
  virtual ErasureCounts erase_user(int64_t user_id, int64_t by_user, const std::string& now) = 0;
  // Whether the account has been erased.
  virtual bool erased(int64_t user_id) = 0;

  virtual PurgeCounts purge(const PurgeCutoffs& cutoffs, const std::string& now) = 0;

  // The log of erasures and purges, newest first.
  virtual std::vector<PrivacyOperation> operations(int limit) = 0;

  // Copies every page of the write-ahead log into the database file and empties the log, so that
  // overwritten data is gone from the log file too (when no reader holds it).
  virtual void checkpoint() = 0;
};

}  // namespace dp::storage
