// HTML through the Mustache template templates/report/report.mustache (escaped by default; no
// markup here): this file only builds the view model.
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/resources.h"
#include "core/ui_text.h"
#include "report/render.h"
#include "stats/table_format.h"

namespace dp::report {

namespace {

using json = nlohmann::json;
namespace mu = kainjow::mustache;

mu::data to_data(const json& j) {
  if (j.is_object()) {
    mu::data d;
    for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
    return d;
  }
  if (j.is_array()) {
    mu::data l{mu::data::type::list};
    for (const auto& e : j) l.push_back(to_data(e));
    return l;
  }
  if (j.is_boolean()) return j.get<bool>() ? mu::data{mu::data::type::bool_true} : mu::data{mu::data::type::bool_false};
  if (j.is_string()) return mu::data{j.get<std::string>()};
  if (j.is_null()) return mu::data{mu::data::type::bool_false};
  return mu::data{j.dump()};
}

std::string anchor(const std::string& id) {
  std::string a = "t-";
  for (char c : id) a += std::isalnum((unsigned char)c) ? (char)std::tolower((unsigned char)c) : '-';
  return a;
}

json table_json(const stats::BuiltTable& t, const stats::ReportSpec& spec, Lang lang) {
  json j;
  j["anchor"] = anchor(t.id);
  j["number"] = t.number.get(lang);
  j["title"] = t.title.get(lang);
  j["row_heading"] = t.row_heading.get(lang);
  size_t width = t.columns.size() + 1;
  json cols = json::array(), groups = json::array();
  bool has_groups = false;
  for (size_t i = 0; i < t.columns.size();) {
    size_t k = i;
    while (k + 1 < t.columns.size() && t.columns[k + 1].group_label.sv == t.columns[i].group_label.sv) ++k;
    has_groups = has_groups || !t.columns[i].group_label.empty();
    groups.push_back({{"label", t.columns[i].group_label.get(lang)}, {"span", std::to_string(k - i + 1)}});
    i = k + 1;
  }
  for (const auto& c : t.columns) cols.push_back({{"label", c.label.get(lang)}});
  j["columns"] = cols;
  j["groups"] = groups;
  j["has_groups"] = has_groups;
  json panels = json::array();
  for (const auto& p : t.panels) {
    json rows = json::array();
    for (const auto& r : p.rows) {
      json cells = json::array();
      for (const auto& c : r.cells) {
        json cj = {{"text", stats::format_cell(c, t, spec, lang)}, {"marker", false}};
        if (c.marker != Marker::None) {
          cj["marker"] = true;
          auto it = spec.markers.find(c.marker);
          cj["legend"] = it == spec.markers.end() ? marker_name(c.marker) : it->second.legend.get(lang);
        }
        cells.push_back(cj);
      }
      rows.push_back({{"label", r.label.get(lang)},
                      {"heading", r.heading},
                      {"depth", std::to_string(std::min(r.depth, 2))},
                      {"cells", cells},
                      {"width", std::to_string(width)}});
    }
    json pj = {{"rows", rows}, {"width", std::to_string(width)}, {"label", false}};
    if (!p.label.empty()) pj["label"] = p.label.get(lang);
    panels.push_back(pj);
  }
  j["panels"] = panels;
  json notes = json::array();
  for (const auto& n : t.notes) notes.push_back({{"text", n.get(lang)}});
  j["notes"] = notes;
  // Absent keys are set to false: Mustache would otherwise find the same name further out.
  j["source"] = t.source.empty() ? json(false) : json(t.source.get(lang));
  json earlier = json::array();
  for (const auto& s : t.sources) earlier.push_back({{"text", s}});
  j["earlier"] = earlier;
  j["t_earlier"] = ui::text("report_words.earlier", lang);
  json legend = json::array();
  for (auto m : t.markers) {
    auto it = spec.markers.find(m);
    if (it != spec.markers.end())
      legend.push_back({{"symbol", stats::table_symbol(t, spec, m)}, {"text", it->second.legend.get(lang)}});
  }
  j["legend"] = legend;
  return j;
}

}  // namespace

std::string table_anchor(const std::string& table_id) { return anchor(table_id); }

std::vector<std::string> write_html(const ReportTables& r, const std::string& dir, Lang lang) {
  std::filesystem::create_directories(dir);
  const auto& spec = r.spec();
  int year = r.computed.data.campaign.year;
  bool sv = lang == Lang::sv;
  json ctx;
  ctx["lang"] = lang_code(lang);
  ctx["title"] = stats::expand_years(spec.title.get(lang), year);
  ctx["subtitle"] = spec.publisher.get(lang);
  ctx["source"] = sv ? r.source_sv : r.source_en;
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  ctx["generated"] = buf;
  ctx["t_source"] = ui::text("report_words.source", lang);
  ctx["t_generated"] = ui::text("report_words.generated", lang);
  ctx["t_contents"] = ui::text("report_words.contents", lang);
  ctx["t_markers"] = ui::text("markers.legend", lang);
  json toc = json::array(), parts = json::array();
  for (const auto& part : spec.parts) {
    json tables = json::array();
    for (const auto& t : r.tables)
      if (t.part == part.id) {
        tables.push_back(table_json(t, spec, lang));
        toc.push_back({{"anchor", anchor(t.id)}, {"number", t.number.get(lang)}, {"title", t.title.get(lang)}});
      }
    json pj = {{"id", part.id}, {"title", part.title.get(lang)}, {"tables", tables}, {"intro", false}};
    if (!part.intro.empty()) pj["intro"] = part.intro.get(lang);
    parts.push_back(pj);
  }
  ctx["toc"] = toc;
  ctx["parts"] = parts;
  json markers = json::array();
  for (const auto& [m, st] : spec.markers) markers.push_back({{"symbol", st.symbol}, {"legend", st.legend.get(lang)}});
  ctx["markers"] = markers;
  json quality = json::array();
  for (const auto& q : sv ? r.quality_sv : r.quality_en) {
    json qj = {{"heading", q.heading}, {"h2", q.level <= 1}, {"text", false}};
    if (!q.text.empty()) qj["text"] = q.text;
    quality.push_back(qj);
  }
  ctx["quality"] = quality;
  mu::mustache tmpl{resources::require("templates/report/report.mustache")};
  if (!tmpl.is_valid()) throw Error::internal("templates/report/report.mustache: " + tmpl.error_message());
  std::string html = tmpl.render(to_data(ctx));
  std::string path = dir + "/" + report_basename(r) + ".html";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error::bad_input("cannot write the file", Location{path, 0, 0, {}});
  out << html;
  if (!out) throw Error::bad_input("cannot write the file", Location{path, 0, 0, {}});
  return {path};
}

}  // namespace dp::report
