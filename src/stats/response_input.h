#pragma once
// From stored responses to the columnar Dataset: the one place that decides which stored answers
// count. Only the items the instrument shows the organisation count (instrument::Visibility): an
// answer left behind in a now-hidden item counts neither as an answer nor as non-response.
#include "instrument/model.h"
#include "instrument/value.h"
#include "instrument/visibility.h"
#include "stats/dataset.h"

namespace dp::stats {

// The attributes conditions see as org.<name> for an organisation of a dataset.
instrument::OrgAttributes org_attributes_of(const OrgRecord& org, const instrument::Instrument& in);

// Adds a respondent's answers (only shown items) and marks it responded.
void add_response(DatasetBuilder& b, const instrument::Instrument& in, size_t org, const instrument::Answers& answers,
                  const instrument::OrgAttributes& attributes);

}  // namespace dp::stats
