#pragma once
// Weighted maturity scores on 0-100 (docs/selfassessment.md, "Scoring"):
//   score(group) = sum(weight_i * points_i) / sum(weight_i)
// over the group's indicators that have a scored rating. 'Ej relevant' (a scale option without
// a score) and unrated indicators are left out of both sums, so they never pull a score down.
// A group without any scored rating has no score. Pure: no I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "selfassess/rules.h"

namespace dp::selfassess {

// Agreed ratings: indicator id -> scale option id.
using Ratings = std::map<std::string, std::string>;

struct Score {
  std::optional<double> value;  // 0-100, unrounded
  int scored = 0;               // indicators that counted
  int not_relevant = 0;         // rated 'Ej relevant' (out of the denominator)
  int unrated = 0;
  double weight = 0;         // sum of weights that counted
  std::optional<Band> band;  // set when value is set (a copy: Score outlives the Rules)
};

struct GroupScore {
  std::string id;
  I18n label;
  Score score;
};

struct IndicatorScore {
  const instrument::Question* question = nullptr;
  std::string rating;            // "" = unrated
  std::optional<double> points;  // the rating's score; none for unrated and 'Ej relevant'
};

struct Result {
  Score overall;
  std::vector<GroupScore> areas, target_groups, perspectives;  // in the instrument's order
  std::vector<IndicatorScore> indicators;                      // in document order
};

// The scale option for a rating id, or nullptr.
const instrument::Option* scale_option(const instrument::Instrument& in, const std::string& rating);

// Throws dp::Error (BadInput, field = indicator id) for an unknown indicator or rating.
void check_ratings(const instrument::Instrument& in, const Ratings& ratings);

Result score(const instrument::Instrument& in, const Ratings& ratings, const Rules& rules);

// The indicators of a maturity instrument in document order.
std::vector<const instrument::Question*> indicators(const instrument::Instrument& in);

// Rounds a score for display (half away from zero, whole points).
int display(double value);

}  // namespace dp::selfassess
