#pragma once
// Why the routing does not ask an organisation an item: the rule that hides it (the first false
// eligibility or show-if condition, in the order the form applies them, or an "ange vad" option
// that is not chosen) and the answers and registry attributes that rule reads. Used to name the
// deciding answers when an import refuses an answer the routing would hide.
#include <string>
#include <vector>

#include "instrument/model.h"
#include "instrument/value.h"
#include "instrument/visibility.h"

namespace dp::instrument {

struct RoutingInput {
  std::string ref;  // "q09.aldreomsorg" or "org.county_code"
  bool attribute = false;
  std::string value;  // as the rule sees it: "'inga' (Inom detta område finns inga e-tjänster)", "no answer", "false"
  std::vector<std::string> chosen;  // an item's chosen option codes (for naming its 0/1 columns)
};

struct RoutingReason {
  std::string rule;          // "the condition of q09c \"not (q09.aldreomsorg has 'inga')\" is false"
  bool eligibility = false;  // an eligibility rule (registry attributes), not a show-if condition
  std::vector<RoutingInput> inputs;
};

// The reason `key` is not shown, given the answers and the organisation's attributes. For an item
// that is shown, `rule` is empty.
RoutingReason routing_reason(const Instrument& in, const std::string& key, const Answers& answers,
                             const OrgAttributes& org, Lang lang = Lang::sv);

}  // namespace dp::instrument
