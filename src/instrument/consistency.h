#pragma once
// The instrument's consistency checks (`checks:`) over one response: which of them flag it. Pure;
// the form, the submission and the analyst's verification list all ask here.
#include <vector>

#include "instrument/model.h"
#include "instrument/value.h"
#include "instrument/visibility.h"

namespace dp::instrument {

// The checks whose flag_if holds, in declaration order. Conditions see only the answers the
// organisation is shown (as the statistics do), so a hidden follow-up never trips a check.
std::vector<const Check*> flagged_checks(const Instrument& in, const Answers& answers, const OrgAttributes& org);

}  // namespace dp::instrument
