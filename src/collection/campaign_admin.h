#pragma once
// The survey owner's work on a campaign after creating it: moving it through its states
// (draft -> open -> closed -> published; a closed campaign may be opened again, e.g. to extend
// the deadline; publishing is final; a past year's campaign whose answers were collected elsewhere
// and imported goes from draft straight to closed), changing dates and the reminder schedule, and editing the
// attribute values that drive eligibility (per organisation, in a form or from a CSV file).
// Every change is recorded in the event log with who made it.
#include <cstdint>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::collection {

// Whether a campaign may go from one state to another. `holds_submitted`: the campaign holds
// submitted responses, which lets a draft that was never opened (imported history) be closed.
bool allowed_transition(CampaignState from, CampaignState to, bool holds_submitted = false);

// `to` is the state's name as a form or the command line gave it. Throws FieldError (field
// "state") for a transition that is not allowed and for a name that is not a state.
void change_state(storage::Store& store, const std::string& campaign, const std::string& to, int64_t by_user);

// Dates: YYYY-MM-DD or "" (no date); opens_on <= closes_on. Reminder dates: a list separated by
// commas, spaces or new lines, each a date or -N (N days before the closing date, moving with it). Throws FieldError
// naming opens_on, closes_on or reminders.
void update_schedule(storage::Store& store, const std::string& campaign, const std::string& opens_on,
                     const std::string& closes_on, const std::string& reminders, int64_t by_user);
std::vector<std::string> parse_reminder_dates(const std::string& text);

// The scope's attribute values from a CSV file: a header with org_code and any of `mandatory` and
// the instrument's declared attributes; one row per organisation to change (others keep their
// values). Values: true/false, ja/nej, 1/0 for bool attributes and `mandatory`. All rows valid or
// nothing is changed; throws dp::Error (BadInput) listing every problem as "row N, column X: ...".
// Returns the number of organisations changed.
size_t import_scope_csv(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t by_user);

// Replaces the scope's values (from the settings form).
void set_scope_values(storage::Store& store, const CampaignContext& ctx, const std::vector<storage::CampaignOrg>& orgs,
                      int64_t by_user);

// Checks a campaign specification from the web form; throws FieldError naming the field.
void check_spec(storage::Store& store, const CampaignSpec& spec);

}  // namespace dp::collection
