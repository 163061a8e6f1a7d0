#include "stats/history.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iterator>
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

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The columns a file needs (data/history/README.md); `group` is informative and not read.
const std::vector<std::string> kIndexColumns = {"table", "title"};
const std::vector<std::string> kTableColumns = {"table",  "section", "group_code", "row_label", "column_label",
                                                "col_no", "year",    "value",      "marker",    "unit",
                                                "n",      "printed", "source_line"};

// The header's index of every needed column, or a problem naming all the missing ones at once.
std::optional<std::vector<int>> columns(const csv::Table& table, const std::vector<std::string>& needed,
                                        const std::string& file, ProblemList& problems) {
  std::vector<int> out;
  std::string missing;
  for (const auto& c : needed) {
    out.push_back(table.column(c));
    if (out.back() < 0) missing += (missing.empty() ? "" : ", ") + c;
  }
  if (missing.empty()) return out;
  problems.add(fmt::format("{}: the header lacks the column(s) {} (data/history/README.md lists the columns)",
                           csv::where(file, 1), missing));
  return std::nullopt;
}

// Reads the fields of one row, adding a problem for each bad one: the row goes on being read so
// that every problem of the file is reported at once.
class RowReader {
 public:
  RowReader(const csv::Row& row, const std::vector<int>& cols, const std::string& file, ProblemList& problems)
      : row_(row), cols_(cols), file_(file), problems_(problems) {}

  const std::string& text(size_t column) const { return row_.fields[cols_[column]]; }

  void problem(size_t column, const std::string& what) {
    problems_.add(fmt::format("{}: {}", csv::where(file_, row_.line, kTableColumns[column]), what));
    ok_ = false;
  }

  // A number, or nullopt for an empty field.
  std::optional<double> number(size_t column) {
    const std::string& t = text(column);
    if (t.empty()) return std::nullopt;
    auto v = parse_number(t);
    if (!v)
      problem(column, fmt::format("'{}' is not a number: expected a number with a decimal point (8.14), or "
                                  "nothing where the cell is a marker",
                                  t.substr(0, 40)));
    return v;
  }

  // A whole number in [lo, hi], or nullopt for an empty field. The range is checked before the
  // cast: casting a huge double to an integer is undefined behaviour.
  std::optional<int64_t> whole(size_t column, double lo, double hi, const char* what, const std::string& expected) {
    const std::string& t = text(column);
    if (t.empty()) return std::nullopt;
    auto v = parse_number(t);
    if (!v || *v < lo || *v > hi || *v != std::floor(*v)) {
      problem(column, fmt::format("'{}' is not {}: expected {}", t.substr(0, 40), what, expected));
      return std::nullopt;
    }
    return (int64_t)*v;
  }

  bool ok() const { return ok_; }

 private:
  const csv::Row& row_;
  const std::vector<int>& cols_;
  const std::string& file_;
  ProblemList& problems_;
  bool ok_ = true;
};

enum Col { kTable, kSection, kGroup, kRow, kColumn, kColNo, kYear, kValue, kMarker, kUnit, kN, kPrinted, kLine };

// One data row as a cell, or nullopt after adding its problems.
std::optional<HistoryCell> read_cell(const csv::Row& r, const std::vector<int>& cols, const std::string& file,
                                     ProblemList& problems) {
  RowReader f(r, cols, file, problems);
  HistoryCell h;
  h.file = file;
  h.csv_line = r.line;
  h.table = f.text(kTable);
  if (trim(h.table).empty()) f.problem(kTable, "the table is empty: expected its name as in the report (Tabell 21)");
  h.section = f.text(kSection);
  h.group_code = f.text(kGroup).empty() ? "total" : f.text(kGroup);
  h.row_label = f.text(kRow);
  h.column_label = f.text(kColumn);
  h.col_no =
      (int)f.whole(kColNo, 1, 1000, "a column position", "a whole number from 1 (the first value column)").value_or(0);
  const std::string years = "a whole number from 1990 to 2100";
  if (f.text(kYear).empty()) f.problem(kYear, "the year is empty: expected " + years);
  h.year = (int)f.whole(kYear, 1990, 2100, "a year", years).value_or(0);
  h.number.value = f.number(kValue);
  h.symbol = f.text(kMarker);
  if (f.text(kValue).empty() && h.symbol.empty())
    f.problem(kValue,
              "the cell has neither a value nor a marker: expected a number in value or a marker (*, -, .) in marker");
  h.unit = f.text(kUnit);
  h.number.n = f.whole(kN, 0, 1e12, "a base", "a whole number of respondents, or nothing where none is printed");
  h.printed = f.text(kPrinted);
  h.number.decimals = printed_decimals(h.printed);
  h.source_line = (int)f.whole(kLine, 0, 1e8, "a line number", "the whole number of the report's text line, or nothing")
                      .value_or(0);
  if (!f.ok()) return std::nullopt;
  return h;
}

}  // namespace

HistoryData parse_history(const std::vector<std::pair<std::string, std::string>>& files, ProblemList& problems) {
  HistoryData out;
  for (const auto& [name, text] : files) {
    size_t before = problems.count();
    csv::Table table;
    try {
      table = csv::parse(text, name);
    } catch (const Error& e) {
      problems.add(e.what());  // csv::parse names the file, row and column itself
      continue;
    }
    if (ends_with(name, "index.csv")) {
      auto cols = columns(table, kIndexColumns, name, problems);
      if (!cols) continue;
      for (const auto& r : table.rows) out.titles.emplace_back(r.fields[(*cols)[0]], r.fields[(*cols)[1]]);
      continue;
    }
    auto cols = columns(table, kTableColumns, name, problems);
    if (!cols) continue;
    std::vector<HistoryCell> cells;
    for (const auto& r : table.rows)
      if (auto cell = read_cell(r, *cols, name, problems)) cells.push_back(std::move(*cell));
    if (problems.count() == before) std::move(cells.begin(), cells.end(), std::back_inserter(out.cells));
  }
  return out;
}

HistoryData parse_history(const std::vector<std::pair<std::string, std::string>>& files) {
  ProblemList problems;
  auto out = parse_history(files, problems);
  if (!problems.empty()) throw Error::bad_input(problems.report("the published history cannot be read"));
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
  std::map<Key, int64_t> pending_n;                   // bases from "Antal svar" columns

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
          problem(h,
                  fmt::format("the cell «{}» × «{}» is claimed by {} and {}", rk, h.column_label, it->second, kf.id));
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
          v.source = fmt::format("Socialstyrelsen 2021, {}",
                                 h.table);  // the line of the text extract is ours, not the reader's
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
        problem(h,
                fmt::format("no key figure claims the cell «{}» × «{}» of {}", h.row_key(), h.column_label, h.table));
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
