#include "selfassess/scoring.h"

#include <cmath>

#include "core/error.h"

namespace dp::selfassess {

using instrument::Instrument;
using instrument::Question;

std::vector<const Question*> indicators(const Instrument& in) {
  std::vector<const Question*> out;
  for (const auto* q : in.questions())
    if (q->maturity) out.push_back(q);
  return out;
}

const instrument::Option* scale_option(const Instrument& in, const std::string& rating) {
  for (const auto& o : in.scale)
    if (o.id == rating) return &o;
  return nullptr;
}

void check_ratings(const Instrument& in, const Ratings& ratings) {
  for (const auto& [id, rating] : ratings) {
    const Question* q = in.question(id);
    Location where;
    where.field = id;
    if (!q || !q->maturity) throw Error::bad_input("'" + id + "' is not an indicator of " + in.id, where);
    if (!rating.empty() && !scale_option(in, rating))
      throw Error::bad_input("indicator " + id + ": '" + rating + "' is not a rating on the scale", where);
  }
}

namespace {

struct Acc {
  double sum = 0;
  Score s;
  void add(const IndicatorScore& is, double weight) {
    if (is.points) {
      sum += weight * *is.points;
      s.weight += weight;
      ++s.scored;
    } else if (is.rating.empty()) {
      ++s.unrated;
    } else {
      ++s.not_relevant;
    }
  }
  Score finish(const Rules& rules) {
    if (s.weight > 0) {
      s.value = sum / s.weight;
      s.band = rules.band_of(display(*s.value));  // the band of the score as shown
    }
    return s;
  }
};

std::vector<GroupScore> by(const std::vector<instrument::Dimension>& dims, const std::vector<IndicatorScore>& items,
                           std::string instrument::MaturityMeta::*key, const Rules& rules) {
  std::vector<GroupScore> out;
  for (const auto& d : dims) {
    Acc acc;
    for (const auto& is : items)
      if ((*is.question->maturity).*key == d.id) acc.add(is, is.question->maturity->weight);
    out.push_back({d.id, d.label, acc.finish(rules)});
  }
  return out;
}

}  // namespace

Result score(const Instrument& in, const Ratings& ratings, const Rules& rules) {
  check_ratings(in, ratings);
  Result r;
  Acc all;
  for (const Question* q : indicators(in)) {
    IndicatorScore is;
    is.question = q;
    if (auto it = ratings.find(q->id); it != ratings.end()) is.rating = it->second;
    if (!is.rating.empty()) is.points = scale_option(in, is.rating)->score;
    all.add(is, q->maturity->weight);
    r.indicators.push_back(is);
  }
  r.overall = all.finish(rules);
  r.areas = by(in.areas, r.indicators, &instrument::MaturityMeta::area, rules);
  r.target_groups = by(in.target_groups, r.indicators, &instrument::MaturityMeta::target_group, rules);
  r.perspectives = by(in.perspectives, r.indicators, &instrument::MaturityMeta::perspective, rules);
  return r;
}

int display(double value) { return static_cast<int>(std::lround(value)); }

}  // namespace dp::selfassess
