#include "publish/charts.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "publish/bar_chart.h"
#include "publish/chart_scale.h"
#include "publish/choropleth.h"
#include "publish/keyfigure_cube.h"
#include "publish/line_chart.h"
#include "publish/markers.h"
#include "publish/palette.h"

namespace dp::publish {

using nlohmann::json;

const char* chart_slug(ChartKind k) {
  switch (k) {
    case ChartKind::TimeSeries: return "tidsserie";
    case ChartKind::Counties: return "lan";
    case ChartKind::SizeGroups: return "kommungrupp";
    case ChartKind::MapCounties: return "karta-lan";
    case ChartKind::MapMunicipalities: return "karta-kommun";
  }
  return "";
}

std::optional<ChartKind> parse_chart_slug(const std::string& slug) {
  for (auto k : {ChartKind::TimeSeries, ChartKind::Counties, ChartKind::SizeGroups, ChartKind::MapCounties,
                 ChartKind::MapMunicipalities})
    if (slug == chart_slug(k)) return k;
  return std::nullopt;
}

std::vector<ChartKind> charts_for(const KeyFigureMeta& kf) {
  auto has = [&](const char* b) {
    return std::find(kf.breakdowns.begin(), kf.breakdowns.end(), b) != kf.breakdowns.end();
  };
  std::vector<ChartKind> out;
  if (has("national")) out.push_back(ChartKind::TimeSeries);
  if (has("county")) out.push_back(ChartKind::Counties);
  if (has("size_group")) out.push_back(ChartKind::SizeGroups);
  if (has("county")) out.push_back(ChartKind::MapCounties);
  if (has("municipality")) out.push_back(ChartKind::MapMunicipalities);
  return out;
}

std::string value_text(const std::optional<double>& v, Marker m, int decimals, bool share, Lang lang) {
  std::string s = display_value(v, m, decimals, lang);
  if (share && v && !hides_value(m) && m != Marker::Nil) s += "\u00a0%";
  return s;
}

namespace {

struct Ctx {
  Site& site;
  const Snapshot& snap;
  const web::Templates& t;
  const ChartRequest& r;
  std::string tr(const std::string& key) const { return t.t(r.lang, "stat." + key); }
};

std::string cell_label(const KeyFigureMeta& kf, const std::string& cell, Lang lang) {
  const CellMeta* c = kf.cell(cell);
  if (!c || c->label.empty()) return kf.title.get(lang);
  return c->label.get(lang);
}

std::string unit_caption(const KeyFigureMeta& kf, Lang lang) {
  std::string u = kf.unit.get(lang);
  if (kf.is_share()) u += " (%)";
  if (!u.empty()) u[0] = (char)std::toupper((unsigned char)u[0]);
  return u;
}

json table_head(std::vector<std::string> cols) {
  json h = json::array();
  for (size_t i = 0; i < cols.size(); ++i) h.push_back({{"text", cols[i]}, {"num", i > 0}});
  return h;
}

Chart time_series(const Ctx& c) {
  const auto& kf = *c.r.kf;
  Lang lang = c.r.lang;
  ValueQuery q;
  q.keyfigure = kf.id;
  q.breakdowns = {"national"};
  auto values = c.site.data().values(q);
  // Every cell when they fit in one readable chart, else the chosen one.
  std::vector<const CellMeta*> cells;
  if (kf.cells.size() <= series_style_count())
    for (const auto& cm : kf.cells) cells.push_back(&cm);
  else if (const CellMeta* cm = kf.cell(c.r.cell)) cells.push_back(cm);
  // The chosen cell first: the summary speaks about it.
  std::stable_partition(cells.begin(), cells.end(), [&](const CellMeta* x) { return x->id == c.r.cell; });

  Chart out{ChartKind::TimeSeries, chart_slug(ChartKind::TimeSeries), "", "", "", "", json::object(), {}};
  out.title = kf.title.get(lang) + " – " + c.tr("chart_timeseries");
  LineChartInput in;
  in.id = "chart-" + kf.id + "-ts";
  in.title = out.title;
  in.unit = unit_caption(kf, lang);
  in.years = kf.years;
  in.lang = lang;
  in.break_label = c.tr("break_label");
  if (kf.is_share()) in.max_hint = 100;
  for (const auto& b : kf.breaks) in.breaks.push_back(b.year);
  json rows = json::array();
  std::map<int, json> by_year;
  std::vector<std::string> head = {c.tr("year")};
  for (const CellMeta* cm : cells) {
    ChartSeries s{cm->id, cell_label(kf, cm->id, lang), {}};
    head.push_back(s.label);
    for (int y : kf.years) {
      auto it =
          std::find_if(values.begin(), values.end(), [&](auto& v) { return v.key.cell == cm->id && v.key.year == y; });
      Figure v;
      if (it != values.end()) {
        v = disclosed(*it);
      } else {
        v.key = {kf.id, cm->id, "national", "total", y};
        v.marker = Marker::NotAvailable;
        v.decimals = kf.decimals;
      }
      std::string text = value_text(v.value, v.marker, v.decimals, kf.is_share(), lang);
      if (v.marker != Marker::None) out.markers.push_back(v.marker);
      s.points.push_back({y, v.value, text});
      by_year[y].push_back({{"text", text}, {"num", true}});
    }
    in.series.push_back(std::move(s));
  }
  for (int y : kf.years) rows.push_back({{"th", std::to_string(y)}, {"cells", by_year[y]}});
  // Summary: the first and last years with a number for the chosen cell.
  std::string summary = c.tr("summary_none");
  if (!in.series.empty()) {
    const auto& s = in.series[0];
    const ChartPoint *first = nullptr, *last = nullptr;
    for (const auto& p : s.points)
      if (p.value) {
        if (!first) first = &p;
        last = &p;
      }
    if (first && last && first != last) {
      double d = *last->value - *first->value;
      std::string key = std::fabs(d) < 1e-9 ? "summary_same" : d > 0 ? "summary_up" : "summary_down";
      summary = fill(c.tr(key), {{"series", s.label},
                                 {"first", first->text},
                                 {"y0", std::to_string(first->year)},
                                 {"last", last->text},
                                 {"y1", std::to_string(last->year)}});
    } else if (first) {
      summary = fill(c.tr("summary_single"),
                     {{"series", s.label}, {"last", first->text}, {"y1", std::to_string(first->year)}});
    }
  }
  in.summary = summary;
  out.dom_id = in.id;
  out.summary = summary;
  out.svg = c.t.render("charts/line", line_chart(in));
  out.table = {{"caption", out.title}, {"head", table_head(head)}, {"rows", rows}};
  return out;
}

struct Row {
  RegionRef ref;
  std::string label;
  Figure v;
};

std::vector<Row> rows_of(const Ctx& c, const std::string& breakdown, std::optional<Figure>* national) {
  const auto& kf = *c.r.kf;
  ValueQuery q;
  q.keyfigure = kf.id;
  q.cells = {c.r.cell};
  q.years = {c.r.year};
  q.breakdowns = {breakdown, "national"};
  std::vector<Row> rows;
  for (auto& raw : c.site.data().values(q)) {
    Figure v = disclosed(raw);
    if (v.key.breakdown == "national") {
      if (national) *national = v;
      continue;
    }
    RegionRef r{v.key.breakdown, v.key.group};
    rows.push_back({r, c.snap.regions.label(r).get(c.r.lang), v});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return c.snap.regions.less(a.ref, b.ref); });
  return rows;
}

std::string bars_summary(const Ctx& c, const std::vector<Row>& rows, const std::string& national) {
  const Row *mx = nullptr, *mn = nullptr;
  for (const auto& r : rows) {
    if (!r.v.value) continue;
    if (!mx || *r.v.value > *mx->v.value) mx = &r;
    if (!mn || *r.v.value < *mn->v.value) mn = &r;
  }
  if (!mx) return c.tr("summary_none");
  const auto& kf = *c.r.kf;
  auto txt = [&](const Row* r) { return value_text(r->v.value, r->v.marker, r->v.decimals, kf.is_share(), c.r.lang); };
  return fill(c.tr(mx == mn ? "summary_bars_one" : "summary_bars"), {{"year", std::to_string(c.r.year)},
                                                                     {"max_label", mx->label},
                                                                     {"max", txt(mx)},
                                                                     {"min_label", mn->label},
                                                                     {"min", txt(mn)},
                                                                     {"national", national}});
}

json region_table(const Ctx& c, const std::string& title, const std::string& first_col, const std::vector<Row>& rows,
                  const std::optional<Figure>& national) {
  const auto& kf = *c.r.kf;
  json body = json::array();
  auto add = [&](const std::string& label, const Figure& v) {
    body.push_back(
        {{"th", label},
         {"cells",
          json::array(
              {{{"text", value_text(v.value, v.marker, v.decimals, kf.is_share(), c.r.lang)}, {"num", true}},
               {{"text",
                 v.n ? format_integer(*v.n, c.r.lang)
                     : marker_style(v.marker == Marker::Suppressed ? Marker::Suppressed : Marker::NotAvailable).symbol},
                {"num", true}}})}});
  };
  for (const auto& r : rows) add(r.label, r.v);
  if (national) add(c.tr("national"), *national);
  return {{"caption", title}, {"head", table_head({first_col, c.tr("value"), c.tr("n")})}, {"rows", body}};
}

Chart bars(const Ctx& c, ChartKind kind) {
  const auto& kf = *c.r.kf;
  Lang lang = c.r.lang;
  bool counties = kind == ChartKind::Counties;
  std::optional<Figure> national;
  auto rows = rows_of(c, counties ? "county" : "size_group", &national);
  Chart out{kind, chart_slug(kind), "", "", "", "", json::object(), {}};
  std::string what = cell_label(kf, c.r.cell, lang);
  out.title = (kf.cells.size() > 1 ? kf.title.get(lang) + ": " + what : what) + " – " +
              c.tr(counties ? "chart_counties" : "chart_sizegroups") + ", " + std::to_string(c.r.year);
  BarChartInput in;
  in.id = "chart-" + kf.id + "-" + out.slug;
  in.title = out.title;
  in.unit = unit_caption(kf, lang);
  in.lang = lang;
  if (kf.is_share()) in.max_hint = 100;
  for (const auto& r : rows) {
    if (r.v.marker != Marker::None) out.markers.push_back(r.v.marker);
    std::string bar_label = counties ? r.label : c.snap.regions.short_label(r.ref).get(lang);
    in.bars.push_back(
        {bar_label, r.v.value, value_text(r.v.value, r.v.marker, r.v.decimals, kf.is_share(), lang), false});
  }
  std::string nat = national ? value_text(national->value, national->marker, national->decimals, kf.is_share(), lang)
                             : marker_style(Marker::NotAvailable).symbol;
  if (national && national->value) {
    in.reference = national->value;
    in.reference_label = c.tr("national") + " " + nat;
  }
  in.summary = bars_summary(c, rows, nat);
  out.dom_id = in.id;
  out.summary = in.summary;
  out.svg = c.t.render("charts/bar", bar_chart(in));
  out.table = region_table(c, out.title, c.tr(counties ? "county" : "size_group"), rows, national);
  return out;
}

Chart map(const Ctx& c, ChartKind kind) {
  const auto& kf = *c.r.kf;
  Lang lang = c.r.lang;
  bool counties = kind == ChartKind::MapCounties;
  std::optional<Figure> national;
  auto rows = rows_of(c, counties ? "county" : "municipality", &national);
  Chart out{kind, chart_slug(kind), "", "", "", "", json::object(), {}};
  std::string what = cell_label(kf, c.r.cell, lang);
  out.title = (kf.cells.size() > 1 ? kf.title.get(lang) + ": " + what : what) + " – " +
              c.tr(counties ? "chart_map_counties" : "chart_map_municipalities") + ", " + std::to_string(c.r.year);
  ChoroplethInput in;
  in.id = "chart-" + kf.id + "-" + out.slug;
  in.title = out.title;
  in.unit = unit_caption(kf, lang);
  in.lang = lang;
  in.no_data_label = c.tr("no_values");
  in.regions_word = c.tr(counties ? "counties_word" : "municipalities");
  in.geometry = &c.site.map(counties ? "counties" : "municipalities");
  for (const auto& r : rows) {
    if (r.v.marker != Marker::None) out.markers.push_back(r.v.marker);
    in.values[r.ref.group] = {r.v.value, value_text(r.v.value, r.v.marker, r.v.decimals, kf.is_share(), lang)};
  }
  std::string nat = national ? value_text(national->value, national->marker, national->decimals, kf.is_share(), lang)
                             : marker_style(Marker::NotAvailable).symbol;
  const Row *mx = nullptr, *mn = nullptr;
  for (const auto& r : rows) {
    if (!r.v.value) continue;
    if (!mx || *r.v.value > *mx->v.value) mx = &r;
    if (!mn || *r.v.value < *mn->v.value) mn = &r;
  }
  if (mx) {
    auto txt = [&](const Row* r) { return value_text(r->v.value, r->v.marker, r->v.decimals, kf.is_share(), lang); };
    in.summary = fill(c.tr("summary_map"), {{"what", what},
                                            {"year", std::to_string(c.r.year)},
                                            {"max_label", mx->label},
                                            {"max", txt(mx)},
                                            {"min_label", mn->label},
                                            {"min", txt(mn)}});
  } else {
    in.summary = c.tr("summary_none");
  }
  out.dom_id = in.id;
  out.summary = in.summary;
  out.svg = c.t.render("charts/map", choropleth(in));
  out.table = region_table(c, out.title, c.tr(counties ? "county" : "municipality"), rows, national);
  return out;
}

}  // namespace

