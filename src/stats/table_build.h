#pragma once
// Resolves a declared report table (report_spec.h) into a grid of published numbers: expands the
// axes, forms each crossing's coordinates, looks the figure up and rounds it by the published
// rule (rounding.h). Pure: the figures come through a lookup function, so the same builder serves
// computed results, stored revisions and imported history.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/figure.h"
#include "stats/breakdown.h"
#include "stats/keyfigures.h"
#include "stats/report_spec.h"

namespace dp::stats {

// The figure at a coordinate, unrounded (core/figure.h); a History figure's source is listed
// under the table. Where nothing is known: a Figure without value (marker NotAvailable).
using ValueLookup = std::function<Figure(const std::string& keyfigure, const std::string& cell,
                                         const std::string& breakdown, const std::string& group, int year)>;
using GroupLister = std::function<std::vector<Group>(const std::string& breakdown)>;

struct BuiltCell {
  std::optional<double> value;  // rounded as published
  int decimals = 0;
  Marker marker = Marker::None;
  std::optional<int64_t> n;
  std::optional<int64_t> count;  // the numerator of a share (not published where a marker hides it)
  std::string kind = "value";    // value | count | n
  std::string coordinates;       // "K02:ifo.ks national/total 2021 value", for tests and tracing
};

struct BuiltColumn {
  I18n label;
  I18n group_label;  // the heading of the column group this column belongs to ("" = none)
};

struct BuiltRow {
  I18n label;
  bool heading = false;  // a block heading without values
  int depth = 0;
  std::vector<BuiltCell> cells;
};

struct BuiltPanel {
  I18n label;
  std::vector<BuiltRow> rows;
};

struct BuiltTable {
  std::string id;
  std::string part;
  I18n number;
  I18n title;
  std::vector<I18n> notes;
  I18n source;
  I18n row_heading;
  std::vector<BuiltColumn> columns;
  std::vector<BuiltPanel> panels;
  std::map<Marker, std::string> symbols;  // the table's own symbols, overriding the report's
  std::set<Marker> markers;               // every marker that occurs (for the legend)
  std::vector<std::string> problems;      // unknown key figures or cells: a declaration error
  std::vector<std::string> sources;       // distinct non-computed sources used
};

struct BuildContext {
  const KeyFigureSet* keyfigures = nullptr;
  int year = 0;  // the campaign year (relative years count from it)
  ValueLookup lookup;
  GroupLister groups;
};

BuiltTable build_table(const TableSpec& spec, const BuildContext& ctx);

// "{year}", "{year-3}" in a label.
std::string expand_years(const std::string& text, int year);

}  // namespace dp::stats
