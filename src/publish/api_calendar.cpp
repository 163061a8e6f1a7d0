#include "publish/api_calendar.h"

#include <nlohmann/json.hpp>

#include "api/params.h"
#include "core/error.h"
#include "publish/api_support.h"

namespace dp::publish {

using nlohmann::json;

namespace {

web::Response answer(Site& site, const web::Request& req, const std::function<json()>& make) {
  // The key carries the data revision, which changes when a scheduled revision becomes public.
  return cached(site, req, cache_key(site.snapshot()->revision, req), "public, max-age=60",
                [&] { return encode(200, "application/json; charset=utf-8", make().dump()); });
}

json value_json(const FigureValue& v) {
  return {{"value", v.value ? json(*v.value) : json(nullptr)},
          {"n", v.n ? json(*v.n) : json(nullptr)},
          {"status", v.marker == Marker::None ? json(nullptr) : json(marker_name(v.marker))},
          {"decimals", v.decimals}};
}

json revision_json(const RevisionInfo& r, bool with_changes) {
  json j = {{"campaign", r.campaign},         {"year", r.year}, {"revision", r.revision},
            {"published_at", r.published_at}, {"note", r.note}, {"changed", r.changes.size()}};
  if (with_changes) {
    json changes = json::array();
    for (const auto& c : r.changes)
      changes.push_back({{"keyfigure", c.key.keyfigure},
                         {"cell", c.key.cell},
                         {"breakdown", c.key.breakdown},
                         {"group", c.key.group},
                         {"region", Regions::code_of({c.key.breakdown, c.key.group})},
                         {"year", c.key.year},
                         {"before", value_json(c.before)},
                         {"after", value_json(c.after)}});
    j["changes"] = changes;
  }
  return j;
}

}  // namespace

web::Response api_calendar(Site& site, const web::Request& req) {
  api::only_params(req, {"lang"});
  Lang lang = req.lang;
  return answer(site, req, [&] {
    json upcoming = json::array();
    for (const auto& a : site.data().upcoming())
      upcoming.push_back(
          {{"campaign", a.campaign}, {"title", a.title.get(lang)}, {"year", a.year}, {"publish_at", a.at}});
    json published = json::array();
    for (const auto& r : site.data().revisions("")) published.push_back(revision_json(r, false));
    return json{{"upcoming", upcoming}, {"published", published}};
  });
}

web::Response api_keyfigure_revisions(Site& site, const web::Request& req) {
  api::only_params(req, {"lang"});
  auto snap = site.snapshot();
  const KeyFigureMeta* kf = snap->find(req.param("id"));
  if (!kf) throw Error::not_found("There is no published key figure '" + req.param("id") + "'.");
  return answer(site, req, [&] {
    json list = json::array();
    for (const auto& r : site.data().revisions(kf->id)) list.push_back(revision_json(r, true));
    return json{{"keyfigure", kf->id}, {"revisions", list}};
  });
}

}  // namespace dp::publish
