// A key figure's page: headline, charts (each with table, summary, SVG/PNG downloads and an embed
// snippet), definition, notes, breaks, lineage and the data downloads; the chart files and the
// frameable embed pages.
#include <algorithm>

#include "core/error.h"
#include "publish/api_support.h"
#include "publish/calendar.h"
#include "publish/charts.h"
#include "publish/markers.h"
#include "publish/page_support.h"
#include "publish/pages.h"
#include "publish/panel_view.h"
#include "publish/svg_png.h"

namespace dp::publish {

using nlohmann::json;

namespace {

const KeyFigureMeta& find_or_404(const Snapshot& snap, const std::string& id) {
  const KeyFigureMeta* kf = snap.find(id);
  if (!kf) throw Error::not_found("There is no published key figure '" + id + "'.");
  return *kf;
}

ChartRequest chart_request(const KeyFigureMeta& kf, const web::Request& req) {
  return {&kf, chosen_cell(kf, req), chosen_year(kf, req), req.lang};
}

}  // namespace

web::Response keyfigure_page(web::App& app, Site& site, const web::Request& req) {
  return cached_page(site, req, [&] {
    auto snap = site.snapshot();
    const auto& kf = find_or_404(*snap, req.param("id"));
    Lang lang = req.lang;
    const auto& t = app.templates();
    ChartRequest r = chart_request(kf, req);

    json ctx = {{"title", kf.title.get(lang)},
                {"id", kf.id},
                {"theme", kf.theme_label.get(lang)},
                {"definition", kf.definition.get(lang)},
                {"unit", kf.unit.get(lang)},
                {"note", kf.note.get(lang)},
                {"source", kf.source_label.empty() ? t.t(lang, "site.name") : kf.source_label.get(lang)}};
    // Headline: the chosen cell's national value in the chosen year.
    ValueQuery q;
    q.keyfigure = kf.id;
    q.breakdowns = {"national"};
    q.cells = {r.cell};
    auto national = site.data().values(q);
    std::vector<Marker> markers;
    const Figure* cur = nullptr;
    for (const auto& v : national)
      if (v.key.year == r.year) cur = &v;
    if (cur) {
      Figure v = disclosed(*cur);
      ctx["latest_value"] = value_text(v.value, v.marker, v.decimals, kf.is_share(), lang);
      ctx["latest_n"] = v.n ? format_integer(*v.n, lang) : marker_style(Marker::NotAvailable).symbol;
      if (kf.has_count()) ctx["latest_count"] = count_text(v, lang);
      if (v.marker != Marker::None) markers.push_back(v.marker);
    } else {
      ctx["latest_value"] = ctx["latest_n"] = marker_style(Marker::NotAvailable).symbol;
      markers.push_back(Marker::NotAvailable);
    }
    std::erase_if(national, [&](auto& v) { return v.key.year > r.year; });
    std::string change = change_text(kf, r.cell, national, t, lang);
    ctx["change"] = change.empty() ? "–" : change;
    ctx["latest_year"] = r.year;
    if (kf.cells.size() > 1) ctx["latest_label"] = kf.cell(r.cell) ? kf.cell(r.cell)->label.get(lang) : "";

    json cells = json::array(), years = json::array();
    for (const auto& c : kf.cells)
      cells.push_back({{"id", c.id},
                       {"label", c.label.empty() ? kf.title.get(lang) : c.label.get(lang)},
                       {"selected", c.id == r.cell}});
    for (auto it = kf.years.rbegin(); it != kf.years.rend(); ++it)
      years.push_back({{"year", *it}, {"selected", *it == r.year}});
    ctx["cells"] = cells;
    ctx["years"] = years;
    ctx["has_choice"] = kf.cells.size() > 1 || kf.years.size() > 1;

    json charts = json::array();
    for (ChartKind k : charts_for(kf)) {
      Chart c = build_chart(site, *snap, t, r, k);
      markers.insert(markers.end(), c.markers.begin(), c.markers.end());
      charts.push_back(chart_view(t, c, kf, r, app.config().base_url, true));
    }
    ctx["charts"] = charts;
    if (auto panel = panel_view(site, *snap, t, kf, r.cell, r.year, lang, markers)) ctx["panel"] = *panel;
    add_legend(ctx, markers, lang);

    json breaks = json::array();
    for (const auto& b : kf.breaks)
      breaks.push_back({{"text", fill(t.t(lang, "stat.break_text"), {{"year", std::to_string(b.year)}})},
                        {"note", b.note.get(lang)}});
    ctx["breaks"] = breaks;
    ctx["has_breaks"] = !breaks.empty();
    json lineage = json::array();
    for (const auto& o : kf.origins)
      lineage.push_back(
          {{"year", o.year},
           {"text", (o.kind == "campaign" ? t.t(lang, "stat.origin_campaign") : t.t(lang, "stat.origin_history")) +
                        " " + o.ref + (o.instrument.empty() ? "" : " (" + o.instrument + ")")}});
    ctx["lineage"] = lineage;
    ctx["has_lineage"] = !lineage.empty();

    std::string data = "/api/v1/keyfigures/" + kf.id + "/data?lang=" + lang_code(lang);
    ctx["csv_url"] = data + "&format=csv";
    ctx["csv_excel_url"] = data + "&format=csv&separator=semicolon";
    ctx["xlsx_url"] = data + "&format=xlsx";
    ctx["jsonstat_url"] = data + "&format=jsonstat";
    ctx["api_url"] = app.config().base_url + "/api/v1/keyfigures/" + kf.id;
    ctx["notices"] = publication_notices(site, kf, lang);
    return app.page(req, "publish/keyfigure", ctx);
  });
}

web::Response chart_file(web::App& app, Site& site, const web::Request& req) {
  auto snap = site.snapshot();
  const auto& kf = find_or_404(*snap, req.param("id"));
  const std::string& file = req.param("file");
  auto dot = file.rfind('.');
  std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  auto kind = parse_chart_slug(file.substr(0, dot));
  if (!kind || (ext != "svg" && ext != "png")) throw Error::not_found("No chart '" + file + "'.");
  auto available = charts_for(kf);
  if (std::find(available.begin(), available.end(), *kind) == available.end())
    throw Error::not_found("No chart '" + file + "' for " + kf.id + ".");
  return cached(site, req, "file\x1f" + cache_key(snap->revision, req), "public, max-age=300", [&] {
    ChartRequest r = chart_request(kf, req);
    Chart c = build_chart(site, *snap, app.templates(), r, *kind);
    std::string source =
        app.templates().t(req.lang, "stat.embed_source") + " · " + app.config().base_url + "/statistik/" + kf.id;
    std::string svg = standalone_svg(app.templates(), c, source);
    std::string name = "digipuls-" + kf.id + "-" + c.slug + "-" + std::to_string(r.year) + "." + ext;
    std::vector<std::pair<std::string, std::string>> h = {
        {"Content-Disposition", "attachment; filename=\"" + name + "\""}};
    if (ext == "png") return encode(200, "image/png", svg_to_png(svg), h);
    return encode(200, "image/svg+xml; charset=utf-8", svg, h);
  });
}

web::Response embed_page(web::App& app, Site& site, const web::Request& req) {
  auto snap = site.snapshot();
  const auto& kf = find_or_404(*snap, req.param("id"));
  auto kind = parse_chart_slug(req.param("chart"));
  if (!kind) throw Error::not_found("No chart '" + req.param("chart") + "'.");
  return cached(site, req, "embed\x1f" + cache_key(snap->revision, req), "public, max-age=300", [&] {
    ChartRequest r = chart_request(kf, req);
    Chart c = build_chart(site, *snap, app.templates(), r, *kind);
    json ctx = {{"t", app.templates().strings(req.lang)},
                {"lang", lang_code(req.lang)},
                {"title", c.title},
                {"chart", chart_view(app.templates(), c, kf, r, app.config().base_url, false)},
                {"page_url", app.config().base_url + "/statistik/" + kf.id},
                {"page_title", kf.title.get(req.lang)}};
    return encode(200, "text/html; charset=utf-8", app.templates().render("publish/embed", ctx));
  });
}

}  // namespace dp::publish
