#pragma once
// Last year's answers, where the instrument's lineage says an item continues a comparable item
// (comparability same or reworded) of the previous version in the same family. The respondent
// sees them next to the question and confirms or changes them; nothing is filled in unasked.
#include <map>
#include <optional>
#include <string>

#include "collection/campaign_context.h"
#include "instrument/value.h"
#include "storage/store.h"

namespace dp::collection {

// Current item key -> the previous version's item key, for every item that may be prefilled:
// a matrix row's own `continues` wins over its question's; "specify" texts and comments follow
// their item and question. Items declared `prefill: false` (year-bound amounts) are never in it,
// so nothing built on it (the page, "use last year's answer", "use all") can offer them.
std::map<std::string, std::string> lineage_map(const instrument::Instrument& current,
                                               const instrument::Instrument& previous);

struct PreviousAnswers {
  std::string campaign_slug;
  int year = 0;
  std::map<std::string, instrument::Value> values;  // keyed by the current item
};

// The newest other campaign of the instrument's `previous` version, if any.
std::optional<storage::Campaign> previous_campaign(storage::Store& store, const CampaignContext& ctx);

// The organisation's answers in that campaign (`previous` is its instrument), mapped onto the
// current items; values that are not valid for the current item (an option that no longer
// exists) are left out. Empty when the organisation did not answer.
PreviousAnswers previous_answers(storage::Store& store, const CampaignContext& ctx, const storage::Campaign& campaign,
                                 const instrument::Instrument& previous, const std::string& org_code);

}  // namespace dp::collection
