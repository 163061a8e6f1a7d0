#include "selfassess/spread.h"

#include <algorithm>

#include "selfassess/scoring.h"

namespace dp::selfassess {

Spread spread(const instrument::Instrument& in, const std::vector<std::string>& ratings, const Rules& rules) {
  Spread s;
  for (const auto& o : in.scale) s.counts.push_back({o.id, 0});
  double sum = 0;
  int scored = 0;
  for (const auto& r : ratings) {
    const auto* o = scale_option(in, r);
    if (!o) continue;
    ++s.n;
    for (auto& [id, c] : s.counts)
      if (id == r) ++c;
    if (o->score) {
      double p = *o->score;
      s.lowest = s.lowest ? std::min(*s.lowest, p) : p;
      s.highest = s.highest ? std::max(*s.highest, p) : p;
      sum += p;
      ++scored;
    }
  }
  if (scored) s.mean = sum / scored;
  if (s.lowest && s.highest) s.disagreement = *s.highest - *s.lowest >= rules.spread_alert;
  int best = 0;
  for (const auto& [id, c] : s.counts)  // scale is best first: a later equal count is lower
    if (c > 0 && c >= best) {
      best = c;
      s.typical = id;
    }
  return s;
}

}  // namespace dp::selfassess
