#include "selfassess/register_prefill.h"

namespace dp::selfassess {

std::optional<std::string> rating_from_register(const instrument::MaturityMeta& m, double value) {
  for (const auto& b : m.register_bands)
    if (value >= b.min) return b.rating;
  return std::nullopt;
}

}  // namespace dp::selfassess
