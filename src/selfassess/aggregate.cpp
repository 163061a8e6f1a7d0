#include "selfassess/aggregate.h"

#include "selfassess/context.h"

namespace dp::selfassess {

std::vector<Member> members(storage::Store& store, const std::string& instrument_id, bool only_published,
                            const Rules& rules) {
  std::vector<Member> out;
  for (const auto& a : store.selfassess().list_all()) {
    if (a.instrument_id != instrument_id || a.status != AssessmentStatus::Completed || !a.part.empty()) continue;
    if (only_published && !a.publish_overall) continue;
    Loaded l = load(store, a, rules);
    Member m;
    m.assessment = a;
    if (l.org) {
      m.county_code = l.org->county_code;
      m.county_name = l.org->county_name;
      m.size_group = l.org->size_group;
    }
    m.profile = profile_of(l.result);
    m.ratings = l.ratings;
    out.push_back(std::move(m));
  }
  return out;
}

GroupProfile group(const std::vector<Member>& ms, const std::string& kind, const std::string& id, int min_n) {
  std::vector<const Profile*> ps;
  for (const auto& m : ms)
    if (kind == "national" || (kind == "county" && m.county_code == id) || (kind == "size_group" && m.size_group == id))
      ps.push_back(&m.profile);
  return group_profile(kind, kind == "national" ? "" : id, ps, min_n);
}

}  // namespace dp::selfassess
