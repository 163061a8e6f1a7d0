#pragma once
// The analyst's verification list: every response of a campaign that an instrument check flags
// (survey-2021.md requirement 20: mismatches go to a verification workflow), so the survey owner
// can contact the municipality, and correct or confirm the answer.
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "core/collection_state.h"
#include "storage/store.h"

namespace dp::collection {

struct Flag {
  std::string org_code, org_name;
  ResponseStatus status = ResponseStatus::Draft;
  std::string check;
  bool blocking = false;
  I18n message;
};

// In organisation code order, then the instrument's order of checks.
std::vector<Flag> verification_list(storage::Store& store, const CampaignContext& ctx);

}  // namespace dp::collection
