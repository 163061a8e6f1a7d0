#include "publish/api_data.h"

#include <algorithm>

#include "api/params.h"
#include "core/error.h"
#include "publish/api_support.h"
#include "publish/csv_writer.h"
#include "publish/jsonstat.h"
#include "publish/keyfigure_cube.h"
#include "publish/pagination.h"
#include "publish/xlsx_writer.h"

namespace dp::publish {

namespace {

const std::set<std::string> kParams = {"format", "lang",     "years",     "organisations", "groups",  "breakdowns",
                                       "cells",  "measures", "separator", "page",          "per_page"};

std::string page_url(const web::Request& req, const std::string& base_url, size_t page) {
  std::string q;
  for (const auto& [k, v] : req.query)
    if (k != "page") q += web::url_encode(k) + "=" + web::url_encode(v) + "&";
  return base_url + req.path + "?" + q + "page=" + std::to_string(page);
}

}  // namespace

web::Response api_keyfigure_data(Site& site, const web::Request& req, const std::string& base_url) {
  api::only_params(req, kParams);
  auto snap = site.snapshot();
  const std::string& id = req.param("id");
  const KeyFigureMeta* kf = snap->find(id);
  if (!kf) throw Error::not_found("There is no published key figure '" + id + "'. GET /api/v1/keyfigures lists them.");

  std::string format = api::choice_param(req, "format", {"jsonstat", "csv", "xlsx"}, "jsonstat");
  std::string separator = api::choice_param(req, "separator", {"comma", "semicolon"}, "comma");
  if (req.q("separator") && format != "csv") throw api::bad_param("separator", "separator applies only to format=csv");

  ValueQuery q;
  q.keyfigure = kf->id;
  q.years = api::years_param(req, "years");
  for (int y : q.years)
    if (std::find(kf->years.begin(), kf->years.end(), y) == kf->years.end())
      throw api::bad_param(
          "years", kf->id + " has no published values for " + std::to_string(y) + "; years with values: " + [&] {
            std::vector<std::string> ys;
            for (int x : kf->years) ys.push_back(std::to_string(x));
            return join(ys, ",");
          }());
  for (const auto& c : api::list_param(req, "cells")) {
    std::string cid = c;
    if (c == kf->id) cid = "";
    else if (c.rfind(kf->id + ".", 0) == 0) cid = c.substr(kf->id.size() + 1);
    if (!kf->cell(cid)) throw api::bad_param("cells", kf->id + " has no cell '" + c + "'");
    q.cells.push_back(cid);
  }
  for (const auto& b : api::list_param(req, "breakdowns")) {
    if (std::find(kf->breakdowns.begin(), kf->breakdowns.end(), b) == kf->breakdowns.end())
      throw api::bad_param("breakdowns",
                           kf->id + " is not published by '" + b + "'; breakdowns: " + join(kf->breakdowns, ","));
    q.breakdowns.push_back(b);
  }
  // Organisations and groups are region codes (regions.h); both filter the region dimension.
  std::vector<RegionRef> wanted;
  for (const auto& o : api::list_param(req, "organisations")) {
    if (!snap->regions.organisation(o))
      throw api::bad_param("organisations",
                           "'" + o + "' is not an organisation code (e.g. 0180); GET /api/v1/organisations lists them");
    wanted.push_back({"municipality", o});
  }
  for (const auto& g : api::list_param(req, "groups")) {
    auto r = Regions::parse(g);
    if (!r || r->breakdown == "municipality" || !snap->regions.known(*r))
      throw api::bad_param("groups", "'" + g +
                                         "' is not a group code (00, a county code such as 01, or size_group:<id>); "
                                         "GET /api/v1/groups lists them");
    wanted.push_back(*r);
  }
  bool include_n = true, include_count = true, include_panel = kf->has_panel();
  if (auto ms = api::list_param(req, "measures"); !ms.empty()) {
    include_n = include_count = include_panel = false;
    const auto known = measures_of(*kf);
    for (const auto& m : ms) {
      if (std::find(known.begin(), known.end(), m) == known.end())
        throw api::bad_param("measures", kf->id + "'s measures are " + join({known.begin(), known.end() - 1}, ", ") +
                                             " and " + known.back() + ", not '" + m + "'" +
                                             (m == "count" ? " (a count is published for shares of organisations)"
                                              : m.rfind("panel_", 0) == 0
                                                  ? " (panels are published for shares and counts of organisations "
                                                    "with an earlier published campaign)"
                                                  : ""));
      if (m == "n") include_n = true;
      else if (m == "count") include_count = true;
      else if (m.rfind("panel_", 0) == 0) include_panel = true;
    }
  }
  size_t per_page = api::count_param(req, "per_page", site.config().max_cells, site.config().max_cells);
  size_t page = api::count_param(req, "page", 1, 1000000);

  return cached(site, req, cache_key(snap->revision, req), "public, max-age=300", [&] {
    // Organisations and groups asked for: only their regions (none asked: every region).
    auto unwanted = [&](const auto& v) {
      return !wanted.empty() && std::none_of(wanted.begin(), wanted.end(), [&](const RegionRef& r) {
        return r.breakdown == v.key.breakdown && r.group == v.key.group;
      });
    };
    auto values = site.data().values(q);
    std::erase_if(values, unwanted);
    std::vector<PanelValue> panel;
    if (include_panel) {
      panel = site.data().panel(q);
      std::erase_if(panel, unwanted);
    }
    Cube cube =
        keyfigure_cube(*kf, values, snap->regions, {include_n, include_count, include_panel ? &panel : nullptr});
    cube.updated = snap->updated;
    cube.source = kf->source_label.get(req.lang);
    CubePage pg = page_of_cube(cube, 1, per_page, page);
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<JsonStatLink> links;
    if (pg.span.pages > 1) {
      std::string link;
      auto add = [&](const char* rel, size_t p) {
        links.push_back({rel, page_url(req, base_url, p), ""});
        if (!link.empty()) link += ", ";
        link += "<" + page_url(req, base_url, p) + ">; rel=\"" + rel + "\"";
      };
      add("first", 1);
      if (pg.span.page > 1) add("prev", pg.span.page - 1);
      if (pg.span.page < pg.span.pages) add("next", pg.span.page + 1);
      add("last", pg.span.pages);
      headers.emplace_back("Link", link);
    }
    headers.emplace_back("X-Total-Pages", std::to_string(pg.span.pages));
    std::string stem = "digipuls-" + kf->id + (pg.span.pages > 1 ? "-page" + std::to_string(pg.span.page) : "");
    if (format == "csv") {
      headers.emplace_back("Content-Disposition", "attachment; filename=\"" + stem + ".csv\"");
      auto dialect = separator == "semicolon" ? CsvDialect::Semicolon : CsvDialect::Comma;
      return encode(200, "text/csv; charset=utf-8; header=present", to_csv(pg.cube, req.lang, dialect), headers);
    }
    if (format == "xlsx") {
      headers.emplace_back("Content-Disposition", "attachment; filename=\"" + stem + ".xlsx\"");
      return encode(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    to_xlsx(pg.cube, req.lang), headers);
    }
    JsonStatOptions o;
    o.lang = req.lang;
    o.href = base_url + req.target;
    o.links = links;
    o.extension = {
        {"page", pg.span.page}, {"pages", pg.span.pages}, {"keyfigure", kf->id}, {"revision", snap->revision}};
    if (include_panel) {
      // The year each panel compares with, by year: {"2022": 2021}.
      nlohmann::json panels = nlohmann::json::object();
      for (const auto& [year, previous] : kf->panels) panels[std::to_string(year)] = previous;
      o.extension["panels"] = panels;
    }
    headers.emplace_back("Content-Disposition", "inline; filename=\"" + stem + ".json\"");
    return encode(200, "application/json; charset=utf-8", to_jsonstat(pg.cube, o).dump(), headers);
  });
}

}  // namespace dp::publish
