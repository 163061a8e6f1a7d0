#pragma once
// Answering a campaign as an organisation: reading the current answers, saving changes made on
// top of what the respondent last saw (optimistic concurrency per item, so that two colleagues
// working at once never silently overwrite each other), submitting, and reopening a submitted
// response for corrections. The web form and the autosave endpoint only call this.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "instrument/answer_check.h"
#include "instrument/value.h"
#include "storage/response_store.h"
#include "storage/store.h"

namespace dp::collection {

// The answers of one response with each item's version.
struct ResponseState {
  storage::Response response;
  instrument::Answers answers;
  std::map<std::string, storage::StoredAnswer> stored;
};

// Loads (creating the response row, status not_started, on first use).
ResponseState load_state(storage::Store& store, int64_t campaign_id, const std::string& org_code);

// The items answered outside today's routing (kept by a historical import): shown read-only and
// marked on the summaries, never offered on the form.
std::set<std::string> kept_outside_routing(const ResponseState& state);

// The state as the form offers it: without the answers kept outside the routing.
ResponseState form_state(const ResponseState& state);

enum class EditState { Editable, Submitted, NotOpen, PastDeadline };
// Editable while the campaign is open and the response is not submitted, and for a reopened
// response also after the campaign closed (until it is published). The one rule for the form, the
// autosave, the landing page and the store's writes.
EditState edit_state(CampaignState campaign, ResponseStatus response);
inline bool editable(CampaignState campaign, ResponseStatus response) {
  return edit_state(campaign, response) == EditState::Editable;
}
// The same with the closing date enforced (collection/deadline.h): an open campaign's response is
// PastDeadline once `today` is after the organisation's last day, unless the administrator
// reopened it. What the form, the autosave, saving and submitting apply.
EditState edit_state(const storage::Campaign& campaign, const std::string& org, ResponseStatus response,
                     const std::string& today);
inline bool editable(const storage::Campaign& campaign, const std::string& org, ResponseStatus response,
                     const std::string& today) {
  return edit_state(campaign, org, response, today) == EditState::Editable;
}

// One field as the form or the autosave sent it: the raw text (see form_values.h; "" clears) and
// the version of the item the sender last saw (-1 = do not check).
struct RawChange {
  std::string item;
  std::string raw;
  int64_t base_version = -1;
};

struct ItemProblem {
  std::string item;
  std::string code;  // answer_check codes (bad_value, unknown_option, exclusive, below_min, above_max,
                     // not_integer, too_long, bad_text) and not_asked
  std::string message;
  std::map<std::string, std::string> args;
};

struct SaveOutcome {
  int64_t version = 0;
  std::vector<std::string> saved;
  std::vector<storage::Conflict> conflicts;
  std::vector<ItemProblem> problems;  // changes not saved because the value is not valid
};

// Saves valid changes; invalid ones come back as problems, conflicting ones as conflicts (both
// unsaved). Throws dp::Error: Conflict when the response cannot be edited (submitted, campaign not
// open, past the closing date), BadInput (field = the item) for an item that is not in the instrument.
SaveOutcome save_changes(storage::Store& store, const CampaignContext& ctx, int64_t response_id,
                         const std::vector<RawChange>& changes, int64_t user_id);

// What stops a submission: every shown mandatory item unanswered, invalid values, and the
// instrument's blocking consistency checks (code "check", args {"check": id}).
std::vector<instrument::AnswerProblem> submission_problems(const CampaignContext& ctx, const std::string& org_code,
                                                           const instrument::Answers& answers);

// The instrument's consistency checks that flag this response, warnings and errors alike.
std::vector<const instrument::Check*> flagged_checks(const CampaignContext& ctx, const std::string& org_code,
                                                     const instrument::Answers& answers);

// The item a check's message points to: the first item of the first question it concerns.
std::string check_item(const CampaignContext& ctx, const instrument::Check& check);

// Submits: checks, clears stored answers of items that are not shown (so the response is exactly
// what counts), sets the status, and queues a receipt with a summary of the answers to the
// organisation's respondents. Throws dp::Error Conflict (already submitted, not editable) or
// BadInput (problems remain; the message lists them).
void submit_response(storage::Store& store, const CampaignContext& ctx, int64_t response_id, int64_t user_id,
                     const std::string& base_url);

// Reopens a submitted response for corrections; the reason is required and goes to the audit log.
void reopen_response(storage::Store& store, int64_t response_id, int64_t user_id, const std::string& reason);

}  // namespace dp::collection
