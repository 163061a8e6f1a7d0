#pragma once
// Creating campaigns: an instrument version + a year + the organisations in scope, with the
// attribute values that drive eligibility copied from the registry (and editable per campaign).
#include <optional>
#include <string>
#include <vector>

#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::collection {

struct CampaignSpec {
  std::string slug;                    // default: "<instrument id>" (unique)
  std::string instrument_id;           // required
  int year = 0;                        // default: the instrument's year
  std::optional<int> population_year;  // default: year - 2 (the latest year-end known when a survey is prepared)
  std::string opens_on, closes_on;
  std::vector<std::string> reminder_dates;
  std::string org_kind = "municipality";  // scope: organisations of this kind...
  std::vector<std::string> org_codes;     // ...or exactly these (if not empty)
  std::vector<std::string> county_codes;  // optional filter on county
  // The declared boolean attribute that makes answering mandatory (e.g. stimulus_requisitioned);
  // empty = mandatory for everyone in scope.
  std::string mandatory_attribute;
};

// Creates the campaign (state draft) and its scope. Throws dp::Error on a bad spec.
int64_t create_campaign(storage::Store& store, const CampaignSpec& spec);

}  // namespace dp::collection
