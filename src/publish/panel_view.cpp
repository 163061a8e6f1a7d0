#include "publish/panel_view.h"

#include <algorithm>

#include "core/text.h"
#include "publish/charts.h"
#include "publish/markers.h"
#include "publish/page_support.h"

namespace dp::publish {

using nlohmann::json;

std::optional<json> panel_view(Site& site, const Snapshot& snap, const web::Templates& t, const KeyFigureMeta& kf,
                               const std::string& cell, int year, Lang lang, std::vector<Marker>& markers) {
  if (!kf.has_panel()) return std::nullopt;
  auto pair = std::find_if(kf.panels.begin(), kf.panels.end(), [&](const auto& p) { return p.first == year; });
  if (pair == kf.panels.end()) return std::nullopt;
  ValueQuery q;
  q.keyfigure = kf.id;
  q.cells = {cell};
  q.years = {year};
  auto values = site.data().panel(q);
  if (values.empty()) return std::nullopt;
  std::stable_sort(values.begin(), values.end(), [&](const PanelValue& a, const PanelValue& b) {
    return snap.regions.less({a.key.breakdown, a.key.group}, {b.key.breakdown, b.key.group});
  });
  const int previous = pair->second;
  const bool share = kf.is_share();
  const std::map<std::string, std::string> years = {{"year", std::to_string(year)},
                                                    {"previous", std::to_string(previous)}};
  const CellMeta* c = kf.cell(cell);
  std::string what = c && !c->label.empty() ? kf.title.get(lang) + ": " + c->label.get(lang) : kf.title.get(lang);

  json rows = json::array();
  std::string summary;
  for (const auto& v : values) {
    if (v.marker != Marker::None) markers.push_back(v.marker);
    std::string sym = marker_style(v.marker).symbol;
    auto change = v.change();
    std::string n = v.n ? format_integer(*v.n, lang) : sym;
    std::string before = value_text(v.before, v.marker, v.decimals, share, lang);
    std::string now = value_text(v.now, v.marker, v.decimals, share, lang);
    std::string diff = change ? signed_number(*change, v.decimals, lang) : sym;
    rows.push_back({{"th", snap.regions.label({v.key.breakdown, v.key.group}).get(lang)},
                    {"cells",
                     {{{"text", n}, {"num", true}},
                      {{"text", before}, {"num", true}},
                      {{"text", now}, {"num", true}},
                      {{"text", diff}, {"num", true}}}}});
    if (v.key.breakdown == "national")
      summary = change ? fill(t.t(lang, "stat.panel_summary"),
                              {{"n", n},
                               {"before", before},
                               {"now", now},
                               {"year", std::to_string(year)},
                               {"previous", std::to_string(previous)},
                               {"change", diff + (share ? " " + t.t(lang, "stat.change_points") : "")}})
                       : fill(t.t(lang, "stat.panel_summary_none"), years);
  }
  json table = {
      {"caption", fill(t.t(lang, "stat.panel_caption"),
                       {{"what", what}, {"year", std::to_string(year)}, {"previous", std::to_string(previous)}})},
      {"head",
       {{{"text", t.t(lang, "stat.region")}},
        {{"text", t.t(lang, "stat.panel_n")}, {"num", true}},
        {{"text", std::to_string(previous)}, {"num", true}},
        {{"text", std::to_string(year)}, {"num", true}},
        {{"text", t.t(lang, share ? "stat.panel_change_points" : "stat.panel_change")}, {"num", true}}}},
      {"rows", rows}};
  return json{{"heading", fill(t.t(lang, "stat.panel_heading"), years)},
              {"intro", fill(t.t(lang, "stat.panel_intro"), years)},
              {"summary", summary},
              {"table", table}};
}

}  // namespace dp::publish
