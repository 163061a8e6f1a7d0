#pragma once
// The self-assessment's declarative rules (data/selfassess/rules.yaml): colour bands, the action
// plan's default level, list lengths and the workshop's disagreement threshold (the minimum n of
// comparison groups is the statistics engine's: selfassess/engine.h). Pure: the caller supplies the YAML text.
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace dp::selfassess {

struct Band {
  std::string id;  // gron | gul | rod (any ids; the CSS class is "band-<id>")
  double min = 0;  // a score at or above min (and below the band above) is in this band
  I18n label;
};

struct Rules {
  std::vector<Band> bands;  // from the highest min down; the last has min 0
  std::string plan_default_level = "nastan";
  int list_count = 5;
  double spread_alert = 50;

  // The band of a score (0-100).
  const Band& band_of(double score) const;
};

// Parses rules; throws dp::Error (BadInput) naming the key for a missing or wrong value.
Rules parse_rules(std::string_view yaml_text, const std::string& file_name);

// The bundled rules (data/selfassess/rules.yaml), parsed once.
const Rules& bundled_rules();

}  // namespace dp::selfassess
