#include "selfassess/comparison.h"

namespace dp::selfassess {

Profile profile_of(const Result& r) {
  Profile p;
  if (r.overall.value) p["overall"] = *r.overall.value;
  auto put = [&](const char* dim, const std::vector<GroupScore>& gs) {
    for (const auto& g : gs)
      if (g.score.value) p[std::string(dim) + "." + g.id] = *g.score.value;
  };
  put("area", r.areas);
  put("target_group", r.target_groups);
  put("perspective", r.perspectives);
  return p;
}

GroupProfile group_profile(const std::string& kind, const std::string& id, const std::vector<const Profile*>& members,
                           int min_n) {
  GroupProfile g;
  g.kind = kind;
  g.id = id;
  g.n = static_cast<int>(members.size());
  g.hidden = g.n < min_n;
  if (g.hidden) return g;
  std::map<std::string, std::pair<double, int>> acc;
  for (const auto* m : members)
    for (const auto& [k, v] : *m) {
      acc[k].first += v;
      ++acc[k].second;
    }
  for (const auto& [k, sv] : acc)
    if (sv.second >= min_n) {
      g.mean[k] = sv.first / sv.second;
      g.n_of[k] = sv.second;
    }
  return g;
}

}  // namespace dp::selfassess
