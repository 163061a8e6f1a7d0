#include "selfassess/action_plan.h"

#include <algorithm>

#include "core/error.h"

namespace dp::selfassess {

std::vector<Proposal> propose_plan(const instrument::Instrument& in, const Ratings& ratings, const std::string& level) {
  const auto* lv = scale_option(in, level);
  if (!lv || !lv->score) {
    Location where;
    where.field = "level";
    throw Error::bad_input("'" + level + "' is not a scored level of the scale", where);
  }
  check_ratings(in, ratings);
  double top = 0;
  for (const auto& o : in.scale)
    if (o.score) top = std::max(top, *o.score);

  std::vector<Proposal> out;
  std::vector<size_t> order;  // document order of each proposal's indicator
  size_t pos = 0;
  for (const auto* q : indicators(in)) {
    ++pos;
    auto it = ratings.find(q->id);
    if (it == ratings.end() || it->second.empty()) continue;
    const auto* o = scale_option(in, it->second);
    if (!o->score || *o->score >= *lv->score) continue;
    Proposal p;
    p.indicator = q->id;
    p.rating = o->id;
    p.points = *o->score;
    p.weight = q->maturity->weight;
    p.gap = top - p.points;
    p.priority = p.weight * p.gap;
    if (q->maturity->measures.empty()) {
      p.measure = q->label;
      out.push_back(p);
      order.push_back(pos);
    }
    for (size_t i = 0; i < q->maturity->measures.size(); ++i) {
      p.measure_no = static_cast<int>(i);
      p.measure = q->maturity->measures[i];
      out.push_back(p);
      order.push_back(pos);
    }
  }
  std::vector<size_t> idx(out.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (out[a].priority != out[b].priority) return out[a].priority > out[b].priority;
    if (out[a].weight != out[b].weight) return out[a].weight > out[b].weight;
    return order[a] < order[b];
  });
  std::vector<Proposal> sorted;
  for (size_t i : idx) sorted.push_back(out[i]);
  return sorted;
}

}  // namespace dp::selfassess
