#pragma once
// The closing date, enforced. A campaign's closes_on is the last day (a UTC date) on which
// answers are saved and submitted; after it the form, the autosave and the submission refuse
// (EditState::PastDeadline), until the administrator extends the campaign's date or gives one
// organisation a later last day. A response the administrator reopened stays editable.
// Reminder dates may be written relative to the closing date ("-7" = seven days before it), so
// that they move with it.
#include <cstdint>
#include <string>

#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::collection {

// The last day `org` may answer: the campaign's closing date, or the later day the administrator
// gave the organisation; "" when the campaign has no closing date.
std::string last_day(const storage::Campaign& c, const std::string& org);

// True when `today` (YYYY-MM-DD) is after the organisation's last day.
bool past_deadline(const storage::Campaign& c, const std::string& org, const std::string& today);

// Today as the deadline rules see it (the UTC date).
std::string deadline_today();

// Gives one organisation of the campaign's scope a later last day (YYYY-MM-DD, after the
// campaign's closing date) or, with "", takes it back. Administrator only (the route's policy);
// logged. Throws FieldError (org, until) naming the field.
void extend_for_org(storage::Store& store, const std::string& campaign, const std::string& org,
                    const std::string& until, int64_t by_user);

// A reminder entry: "YYYY-MM-DD", or "-N" for N days (1..365) before the closing date.
bool relative_reminder(const std::string& entry);
// The date a reminder entry falls on ("" for a relative one without a closing date).
std::string reminder_day(const std::string& entry, const std::string& closes_on);

}  // namespace dp::collection
