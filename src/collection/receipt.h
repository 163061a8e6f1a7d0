#pragma once
// The summary of a response (sections, questions, answers in words) for the receipt e-mail, the
// review page and the read-only view, and the receipt e-mail itself.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "core/text.h"
#include "instrument/value.h"
#include "storage/response_store.h"
#include "storage/store.h"

namespace dp::collection {

// {"sections": [{"id", "title", "questions": [{"id", "label", "answers": [{"row", "text", "outside"}]}]}],
//  "has_sections", "has_outside"}
// Shown, answered items; comments and "specify" texts follow the answer they belong to. Answers
// kept from historical microdata although today's routing does not ask them (`outside_routing`,
// docs/microdata-format.md) are counted and exported, so they are shown too, marked `outside`
// («besvarad utanför frågans villkor»): read-only, the form never offers them.
nlohmann::json answer_summary(const CampaignContext& ctx, const std::string& org_code,
                              const instrument::Answers& answers, Lang lang,
                              const std::set<std::string>& outside_routing = {});

// The items of a response stored as answered outside the routing.
std::set<std::string> outside_routing_items(const std::vector<storage::StoredAnswer>& answers);

// Queues a receipt for every active respondent of the organisation (and the submitter when they
// are not one, e.g. an administrator answering on someone's behalf).
void queue_receipts(storage::Store& store, const CampaignContext& ctx, int64_t response_id, int64_t submitter,
                    const std::string& base_url);

}  // namespace dp::collection
