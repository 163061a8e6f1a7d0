// The start page (key figures by theme: latest national value and change since the previous
// year) and the catalogue of all key figures (/statistik).
#include <map>

#include "publish/charts.h"
#include "publish/markers.h"
#include "publish/page_support.h"
#include "publish/pages.h"

namespace dp::publish {

using nlohmann::json;

namespace {

// Themes in order of first appearance, with their key figures.
template <class F>
json by_theme(const Snapshot& snap, Lang lang, F&& per_keyfigure) {
  json themes = json::array();
  std::map<std::string, size_t> index;
  for (const auto& kf : snap.keyfigures) {
    auto it = index.find(kf.theme);
    if (it == index.end()) {
      it = index.emplace(kf.theme, themes.size()).first;
      themes.push_back({{"id", kf.theme},
                        {"label", kf.theme_label.get(lang)},
                        {"rows", json::array()},
                        {"keyfigures", json::array()}});
    }
    per_keyfigure(kf, themes[it->second]);
  }
  return themes;
}

}  // namespace

web::Response start_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto snap = site.snapshot();
    Lang lang = req.lang;
    std::vector<Marker> markers;
    json themes = by_theme(*snap, lang, [&](const KeyFigureMeta& kf, json& theme) {
      ValueQuery q;
      q.keyfigure = kf.id;
      q.breakdowns = {"national"};
      if (kf.years.size() >= 2) q.years = {kf.years[kf.years.size() - 2], kf.years.back()};
      auto national = site.data().values(q);
      // One row per key figure: its first cell.
      for (const auto& cell :
           std::vector<CellMeta>(kf.cells.begin(), kf.cells.begin() + std::min<size_t>(1, kf.cells.size()))) {
        const Figure* latest = nullptr;
        for (const auto& v : national)
          if (v.key.cell == cell.id && (!latest || v.key.year > latest->key.year)) latest = &v;
        json row = {{"href", "/statistik/" + kf.id + (cell.id.empty() ? "" : "?cell=" + web::url_encode(cell.id))},
                    {"title", kf.title.get(lang)},
                    {"cell_label", kf.cells.size() > 1 ? cell.label.get(lang) : ""}};
        if (latest) {
          Figure v = disclosed(*latest);
          if (v.marker != Marker::None) markers.push_back(v.marker);
          row["year"] = v.key.year;
          row["value"] = value_text(v.value, v.marker, v.decimals, kf.is_share(), lang);
          row["change"] = change_text(kf, cell.id, national, app.templates(), lang);
          if (row["change"] == "") row["change"] = app.templates().t(lang, "stat.first_year");
        } else {
          row["year"] = "";
          row["value"] = marker_style(Marker::NotAvailable).symbol;
          markers.push_back(Marker::NotAvailable);
          row["change"] = "";
        }
        theme["rows"].push_back(row);
      }
    });
    json ctx = {
        {"title", app.templates().t(lang, "stat.start_heading")}, {"themes", themes}, {"has_themes", !themes.empty()}};
    add_legend(ctx, markers, lang);
    return app.page(req, "publish/start", ctx);
  });
}

web::Response catalogue_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto snap = site.snapshot();
    Lang lang = req.lang;
    json themes = by_theme(*snap, lang, [&](const KeyFigureMeta& kf, json& theme) {
      std::string years = kf.years.empty() ? ""
                          : kf.years.size() == 1
                              ? std::to_string(kf.years[0])
                              : std::to_string(kf.years.front()) + "–" + std::to_string(kf.years.back());
      theme["keyfigures"].push_back({{"id", kf.id},
                                     {"href", "/statistik/" + kf.id},
                                     {"title", kf.title.get(lang)},
                                     {"years", years},
                                     {"unit", kf.unit.get(lang)}});
    });
    json ctx = {{"title", app.templates().t(lang, "stat.catalogue_heading")}, {"themes", themes}};
    return app.page(req, "publish/catalogue", ctx);
  });
}

}  // namespace dp::publish
