#include "publish/page_support.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/swedish_time.h"
#include "publish/api_support.h"
#include "publish/markers.h"
#include "storage/campaign_store.h"

namespace dp::publish {

void normalise_query(Site& site, web::Request& req) {
  std::multimap<std::string, std::string> kept;
  auto id = req.params.find("id");
  if (id != req.params.end()) {
    auto snap = site.snapshot();
    for (const auto& kf : snap->keyfigures) {
      if (kf.id != id->second) continue;
      if (auto y = req.q("year"))
        for (int k : kf.years)
          if (std::to_string(k) == *y) kept.emplace("year", *y);
      if (auto c = req.q("cell"); c && kf.cell(*c)) kept.emplace("cell", *c);
    }
  }
  req.query = std::move(kept);
}

nlohmann::json publication_time(const std::string& utc) {
  auto local = utc_to_swedish(utc);
  return {{"utc", utc}, {"date", local.date}, {"time", local.time}};
}

web::Response cached_page(Site& site, const web::Request& req, const std::function<web::Response()>& render) {
  if (req.principal.signed_in()) return render();
  auto snap = site.snapshot();
  std::string key = "page\x1f" + cache_key(snap->revision, req);
  auto hit = site.cache().get(key);
  if (!hit) {
    web::Response r = render();
    if (r.status != 200) return r;
    hit = site.cache().put(key, encode(r.status, r.content_type, std::move(r.body), r.headers));
  }
  web::Response res = from_cache(*hit, req, "public, max-age=60");
  // Pages are not part of the cross-origin API.
  std::erase_if(res.headers, [](auto& h) { return h.first.rfind("Access-Control-", 0) == 0; });
  return res;
}

void add_legend(nlohmann::json& ctx, const std::vector<Marker>& markers, Lang lang) {
  nlohmann::json legend = nlohmann::json::array();
  for (const auto& l : legend_for(markers)) legend.push_back({{"symbol", l.symbol}, {"label", l.label.get(lang)}});
  ctx["legend"] = legend;
  ctx["has_legend"] = !legend.empty();
}

std::string signed_number(double d, int decimals, Lang lang) {
  if (std::fabs(d) < std::pow(10.0, -decimals) / 2) return "0";
  return (d > 0 ? "+" : "\u2212") + format_number(std::fabs(d), decimals, lang);
}

std::string change_text(const KeyFigureMeta& kf, const std::string& cell, const std::vector<Figure>& national,
                        const web::Templates& t, Lang lang) {
  std::vector<Figure> vs;
  for (const auto& v : national)
    if (v.key.cell == cell && v.key.breakdown == "national") vs.push_back(disclosed(v));
  std::sort(vs.begin(), vs.end(), [](auto& a, auto& b) { return a.key.year < b.key.year; });
  if (vs.size() < 2) return "";
  const auto& cur = vs.back();
  const auto& prev = vs[vs.size() - 2];
  for (const auto& b : kf.breaks) {
    bool applies = b.cells.empty() || std::find(b.cells.begin(), b.cells.end(), cell) != b.cells.end();
    if (applies && b.year > prev.key.year && b.year <= cur.key.year) return t.t(lang, "stat.not_comparable");
  }
  if (!cur.value || !prev.value) return "";
  int dec = std::max(cur.decimals, prev.decimals);
  double d = *cur.value - *prev.value;
  if (std::fabs(d) < std::pow(10.0, -dec) / 2)
    return t.t(lang, "stat.no_change") + " (" + std::to_string(prev.key.year) + ")";
  std::string unit = kf.is_share() ? " " + t.t(lang, "stat.change_points") : "";
  return signed_number(d, dec, lang) + unit + " (" + std::to_string(prev.key.year) + ")";
}

int chosen_year(const KeyFigureMeta& kf, const web::Request& req) {
  if (auto y = req.q("year"))
    for (int k : kf.years)
      if (std::to_string(k) == *y) return k;
  return kf.years.empty() ? 0 : kf.years.back();
}

std::string chosen_cell(const KeyFigureMeta& kf, const web::Request& req) {
  if (auto c = req.q("cell"); c && kf.cell(*c)) return *c;
  return kf.cells.empty() ? "" : kf.cells.front().id;
}

nlohmann::json chart_view(const web::Templates& t, const Chart& c, const KeyFigureMeta& kf, const ChartRequest& r,
                          const std::string& base_url, bool links) {
  nlohmann::json v = {
      {"dom_id", c.dom_id}, {"title", c.title}, {"summary", c.summary}, {"svg", c.svg}, {"table", c.table}};
  if (links) {
    std::string q =
        "?cell=" + web::url_encode(r.cell) + "&year=" + std::to_string(r.year) + "&lang=" + lang_code(r.lang);
    std::string base = "/statistik/" + kf.id + "/diagram/" + c.slug;
    std::string embed = base_url + "/embed/statistik/" + kf.id + "/" + c.slug + q;
    bool tall = c.kind == ChartKind::MapCounties || c.kind == ChartKind::MapMunicipalities;
    v["downloads"] = {{"svg_url", base + ".svg" + q},
                      {"png_url", base + ".png" + q},
                      {"embed_code", t.render("publish/embed_code",
                                              {{"src", embed}, {"title", c.title}, {"height", tall ? 1100 : 640}})}};
  }
  return v;
}

RevisionInfo published_or_404(Site& site, const std::string& campaign) {
  auto all = site.data().revisions("");
  for (auto it = all.rbegin(); it != all.rend(); ++it)  // oldest first: the campaign's last is the one shown
    if (it->campaign == campaign) return std::move(*it);
  throw Error::not_found("There is no published report of '" + campaign + "'.");
}

std::string campaign_title(const storage::Campaign& c, Lang lang) {
  return c.title.empty() ? c.slug : c.title.get(lang);
}

std::string campaign_title(Site& site, const RevisionInfo& r, Lang lang) {
  auto c = site.store().campaigns().find(r.campaign);
  return c ? campaign_title(*c, lang) : r.campaign;
}

}  // namespace dp::publish