Chart build_chart(Site& site, const Snapshot& snap, const web::Templates& t, const ChartRequest& r, ChartKind kind) {
  Ctx c{site, snap, t, r};
  switch (kind) {
    case ChartKind::TimeSeries: return time_series(c);
    case ChartKind::Counties:
    case ChartKind::SizeGroups: return bars(c, kind);
    case ChartKind::MapCounties:
    case ChartKind::MapMunicipalities: return map(c, kind);
  }
  return time_series(c);
}

std::string standalone_svg(const web::Templates& t, const Chart& c, const std::string& source) {
  // Width and height of the chart from its own svg element.
  auto attr = [&](const std::string& name) {
    auto p = c.svg.find(" " + name + "=\"");
    if (p == std::string::npos) return 0.0;
    return std::atof(c.svg.c_str() + p + name.size() + 3);
  };
  double w = attr("width"), h = attr("height");
  // The title wrapped to the width (about 9 px a character at 15 px bold).
  size_t max_chars = std::max<size_t>(30, (size_t)((w - 24) / 9));
  json lines = json::array();
  std::string line;
  double y = 24;
  for (const auto& word : split(c.title, ' ')) {
    if (!line.empty() && line.size() + word.size() > max_chars) {
      lines.push_back({{"text", line}, {"y", y}});
      y += 20;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back({{"text", line}, {"y", y}});
  double top = y + 14;
  json vm = {{"width", w},
             {"height", fmt_coord(top + h + 28)},
             {"title_lines", lines},
             {"chart_y", fmt_coord(top)},
             {"chart", c.svg},
             {"source", source},
             {"source_y", fmt_coord(top + h + 18)},
             {"title", c.title}};
  return t.render("charts/standalone", vm);
}

}  // namespace dp::publish
