// The publication calendar (/publiceringskalender) and the notices of key-figure pages: coming
// publications, and what a revision published after the first one changed.
#include <algorithm>
#include <set>

#include "publish/calendar.h"
#include "publish/page_support.h"
#include "publish/pages.h"

namespace dp::publish {

using nlohmann::json;

namespace {

json announcement_view(const Announcement& a, Lang lang) {
  json v = publication_time(a.at);
  v["campaign"] = a.campaign;
  v["title"] = a.title.get(lang);
  v["year"] = a.year;
  return v;
}

constexpr size_t kChangesShown = 12;  // the rest are counted; the API lists them all

}  // namespace

json publication_notices(Site& site, const KeyFigureMeta& kf, Lang lang) {
  json out = {{"upcoming", json::array()}, {"has_upcoming", false}, {"revised", json::array()}, {"has_revised", false}};
  for (const auto& a : site.data().upcoming()) out["upcoming"].push_back(announcement_view(a, lang));
  out["has_upcoming"] = !out["upcoming"].empty();
  auto snap = site.snapshot();
  std::set<std::string> seen;  // campaigns whose first publication has passed (revisions come oldest first)
  for (const auto& r : site.data().revisions(kf.id)) {
    if (seen.insert(r.campaign).second) continue;  // the first publication revised nothing
    json v = publication_time(r.published_at);
    v["campaign"] = r.campaign;
    v["year"] = r.year;
    v["revision"] = r.revision;
    // Mustache reads a missing or empty key from the enclosing page (the key figure's own note):
    // flags and distinct names instead.
    v["has_note"] = !r.note.empty();
    v["note_text"] = r.note;
    v["changed"] = r.changes.size();
    v["unchanged"] = r.changes.empty();
    json rows = json::array();
    for (size_t i = 0; i < r.changes.size() && i < kChangesShown; ++i) {
      const auto& c = r.changes[i];
      const CellMeta* cell = kf.cell(c.key.cell);
      std::string what = cell && !cell->label.empty() ? cell->label.get(lang) + ", "
                         : c.key.cell.empty()         ? ""
                                                      : c.key.cell + ", ";
      what += snap->regions.label({c.key.breakdown, c.key.group}).get(lang) + " " + std::to_string(c.key.year);
      rows.push_back({{"what", what},
                      {"before", value_text(c.before.value, c.before.marker, c.before.decimals, kf.is_share(), lang)},
                      {"after", value_text(c.after.value, c.after.marker, c.after.decimals, kf.is_share(), lang)}});
    }
    v["changes"] = rows;
    v["has_more"] = r.changes.size() > kChangesShown;
    v["more_count"] = r.changes.size() > kChangesShown ? r.changes.size() - kChangesShown : 0;
    out["revised"].push_back(v);
  }
  out["has_revised"] = !out["revised"].empty();
  return out;
}

web::Response calendar_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    Lang lang = req.lang;
    json upcoming = json::array();
    for (const auto& a : site.data().upcoming()) upcoming.push_back(announcement_view(a, lang));
    // Past publications, newest first: every published revision of every campaign.
    json past = json::array();
    auto all = site.data().revisions("");
    std::set<std::string> seen;
    std::vector<bool> first;
    for (const auto& r : all) first.push_back(seen.insert(r.campaign).second);
    std::vector<size_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return all[a].published_at > all[b].published_at; });
    for (size_t i : order) {
      const auto* it = &all[i];
      json v = publication_time(it->published_at);
      v["campaign"] = it->campaign;
      v["year"] = it->year;
      v["revision"] = it->revision;
      v["has_note"] = !it->note.empty();
      v["note_text"] = it->note;
      v["changed"] = it->changes.size();
      v["first"] = static_cast<bool>(first[i]);
      past.push_back(v);
    }
    json ctx = {{"title", app.templates().t(lang, "stat.calendar_heading")},
                {"upcoming", upcoming},
                {"has_upcoming", !upcoming.empty()},
                {"past", past},
                {"has_past", !past.empty()}};
    return app.page(req, "publish/calendar", ctx);
  });
}

}  // namespace dp::publish
