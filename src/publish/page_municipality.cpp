// The municipality list (by county, Swedish collation) and a municipality's page: its key figures
// side by side with its county, its size group and the nation (no rank colours), its history and
// its published answers.
#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "publish/charts.h"
#include "publish/markers.h"
#include "publish/municipality_answers.h"
#include "publish/page_support.h"
#include "publish/pages.h"

namespace dp::publish {

using nlohmann::json;

web::Response municipalities_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto snap = site.snapshot();
    const auto& R = snap->regions;
    json counties = json::array();
    std::vector<registry::County> cs = R.counties();
    sort_sv_by(cs.begin(), cs.end(), [](const registry::County& c) { return c.name; });
    for (const auto& c : cs) {
      std::vector<const registry::Organisation*> ms;
      for (const auto& o : R.organisations())
        if (o.county_code == c.code && o.kind == "municipality") ms.push_back(&o);
      sort_sv_by(ms.begin(), ms.end(), [](const registry::Organisation* o) { return o->name; });
      json list = json::array();
      for (auto* o : ms) list.push_back({{"code", o->code}, {"name", o->name}});
      counties.push_back({{"code", c.code}, {"name", c.name}, {"municipalities", list}});
    }
    json ctx = {{"title", app.templates().t(req.lang, "stat.municipalities_heading")}, {"counties", counties}};
    return app.page(req, "publish/municipalities", ctx);
  });
}

web::Response municipality_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto snap = site.snapshot();
    const auto& R = snap->regions;
    const registry::Organisation* org = R.organisation(req.param("code"));
    if (!org) throw Error::not_found("There is no municipality with the code '" + req.param("code") + "'.");
    Lang lang = req.lang;
    const auto& t = app.templates();
    RegionRef self{"municipality", org->code}, county{"county", org->county_code}, size{"size_group", org->size_group},
        nation{"national", "total"};
    std::vector<RegionRef> cols = {self, county, size, nation};
    std::vector<Marker> markers;
    // The municipality's own share of a base of one is its answer: "Ja" or "Nej" reads better than
    // "100 %" or the nil marker.
    auto text_of = [&](const Figure& v, const KeyFigureMeta& kf) {
      if (v.key.breakdown == "municipality" && kf.stat == "share" && v.n == 1 && v.count && *v.count <= 1)
        return t.t(lang, *v.count == 1 ? "stat.own_yes" : "stat.own_no");
      return value_text(v.value, v.marker, v.decimals, kf.is_share(), lang);
    };

    json head = json::array({{{"text", t.t(lang, "stat.keyfigure")}, {"num", false}},
                             {{"text", t.t(lang, "stat.latest_year")}, {"num", true}}});
    for (const auto& c : cols) head.push_back({{"text", R.label(c).get(lang)}, {"num", true}});
    json rows = json::array();
    // History: the municipality's own values by year, for key figures published per municipality.
    std::set<int> hist_years;
    std::vector<std::pair<std::string, std::map<int, std::string>>> hist;
    for (const auto& kf : snap->keyfigures) {
      ValueQuery q;
      q.keyfigure = kf.id;
      q.groups = {org->code, org->county_code, org->size_group, "total"};
      auto values = site.data().values(q);
      std::erase_if(values, [&](const Figure& v) {
        return std::none_of(cols.begin(), cols.end(),
                            [&](auto& c) { return c.breakdown == v.key.breakdown && c.group == v.key.group; });
      });
      if (values.empty()) continue;
      int year = 0;
      for (const auto& v : values) year = std::max(year, v.key.year);
      for (const auto& cell : kf.cells) {
        std::string label = kf.title.get(lang) + (kf.cells.size() > 1 ? ": " + cell.label.get(lang) : "");
        json cells = json::array({{{"text", std::to_string(year)}, {"num", true}}});
        bool any = false;
        for (const auto& c : cols) {
          auto it = std::find_if(values.begin(), values.end(), [&](auto& v) {
            return v.key.cell == cell.id && v.key.year == year && v.key.breakdown == c.breakdown &&
                   v.key.group == c.group;
          });
          std::string text = marker_style(Marker::NotAvailable).symbol;
          if (it != values.end()) {
            Figure v = disclosed(*it);
            text = text_of(v, kf);
            if (v.marker != Marker::None && text == value_text(v.value, v.marker, v.decimals, kf.is_share(), lang))
              markers.push_back(v.marker);
            any = true;
          } else {
            markers.push_back(Marker::NotAvailable);
          }
          cells.push_back({{"text", text}, {"num", true}});
        }
        if (any)
          rows.push_back(
              {{"th", label},
               {"href", "/statistik/" + kf.id + (cell.id.empty() ? "" : "?cell=" + web::url_encode(cell.id))},
               {"cells", cells}});
        std::map<int, std::string> own;
        for (const auto& raw : values)
          if (raw.key.cell == cell.id && raw.key.breakdown == "municipality") {
            Figure v = disclosed(raw);
            own[v.key.year] = text_of(v, kf);
            hist_years.insert(v.key.year);
          }
        if (!own.empty()) hist.push_back({label, own});
      }
    }
    json ctx = {{"title", org->name},
                {"name", org->name},
                {"county_name", org->county_name},
                {"size_group", R.label(size).get(lang)},
                {"population", org->population ? format_integer(*org->population, lang) : "–"}};
    if (!rows.empty())
      ctx["compare"] = {
          {"caption", t.t(lang, "stat.compare_heading") + ": " + org->name}, {"head", head}, {"rows", rows}};
    if (!hist.empty()) {
      json hh = json::array({{{"text", t.t(lang, "stat.keyfigure")}, {"num", false}}});
      for (int y : hist_years) hh.push_back({{"text", std::to_string(y)}, {"num", true}});
      json hr = json::array();
      for (const auto& [label, own] : hist) {
        json cells = json::array();
        for (int y : hist_years)
          cells.push_back(
              {{"text", own.count(y) ? own.at(y) : marker_style(Marker::NotAvailable).symbol}, {"num", true}});
        hr.push_back({{"th", label}, {"cells", cells}});
      }
      ctx["history"] = {{"caption", t.t(lang, "stat.history_heading") + ": " + org->name}, {"head", hh}, {"rows", hr}};
      ctx["has_history"] = true;
    }
    json answers = json::array();
    for (const auto& a : published_answers(site, *org, lang)) {
      json body = json::array();
      for (const auto& [q, ans] : a.rows)
        body.push_back({{"th", q}, {"cells", json::array({{{"text", ans}, {"num", false}}})}});
      answers.push_back({{"title", a.title},
                         {"table",
                          {{"caption", a.title},
                           {"head", json::array({{{"text", t.t(lang, "stat.question")}, {"num", false}},
                                                 {{"text", t.t(lang, "stat.answer")}, {"num", false}}})},
                           {"rows", body}}}});
    }
    ctx["answers"] = answers;
    add_legend(ctx, markers, lang);
    return app.page(req, "publish/municipality", ctx);
  });
}

}  // namespace dp::publish
