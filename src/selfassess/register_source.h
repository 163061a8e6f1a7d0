#pragma once
// Register data for indicators answered from the national survey (`register_keyfigure`, written
// "<key figure>:<cell>", e.g. "K19:nattillsyn.bredd"): the organisation's own value of that key
// figure, computed by the statistics engine over its submitted response to the newest survey
// campaign of the key figure's family up to the assessment year. For one organisation a share is
// 100 (the condition holds) or 0; the indicator's register_bands turn it into a rating.
#include <optional>
#include <string>

#include "core/text.h"
#include "storage/store.h"

namespace dp::selfassess {

struct RegisterValue {
  double value = 0;
  std::string keyfigure;  // "K19"
  std::string cell;       // "nattillsyn.bredd"
  I18n campaign;          // the campaign's title, for the facilitator to see the source
  int year = 0;
};

// nullopt when the reference is malformed or unknown, or the organisation has no submitted
// response to a campaign of the family up to the year.
std::optional<RegisterValue> register_value(storage::Store& store, const std::string& org_code, int year,
                                            const std::string& reference);

}  // namespace dp::selfassess
