#pragma once
// Published history: the national figures of the 2021 report as tidy CSV files in data/history/
// (one per main table; the columns are described in data/history/README.md), and their mapping
// onto key-figure cells declared in the key-figure file (docs/keyfigure-format.md, "History").
// Pure: the caller hands in the file texts.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/figure.h"
#include "core/problems.h"
#include "core/text.h"

namespace dp::stats {

struct KeyFigureSet;

// One published cell as read from a history CSV: where it stands in the printed table and what is
// printed there. It becomes a Figure once the key-figure file maps it (map_history).
struct HistoryCell {
  std::string table;         // "Tabell 21"
  std::string section;       // the row it breaks down («Varav i kommuner» rows), else ""
  std::string group_code;    // "total" or a size group id ("0-15000")
  std::string row_label;     // verbatim
  std::string column_label;  // verbatim
  int col_no = 0;
  int year = 0;
  FigureValue number;  // the printed value, its base and decimals; no marker (see `symbol`)
  std::string symbol;  // printed marker ("*", "-", "."), "" for a number; the key-figure file maps it
  std::string unit;
  std::string printed;
  int source_line = 0;  // line of the report's text
  std::string file;     // "tabell_21.csv"
  int csv_line = 0;     // line in that CSV file

  // "section > row" when the row belongs to another one, else the row label.
  std::string row_key() const { return section.empty() ? row_label : section + " > " + row_label; }
};

struct HistoryData {
  std::vector<HistoryCell> cells;
  std::vector<std::pair<std::string, std::string>> titles;  // table -> title (from index.csv)
  bool has_table(const std::string& table) const;
};

// Parses the CSV texts (name, content) of data/history. index.csv gives the titles; every other
// file is a table. Every problem of every file goes to `problems` in the importers' one wording
// ("tabell_21.csv: row 3, column year: '20x6' is not a year: expected …"); a file with a problem
// gives no cells and no titles, so the caller can refuse the whole import.
HistoryData parse_history(const std::vector<std::pair<std::string, std::string>>& files, ProblemList& problems);

// The same, throwing dp::Error (BadInput) with every problem when there is any.
HistoryData parse_history(const std::vector<std::pair<std::string, std::string>>& files);

// Maps every history cell named by the key-figure file onto its key-figure cell: Figures of origin
// History with their source («Socialstyrelsen 2021, Tabell 21») and note. Cells of the
// history that no key figure claims, or claims twice, are reported in `problems` (validation does
// the same with positions).
std::vector<Figure> map_history(const KeyFigureSet& set, const HistoryData& data, Diagnostics* problems = nullptr);

// The number of decimals of a printed number («5,8» -> 1, «6 822» -> 0).
int printed_decimals(const std::string& printed);

}  // namespace dp::stats
