// CSV: one file per table, a header row of column labels, one row per table row; numbers with a
// decimal point and no thousands separator, markers as their symbols (docs/statistics.md,
// "Report files"). tables.csv lists the tables with title, notes and source; markers.csv the legend;
// <campaign>-report.csv holds the whole report in long form (one row per cell), for programs.
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "core/csv.h"
#include "core/error.h"
#include "core/ui_text.h"
#include "report/render.h"
#include "stats/table_format.h"

namespace dp::report {

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error::bad_input("cannot write the file", Location{path, 0, 0, {}});
  out << text;
  if (!out) throw Error::bad_input("cannot write the file", Location{path, 0, 0, {}});
}

std::string plain(const stats::BuiltCell& c, const stats::BuiltTable& t, const stats::ReportSpec& spec) {
  if (hides_value(c.marker) || !c.value)
    return stats::table_symbol(t, spec, c.marker == Marker::None ? Marker::NotAvailable : c.marker);
  if (c.marker == Marker::Nil) return stats::table_symbol(t, spec, Marker::Nil);
  return fmt::format("{:.{}f}", *c.value, c.decimals);
}

}  // namespace

std::string report_basename(const ReportTables& r) { return r.computed.data.campaign.slug + "-report"; }

std::vector<std::string> write_csv(const ReportTables& r, const std::string& dir, Lang lang) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> files;
  const auto& spec = r.spec();
  std::string index = csv::line({"table", "part", "number", "title", "notes", "source", "file"});
  std::string whole = csv::line({"table", "number", "panel", "row", "column", "value", "marker"});
  for (const auto& t : r.tables) {
    std::string out;
    std::vector<std::string> columns;  // one label per cell of a row, in the table's file and the long form
    for (const auto& c : t.columns)
      columns.push_back(c.group_label.empty() ? c.label.get(lang) : c.group_label.get(lang) + ": " + c.label.get(lang));
    std::vector<std::string> head = {t.row_heading.get(lang)};
    bool panels = t.panels.size() > 1 || !t.panels.front().label.empty();
    if (panels) head.insert(head.begin(), ui::text("report_words.panel", lang));
    head.insert(head.end(), columns.begin(), columns.end());
    out += csv::line(head);
    for (const auto& p : t.panels)
      for (const auto& row : p.rows) {
        std::vector<std::string> f = {row.label.get(lang)};
        if (panels) f.insert(f.begin(), p.label.get(lang));
        if (row.heading) f.resize(head.size());
        else
          for (size_t i = 0; i < row.cells.size(); ++i) {
            const auto& c = row.cells[i];
            f.push_back(plain(c, t, spec));
            whole += csv::line({t.id, t.number.get(lang), p.label.get(lang), row.label.get(lang),
                                i < columns.size() ? columns[i] : "", f.back(),
                                c.marker == Marker::None ? "" : marker_name(c.marker)});
          }
        out += csv::line(f);
      }
    std::string file = t.id + ".csv";
    write_file(dir + "/" + file, out);
    files.push_back(dir + "/" + file);
    std::string notes;
    for (const auto& n : t.notes) notes += (notes.empty() ? "" : " ") + n.get(lang);
    index += csv::line({t.id, t.part, t.number.get(lang), t.title.get(lang), notes, t.source.get(lang), file});
  }
  write_file(dir + "/tables.csv", index);
  files.push_back(dir + "/tables.csv");
  std::string legend = csv::line({"marker", "symbol", "legend"});
  for (auto m : kAllMarkers) {
    if (m == Marker::None) continue;
    auto it = spec.markers.find(m);
    legend += csv::line({marker_name(m), spec.symbol(m), it == spec.markers.end() ? "" : it->second.legend.get(lang)});
  }
  write_file(dir + "/markers.csv", legend);
  files.push_back(dir + "/markers.csv");
  std::string all = dir + "/" + report_basename(r) + ".csv";
  write_file(all, whole);
  files.push_back(all);
  return files;
}

}  // namespace dp::report
