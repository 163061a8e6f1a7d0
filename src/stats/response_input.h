#pragma once
// From stored responses to the columnar Dataset: the one place that decides which stored answers
// count. Only the items the instrument shows the organisation count (instrument::Visibility): an
// answer left behind in a now-hidden item counts neither as an answer nor as non-response, unless
// it was imported outside the routing and kept (`responses import --routing keep`).
#include <set>
#include <string>

#include "instrument/model.h"
#include "instrument/value.h"
#include "instrument/visibility.h"
#include "stats/dataset.h"

namespace dp::stats {

// The attributes conditions see as org.<name> for an organisation of a dataset.
instrument::OrgAttributes org_attributes_of(const OrgRecord& org, const instrument::Instrument& in);

// Adds a respondent's answers (only shown items, and the items in `outside_routing`: historical
// answers imported although today's routing does not ask them, counted as the published tables
// counted them) and marks it responded.
void add_response(DatasetBuilder& b, const instrument::Instrument& in, size_t org, const instrument::Answers& answers,
                  const instrument::OrgAttributes& attributes, const std::set<std::string>& outside_routing = {});

}  // namespace dp::stats
