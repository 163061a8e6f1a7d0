#include "publish/api_kolada.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "api/params.h"
#include "core/error.h"
#include "publish/api_support.h"
#include "publish/markers.h"
#include "publish/pagination.h"

namespace dp::publish {

using nlohmann::json;

std::string kolada_id(const RegionRef& r) {
  if (r.breakdown == "national") return "0000";
  if (r.breakdown == "county") return "00" + r.group;
  if (r.breakdown == "municipality") return r.group;
  return "";
}

std::optional<RegionRef> from_kolada_id(const std::string& id) {
  if (id.size() != 4 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  if (id == "0000") return RegionRef{"national", "total"};
  if (id.rfind("00", 0) == 0) return RegionRef{"county", id.substr(2)};
  return RegionRef{"municipality", id};
}

web::Response api_kolada(Site& site, const web::Request& req, const std::string& base_url) {
  api::only_params(req, {"lang", "page", "per_page"});
  auto snap = site.snapshot();
  std::vector<const KeyFigureMeta*> kfs;
  for (const auto& id : split(req.param("kpi"), ',')) {
    const KeyFigureMeta* kf = snap->find(trim(id));
    if (!kf)
      throw api::bad_param("kpi", "'" + id + "' is not a published key figure; GET /api/v1/keyfigures lists them");
    kfs.push_back(kf);
  }
  std::vector<RegionRef> regions;
  if (auto it = req.params.find("municipality"); it != req.params.end()) {
    for (const auto& m : split(it->second, ',')) {
      auto r = from_kolada_id(trim(m));
      if (!r || !snap->regions.known(*r))
        throw api::bad_param("municipality",
                             "'" + m + "' is not a municipality id (four digits; 0000 = Sweden, 00NN = county NN)");
      regions.push_back(*r);
    }
  }
  std::vector<int> years;
  if (auto it = req.params.find("year"); it != req.params.end()) {
    for (const auto& y : split(it->second, ',')) {
      std::string s = trim(y);
      bool ok = s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!ok) throw api::bad_param("year", "'" + y + "' is not a year");
      years.push_back(std::stoi(s));
    }
    if (years.size() > 25) throw api::bad_param("year", "at most 25 years per call");
  }
  size_t per_page =
      api::count_param(req, "per_page", site.config().kolada_max_per_page, site.config().kolada_max_per_page);
  size_t page = api::count_param(req, "page", 1, 1000000);

  return cached(site, req, cache_key(snap->revision, req), "public, max-age=300", [&] {
    // One row per key figure × region × year; its "values" hold the cells.
    struct Row {
      std::string kpi, region;
      int year;
      json values = json::array();
    };
    std::vector<Row> rows;
    std::map<std::tuple<std::string, std::string, int>, size_t> index;
    for (const auto* kf : kfs) {
      ValueQuery q;
      q.keyfigure = kf->id;
      q.years = years;
      if (regions.empty()) q.breakdowns = {"national", "county", "municipality"};
      for (const auto& raw : site.data().values(q)) {
        Figure v = disclosed(raw);
        RegionRef r{v.key.breakdown, v.key.group};
        std::string kid = kolada_id(r);
        if (kid.empty()) continue;
        if (!regions.empty() && std::none_of(regions.begin(), regions.end(),
                                             [&](auto& w) { return w.breakdown == r.breakdown && w.group == r.group; }))
          continue;
        auto key = std::make_tuple(kf->id, kid, v.key.year);
        auto it = index.find(key);
        if (it == index.end()) {
          it = index.emplace(key, rows.size()).first;
          rows.push_back({kf->id, kid, v.key.year});
        }
        json cell = {{"gender", "T"}, {"cell", v.key.cell}, {"status", marker_style(v.marker).symbol}};
        cell["value"] = v.value ? json(*v.value) : json(nullptr);
        cell["count"] = v.n ? json(*v.n) : json(nullptr);
        rows[it->second].values.push_back(cell);
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return std::tie(a.kpi, a.region, a.year) < std::tie(b.kpi, b.region, b.year);
    });
    PageSpan span = page_of_rows(rows.size(), per_page, page);
    json values = json::array();
    for (size_t i = span.first; i < span.first + span.count; ++i)
      values.push_back({{"kpi", rows[i].kpi},
                        {"municipality", rows[i].region},
                        {"period", rows[i].year},
                        {"values", rows[i].values}});
    auto url = [&](size_t p) {
      return base_url + req.path + "?per_page=" + std::to_string(per_page) + "&page=" + std::to_string(p);
    };
    json body = {{"count", rows.size()}, {"values", values}};
    body["next_page"] = span.page < span.pages ? json(url(span.page + 1)) : json(nullptr);
    body["previous_page"] = span.page > 1 ? json(url(span.page - 1)) : json(nullptr);
    return encode(200, "application/json; charset=utf-8", body.dump(), {{"X-Total-Pages", std::to_string(span.pages)}});
  });
}

}  // namespace dp::publish
