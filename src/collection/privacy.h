#pragma once
// Personal data of respondents, coordinators, administrators and self-assessment participants
// (docs/operations.md, "Personal data"; the notice people read is /integritet): erasing an
// account on request, and retention periods that a daily purge enforces.
#include <cstdint>
#include <string>

#include "core/periodic_task.h"
#include "storage/privacy_store.h"
#include "storage/store.h"

namespace dp::collection {

// How long personal data is kept, in days; 0 keeps it. From the config file's `retention:`
// section (keys as below).
struct RetentionPolicy {
  int session_days = 30;           // sessions after they expire, sign-in links, failed sign-ins
  int removed_account_days = 365;  // a removed account is erased this long after its removal
  int mail_days = 180;             // e-mails after they were sent (or given up)
  int audit_days = 3650;           // the event log and the answers' audit log
};

// The `retention:` section of a YAML config file (`path`, or $DIGIPULS_CONFIG when empty; the
// defaults when neither names a file). Throws dp::Error (BadInput) naming the file and key.
RetentionPolicy load_retention(const std::string& path);

// The instants before which a policy no longer keeps data, at `now`.
storage::PurgeCutoffs cutoffs(const RetentionPolicy& policy, const std::string& now);

// Deletes (and, for removed accounts, erases) what the policy no longer keeps, in one transaction.
storage::PurgeCounts purge_personal_data(storage::Store& store, const RetentionPolicy& policy, const std::string& now);

// Erases an account's personal data, keeping its audit trail under a pseudonym
// (storage::PrivacyStore::erase_user). An administrator cannot erase their own account.
// Throws FieldError("user", ...) for that, dp::Error (NotFound) for an unknown account.
storage::ErasureCounts erase_account(storage::Store& store, int64_t user_id, int64_t by_user);

// The daily purge of the running server: at start, then every day.
class RetentionJob {
 public:
  RetentionJob(storage::Store& store, RetentionPolicy policy);
  void start() { task_.start(std::chrono::hours(24)); }
  void stop() { task_.stop(); }
  const RetentionPolicy& policy() const { return policy_; }
  void set_policy(RetentionPolicy policy) { policy_ = policy; }

 private:
  void run();

  storage::Store& store_;
  RetentionPolicy policy_;
  PeriodicTask task_;  // last: its thread stops before the members it uses go
};

}  // namespace dp::collection
