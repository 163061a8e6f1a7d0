#include "stats/history.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "core/csv.h"
#include "stats/keyfigures.h"

namespace dp::stats {

bool HistoryData::has_table(const std::string& table) const {
  for (const auto& [t, title] : titles)
    if (t == table) return true;
  for (const auto& c : cells)
    if (c.table == table) return true;
  return false;
}

int printed_decimals(const std::string& printed) {
  auto comma = printed.find_first_of(",.");
  if (comma == std::string::npos) return 0;
  int d = 0;
  for (size_t i = comma + 1; i < printed.size() && printed[i] >= '0' && printed[i] <= '9'; ++i) ++d;
  return d;
}

HistoryData parse_history(const std::vector<std::pair<std::string, std::string>>& files) {
  HistoryData out;
  for (const auto& file : files) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const std::string& name = file.first;
    auto table = csv::parse(file.second, name);
    auto col = [&](const char* c, bool required) {
      int i = table.column(c);
      if (i < 0 && required) throw Error::bad_input(fmt::format("missing column '{}'", c), Location{name, 1, 0, c});
      return i;
    };
    if (name.size() >= 9 && name.compare(name.size() - 9, 9, "index.csv") == 0) {
      int t = col("table", true), ti = col("title", true);
      for (const auto& r : table.rows) out.titles.emplace_back(r.fields[t], r.fields[ti]);
      continue;
    }
    int c_table = col("table", true), c_section = col("section", true), c_group = col("group_code", true),
        c_row = col("row_label", true), c_col = col("column_label", true), c_colno = col("col_no", true),
        c_year = col("year", true), c_value = col("value", true), c_marker = col("marker", true),
        c_unit = col("unit", true), c_n = col("n", true), c_printed = col("printed", true),
        c_line = col("source_line", true);
    for (const auto& r : table.rows) {
      auto where = [&](const char* column) { return Location{name, r.line, 0, column}; };
      HistoryCell h;
      h.file = name;
      h.csv_line = r.line;
      h.table = r.fields[c_table];
      h.section = r.fields[c_section];
      h.group_code = r.fields[c_group].empty() ? "total" : r.fields[c_group];
      h.row_label = r.fields[c_row];
      h.column_label = r.fields[c_col];
      auto num = [&](int c, const char* column) -> std::optional<double> {
        if (r.fields[c].empty()) return std::nullopt;
        auto v = parse_number(r.fields[c]);
        if (!v) throw Error::bad_input(fmt::format("'{}' is not a number", r.fields[c]), where(column));
        return v;
      };
      h.col_no = (int)num(c_colno, "col_no").value_or(0);
      h.year = (int)num(c_year, "year").value_or(0);
      if (h.year < 1990 || h.year > 2100) throw Error::bad_input("year out of range", where("year"));
      h.number.value = num(c_value, "value");
      h.symbol = r.fields[c_marker];
      if (!h.number.value && h.symbol.empty()) throw Error::bad_input("a cell needs a value or a marker", where("value"));
      h.unit = r.fields[c_unit];
      if (auto n = num(c_n, "n")) h.number.n = (int64_t)*n;
      h.printed = r.fields[c_printed];
      h.number.decimals = printed_decimals(h.printed);
      h.source_line = (int)num(c_line, "source_line").value_or(0);
      out.cells.push_back(std::move(h));
    }
  }
  return out;
}

namespace {
std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}
}  // namespace

