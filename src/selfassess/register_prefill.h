#pragma once
// Indicators answered from register data instead of self-rating: a key figure's value (from the
// national survey, or entered with its source) becomes a rating through the indicator's
// `register_bands` (docs/instrument-format.md, "Maturity"). Pure.
#include <optional>
#include <string>

#include "instrument/model.h"

namespace dp::selfassess {

// The rating of the first band (highest min first) that the value reaches; nullopt when the
// indicator has no bands or the value is below them all.
std::optional<std::string> rating_from_register(const instrument::MaturityMeta& m, double value);

}  // namespace dp::selfassess
