#pragma once
// The spread of the participants' individual ratings of one indicator, as the facilitator sees
// it in the workshop before the group agrees on a rating. Pure.
#include <optional>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "selfassess/rules.h"

namespace dp::selfassess {

struct Spread {
  std::vector<std::pair<std::string, int>> counts;  // per scale option, in scale order
  int n = 0;                                        // participants who rated
  std::optional<double> lowest, highest, mean;      // over scored ratings
  bool disagreement = false;                        // highest - lowest >= rules.spread_alert
  std::string typical;                              // the most common rating (ties: the lower one, to stay cautious)
};

Spread spread(const instrument::Instrument& in, const std::vector<std::string>& ratings, const Rules& rules);

}  // namespace dp::selfassess