std::vector<Figure> map_history(const KeyFigureSet& set, const HistoryData& data, Diagnostics* problems) {
  using Key = std::tuple<std::string, std::string, std::string, std::string, int>;
  std::map<Key, Figure> merged;
  std::vector<Key> order;
  std::map<const HistoryCell*, std::string> claimed;  // history cell -> key figure that took it
  std::map<Key, int64_t> pending_n;                     // bases from "Antal svar" columns

  auto problem = [&](const HistoryCell& h, const std::string& msg) {
    if (!problems) return;
    Diagnostic d;
    d.code = DiagnosticCode::KeyFiguresHistoryClaim;
    d.where = Location{h.file, h.csv_line, 0, {}};
    d.key = h.table;
    d.message = msg;
    problems->push_back(std::move(d));
  };

  for (const auto& kf : set.keyfigures) {
    for (const auto& hm : kf.history) {
      for (const auto& h : data.cells) {
        if (h.table != hm.table) continue;
        std::string rk = h.row_key();
        bool skipped_row = false;
        for (const auto& s : hm.skip_rows) skipped_row = skipped_row || s == rk;
        std::string row_part;
        bool row_found = hm.rows.empty();
        for (const auto& [part, label] : hm.rows)
          if (label == rk) {
            row_part = part;
            row_found = true;
            break;
          }
        if (skipped_row) {
          claimed.emplace(&h, kf.id);
          continue;
        }
        if (!row_found) continue;
        const HistoryColumn* column = nullptr;
        if (!hm.columns.empty()) {
          for (const auto& c : hm.columns)
            if (c.label == h.column_label) column = &c;
          if (!column) continue;
        }
        auto [it, fresh] = claimed.emplace(&h, kf.id);
        if (!fresh) {
          problem(h, fmt::format("the cell «{}» × «{}» is claimed by {} and {}", rk, h.column_label, it->second, kf.id));
          continue;
        }
        if (column && column->skip) continue;
        std::string col_part = column ? column->cell : "";
        std::string cell;
        if (row_part.empty()) cell = col_part;
        else if (col_part.empty()) cell = row_part;
        else cell = replace_all(replace_all(hm.cell_template, "{row}", row_part), "{column}", col_part);
        std::string breakdown = h.group_code == "total" ? "national" : "size_group";
        int year = h.year + hm.year_offset;
        std::string stat = column ? column->stat : "value";
        // "Antal svar" columns hold the base of every cell of their row.
        if (column && column->cell == "*") {
          if (stat == "n" && h.number.value)
            for (const auto& c : kf.cells)
              if (c.id.rfind(row_part + ".", 0) == 0) {
                Key k{kf.id, c.id, breakdown, h.group_code, year};
                pending_n[k] = (int64_t)*h.number.value;
              }
          continue;
        }
        Key key{kf.id, cell, breakdown, h.group_code, year};
        auto [mit, first] = merged.try_emplace(key);
        Figure& v = mit->second;
        if (first) {
          order.push_back(key);
          v.key = {kf.id, cell, breakdown, h.group_code, year};
          v.origin = FigureOrigin::History;
          v.source = fmt::format("Socialstyrelsen 2021, {}", h.table);  // the line of the text extract is ours, not the reader's
          v.note = hm.note;
        }
        if (!h.number.value) {
          Marker m = Marker::NotAvailable;
          auto mk = hm.markers.find(h.symbol);
          if (mk != hm.markers.end()) m = mk->second;
          else if (auto gm = set.history_markers.find(h.symbol); gm != set.history_markers.end()) m = gm->second;
          if (stat == "value") v.marker = m;
          continue;
        }
        if (stat == "count") {
          v.count = (int64_t)*h.number.value;
        } else if (stat == "n") {
          v.n = (int64_t)*h.number.value;
        } else {
          v.value = h.number.value;
          v.decimals = h.number.decimals;
          if (h.number.n && !v.n) v.n = h.number.n;
        }
      }
    }
  }
  if (problems) {
    std::set<std::string> referenced;
    for (const auto& kf : set.keyfigures)
      for (const auto& hm : kf.history) referenced.insert(hm.table);
    for (const auto& h : data.cells)
      if (referenced.count(h.table) && !claimed.count(&h))
        problem(h, fmt::format("no key figure claims the cell «{}» × «{}» of {}", h.row_key(), h.column_label, h.table));
  }
  for (const auto& [k, n] : pending_n) {
    auto it = merged.find(k);
    if (it != merged.end()) it->second.n = n;
  }
  std::vector<Figure> out;
  out.reserve(order.size());
  for (const auto& k : order) {
    auto& v = merged[k];
    // A count column without a share (Tabell 30) is the value itself.
    if (!v.value && v.count && v.marker == Marker::None) v.value = (double)*v.count;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dp::stats
