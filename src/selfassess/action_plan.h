#pragma once
// The suggested action plan (docs/selfassessment.md, "Action plan"): every indicator whose agreed
// rating scores below the chosen level becomes one item per suggested measure. Priority =
// weight x gap, where gap = the scale's top score minus the indicator's points. Unrated and
// 'Ej relevant' indicators never enter the plan. Sorted by priority, then weight, then document
// order. Pure.
#include <string>
#include <vector>

#include "instrument/model.h"
#include "selfassess/scoring.h"

namespace dp::selfassess {

struct Proposal {
  std::string indicator;
  int measure_no = 0;  // index into the indicator's measures (0 when it has none: a generic item)
  I18n measure;        // the suggested measure (the indicator's label when it lists none)
  std::string rating;
  double points = 0;
  double weight = 0;
  double gap = 0;
  double priority = 0;
};

// Throws dp::Error (BadInput, field "level") when level is not a scored scale option.
std::vector<Proposal> propose_plan(const instrument::Instrument& in, const Ratings& ratings, const std::string& level);

// An item of a stored plan as far as merging is concerned.
struct PlanKey {
  std::string indicator;
  int measure_no = 0;
  bool operator<(const PlanKey& o) const {
    return indicator < o.indicator || (indicator == o.indicator && measure_no < o.measure_no);
  }
};

}  // namespace dp::selfassess
