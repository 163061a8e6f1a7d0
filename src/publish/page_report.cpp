// The published reports on the site (/rapporter): each campaign's report as its latest published
// revision shows it, as a page listing its tables and as files (HTML, XLSX, CSV) written by the
// same writers as `digipuls report`. Nothing of a revision that is not yet published is reachable:
// the revision is the published one, and other years' figures are those published.
#include <algorithm>

#include "core/error.h"
#include "publish/api_support.h"
#include "publish/page_support.h"
#include "publish/pages.h"
#include "report/render.h"
#include "stats/table_build.h"
#include "storage/campaign_store.h"

namespace dp::publish {

using nlohmann::json;

namespace {

// The latest published revision of each campaign, in the order they were first published.
std::vector<RevisionInfo> latest_revisions(Site& site) {
  std::vector<RevisionInfo> out;
  for (auto& r : site.data().revisions("")) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& o) { return o.campaign == r.campaign; });
    if (it == out.end()) out.push_back(std::move(r));
    else *it = std::move(r);  // oldest first: a later one replaces
  }
  return out;
}

std::string file_format(const std::string& file) {
  auto dot = file.rfind('.');
  std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  return ext == "html" || ext == "xlsx" || ext == "csv" ? ext : "";
}

std::string content_type(const std::string& format) {
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "text/csv; charset=utf-8";
}

// The HTML report carries its own stylesheet and no script: it may style itself, nothing else.
const char* kReportPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'";

}  // namespace

web::Response reports_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    Lang lang = req.lang;
    json reports = json::array();
    for (const auto& r : latest_revisions(site)) {
      json v = publication_time(r.published_at);
      v["campaign"] = r.campaign;
      v["title"] = campaign_title(site, r, lang);
      v["year"] = r.year;
      v["revision"] = r.revision;
      reports.push_back(v);
    }
    json ctx = {
        {"title", app.templates().t(lang, "reports.heading")}, {"reports", reports}, {"has_reports", !reports.empty()}};
    return app.page(req, "publish/reports", ctx);
  });
}

web::Response report_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto info = published_or_404(site, req.param("campaign"));
    Lang lang = req.lang;
    auto r = site.published_report(info.campaign, info.revision);
    const auto& spec = r->spec();
    std::string base = "/rapporter/" + info.campaign + "/";
    std::string name = report::report_basename(*r);
    json parts = json::array();
    for (const auto& part : spec.parts) {
      json tables = json::array();
      for (const auto& t : r->tables)
        if (t.part == part.id)
          tables.push_back({{"number", t.number.get(lang)},
                            {"title", t.title.get(lang)},
                            {"html", base + name + ".html#" + report::table_anchor(t.id)},
                            {"csv", base + t.id + ".csv"}});
      if (!tables.empty()) parts.push_back({{"title", part.title.get(lang)}, {"tables", tables}});
    }
    json ctx = publication_time(info.published_at);
    ctx["title"] = stats::expand_years(spec.title.get(lang), info.year);
    ctx["campaign_title"] = campaign_title(site, info, lang);
    ctx["publisher"] = spec.publisher.get(lang);
    ctx["revision"] = info.revision;
    ctx["has_note"] = !info.note.empty();
    ctx["note_text"] = info.note;
    ctx["html"] = base + name + ".html";
    ctx["xlsx"] = base + name + ".xlsx";
    ctx["csv"] = base + name + ".csv";
    ctx["tables_csv"] = base + "tables.csv";
    ctx["markers_csv"] = base + "markers.csv";
    ctx["summary"] = base + "sammanfattning";
    ctx["parts"] = parts;
    ctx["table_count"] = r->tables.size();
    return app.page(req, "publish/report_downloads", ctx);
  });
}

web::Response report_file(web::App&, Site& site, const web::Request& req) {
  const std::string& campaign = req.param("campaign");
  const std::string& file = req.param("file");
  auto snap = site.snapshot();
  auto key = [&](const std::string& f) {
    return "report\x1f" + snap->revision + "\x1f" + lang_code(req.lang) + "\x1f" + campaign + "\x1f" + f;
  };
  // The cache holds files only of campaigns published in this state of the data (it is emptied
  // whenever that changes), so a hit needs no look at the revisions.
  auto hit = site.cache().get(key(file));
  if (!hit) {
    std::string format = file_format(file);
    if (format.empty()) throw Error::not_found("No report file '" + file + "'.");
    auto info = published_or_404(site, campaign);
    auto r = site.published_report(info.campaign, info.revision);
    // One writing gives every file of the format (all tables' CSVs at once): keep them all.
    for (auto& f : report::render_files(*r, format, req.lang)) {
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Content-Disposition",
           std::string(format == "html" ? "inline" : "attachment") + "; filename=\"" + f.name + "\""}};
      if (format == "html") headers.emplace_back("Content-Security-Policy", kReportPolicy);
      auto entry = site.cache().put(key(f.name), encode(200, content_type(format), std::move(f.body), headers));
      if (f.name == file) hit = entry;
    }
    if (!hit) throw Error::not_found("No report file '" + file + "'.");
  }
  return from_cache(*hit, req, "public, max-age=300");
}

}  // namespace dp::publish
