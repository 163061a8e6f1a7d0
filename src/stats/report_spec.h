#pragma once
// Report-table declarations: what `instruments/<instrument>.report.yaml` becomes after parsing
// (docs/keyfigure-format.md, "Report tables"). A table is a grid of slots; each row, column and
// panel slot contributes part of the coordinates of the figure shown where they cross: key
// figure, cell, breakdown group, year and statistic. Plain data: no I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/marker.h"
#include "core/text.h"
#include "instrument/condition.h"

namespace dp::stats {

// One entry of a table axis (rows, columns or panels). An entry that expands (`cells`, `groups`,
// `years`) becomes several slots; `within` nests entries under each slot of this one.
struct AxisEntry {
  // What the entry sets.
  std::optional<std::string> keyfigure;
  std::optional<std::string> cell;  // a cell id fragment
  std::optional<std::string> breakdown;
  std::optional<std::string> group;
  std::optional<int> year;          // <= 0: relative to the campaign year; >= 1900: absolute
  std::optional<std::string> stat;  // value | count | n
  std::optional<int> decimals;
  // Expansions.
  int cells_part = 0;             // 1, 2, ...: every distinct id part at that level; -1: every cell
  std::vector<std::string> only;  // restrict and order an expansion
  std::vector<std::string> except;
  std::string groups;  // a breakdown whose groups become slots
  std::vector<int> years;
  // Derived slots.
  std::vector<std::string> sum_of;    // keys of sibling slots whose rounded values are added
  bool sum_all = false;               // `sum_of: all`: every sibling value slot
  std::vector<std::string> share_of;  // keys of sibling slots whose counts are added, then rounded
  bool share_all = false;             // `share_of: all`: every sibling value slot
  bool heading = false;               // a label-only row (a block heading)
  std::string key;                    // name for sum_of references (default: the cell fragment)
  I18n label;                         // overrides the expanded label; may use {n}, {year}, {group}
  std::vector<AxisEntry> within;
  Pos pos;
};

struct TableSpec {
  std::string id;    // "T6", "B2-T12", "B1"
  std::string part;  // "main", "b1", "b2"
  I18n number;       // «Tabell 6»
  I18n title;        // may use {year}, {year-3}, {n}
  std::vector<I18n> notes;
  I18n source;       // «Källa: Inera»
  I18n row_heading;  // the heading of the label column
  // Defaults for every slot.
  std::string keyfigure;
  std::string cell_id = "{row}.{column}";  // how panel/row/column fragments form a cell id
  std::string stat = "value";
  std::string breakdown = "national";
  std::string group = "total";
  int year = 0;
  std::optional<int> decimals;
  std::vector<AxisEntry> rows, columns, panels;
  std::map<Marker, std::string> symbols;  // this table's own symbols (from the report's symbol sets)
  Pos pos;
};

struct MarkerStyle {
  std::string symbol;
  I18n legend;
};

// The symbols a report printed under a disclosure profile (`symbol_sets`): the SCB convention
// stays the default, a set replaces some symbols report-wide and per table, so that e.g.
// `reproduce-2021` prints 0 where the 2021 report did.
struct SymbolSet {
  std::string profile;
  std::map<Marker, std::string> symbols;
  std::map<std::string, std::map<Marker, std::string>> tables;  // table id -> symbols
};

struct ReportPart {
  std::string id;
  I18n title;
  I18n intro;
};

struct QualitySection {
  I18n heading;
  I18n text;  // may use {placeholders} filled from the run (docs/keyfigure-format.md)
  int level = 2;
};

struct ReportSpec {
  std::string format;      // "digipuls-report/1"
  std::string instrument;  // "ehalsa-2021"
  std::string keyfigures;  // family of the key-figure file, "ehalsa"
  I18n title;
  I18n publisher;
  std::map<Marker, MarkerStyle> markers;
  std::vector<ReportPart> parts;
  std::vector<TableSpec> tables;
  std::vector<QualitySection> quality;
  std::vector<SymbolSet> symbol_sets;
  std::string source_file;

  const TableSpec* table(const std::string& id) const;
  std::string symbol(Marker m) const;
  // This spec with the symbols of the set declared for the profile applied (unchanged if none).
  ReportSpec with_symbols_for(const std::string& profile) const;
};

}  // namespace dp::stats
