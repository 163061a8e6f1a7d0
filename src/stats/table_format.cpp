#include "stats/table_format.h"

namespace dp::stats {

std::string table_symbol(const BuiltTable& t, const ReportSpec& spec, Marker m) {
  auto it = t.symbols.find(m);
  return it != t.symbols.end() ? it->second : spec.symbol(m);
}

std::string format_cell(const BuiltCell& cell, const BuiltTable& t, const ReportSpec& spec, Lang lang) {
  if (hides_value(cell.marker) || !cell.value) {
    Marker m = cell.marker == Marker::None ? Marker::NotAvailable : cell.marker;
    return table_symbol(t, spec, m);
  }
  if (cell.marker == Marker::Nil) return table_symbol(t, spec, Marker::Nil);
  // A rounded zero prints as the number zero (with the unit's decimals), as SCB does.
  return format_number(*cell.value, cell.decimals, lang);
}

std::string table_text(const BuiltTable& t, const ReportSpec& spec, Lang lang) {
  std::string out = t.number.get(lang) + ". " + t.title.get(lang) + "\n";
  std::string head = "|";
  for (const auto& c : t.columns)
    head += " " + (c.group_label.empty() ? "" : c.group_label.get(lang) + ": ") + c.label.get(lang) + " |";
  out += head + "\n";
  for (const auto& p : t.panels) {
    if (!p.label.empty()) out += "## " + p.label.get(lang) + "\n";
    for (const auto& r : p.rows) {
      out += std::string((size_t)r.depth * 2, ' ') + r.label.get(lang);
      if (r.heading) {
        out += "\n";
        continue;
      }
      for (const auto& c : r.cells) out += " | " + format_cell(c, t, spec, lang);
      out += "\n";
    }
  }
  for (const auto& n : t.notes) out += "Not: " + n.get(lang) + "\n";
  return out;
}

}  // namespace dp::stats
