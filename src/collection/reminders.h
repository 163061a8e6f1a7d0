#pragma once
// Reminders to organisations that have not submitted: on demand ("remind all non-responders and
// those with drafts") and on the campaign's reminder dates (a background schedule that runs each
// date once, even across restarts and several server processes).
#include <cstdint>
#include <functional>
#include <string>

#include "collection/campaign_context.h"
#include "core/periodic_task.h"
#include "storage/store.h"

namespace dp::collection {

struct ReminderResult {
  int organisations = 0;     // organisations reminded
  int messages = 0;          // e-mails queued (one per respondent account)
  int without_accounts = 0;  // organisations that have no respondent to write to
};

// Queues a reminder to every active respondent of each organisation in scope (of one county when
// `county` is set) whose response is not submitted. Only while the campaign is open.
ReminderResult remind_non_responders(storage::Store& store, const CampaignContext& ctx, const std::string& base_url,
                                     int64_t by_user, const std::string& county = "");

// Runs the reminder dates that are due at `today` (YYYY-MM-DD) for every open campaign; each date
// once. Returns the number of messages queued.
int run_scheduled_reminders(storage::Store& store, const std::string& today, const std::string& base_url);

// The background schedule: checks once a minute (and at start).
class Reminders {
 public:
  Reminders(storage::Store& store, std::string base_url, std::function<void()> on_queued);
  void start() { task_.start(std::chrono::minutes(1)); }
  void stop() { task_.stop(); }

 private:
  void run();

  storage::Store& store_;
  std::string base_url_;
  std::function<void()> on_queued_;
  PeriodicTask task_;  // last: its thread stops before the members it uses go
};

}  // namespace dp::collection
