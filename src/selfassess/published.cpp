#include "selfassess/published.h"

#include "selfassess/views.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

using nlohmann::json;

std::vector<storage::Assessment> published_assessments(storage::Store& store, const std::string& org_code) {
  std::vector<storage::Assessment> out;
  for (const auto& a : store.selfassess().list_for_org(org_code))
    if (a.status == AssessmentStatus::Completed && a.part.empty() && a.publish_overall) out.push_back(a);
  return out;
}

static json groups_api(const std::vector<GroupScore>& gs, Lang lang) {
  json a = json::array();
  for (const auto& g : gs) {
    json j = {{"id", g.id}, {"label", g.label.get(lang)}};
    if (g.score.value) {
      j["score"] = display(*g.score.value);
      j["band"] = g.score.band->id;
    } else {
      j["score"] = nullptr;
      j["marker"] = "not_available";
    }
    a.push_back(j);
  }
  return a;
}

json published_json(const Loaded& l, Lang lang) {
  json j = {{"year", l.assessment.year}, {"instrument", l.assessment.instrument_id}};
  j["overall"] = l.result.overall.value ? json(display(*l.result.overall.value)) : json(nullptr);
  if (l.result.overall.band) j["overall_band"] = l.result.overall.band->id;
  j["areas"] = groups_api(l.result.areas, lang);
  if (l.assessment.publish_target_groups) j["target_groups"] = groups_api(l.result.target_groups, lang);
  return j;
}

}  // namespace dp::selfassess
