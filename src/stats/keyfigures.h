#pragma once
// Key-figure declarations (nyckeltal): what a YAML file `instruments/<family>.keyfigures.yaml`
// becomes after parsing. The format is documented in docs/keyfigure-format.md and this header
// follows it key by key. One file serves a whole instrument family: a cell whose items do not
// exist in a year's instrument version is "not asked" that year, and the instruments' lineage
// decides where a series continues and where it breaks. Plain data: no I/O.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/marker.h"
#include "core/text.h"
#include "instrument/condition.h"
#include "instrument/model.h"

namespace dp::stats {

using instrument::Condition;

// What a cell's value is.
enum class Stat {
  Share,  // 100 * count / n: organisations for which `count` holds among the base
  Count,  // the number of organisations in the base for which `count` holds
  Sum,    // of a numeric item over the base (organisations that answered it)
  Mean,
  Median,
  Min,
  Max,
  PooledShare,   // sum over terms of count / sum over terms of base (e.g. share of positive answers)
  MeanOfRatios,  // mean over terms of count/base (e.g. pilot / (pilot + full) over technologies)
  MinOfRatios,
  MaxOfRatios,
};
const char* stat_name(Stat s);
std::optional<Stat> parse_stat(std::string_view s);
bool is_numeric_stat(Stat s);  // Sum .. Max: needs a numeric `value` item
bool is_term_stat(Stat s);     // PooledShare and the ratio statistics: needs `terms`

// The denominator: who is counted in n.
enum class BaseKind {
  Respondents,  // organisations that submitted a response (the report's default, «för svarande»)
  Answered,     // respondents that answered every item the cell reads (the per-row «Antal svar»)
  Scope,        // every organisation the campaign approached (response rates, register figures)
};
const char* base_kind_name(BaseKind k);

struct Base {
  BaseKind kind = BaseKind::Respondents;
  Condition where;  // a further restriction (e.g. "q03 == 'ja'", "org.home_health_care")
};

// One term of a pooled share or a ratio statistic: `count` among `base` (within the cell's base).
struct Term {
  Condition count;
  Condition base;
};

struct CellPart {
  std::string id;
  I18n label;
};

struct Cell {
  std::string id;               // "ifo.ks": its parts joined by '.'
  std::vector<CellPart> parts;  // e.g. {ifo: Individ- och familjeomsorg}, {ks: Ja, ... kommunstyrelsen}
  I18n label;                   // the parts' labels joined, or the declared label
  Stat stat = Stat::Share;
  Base base;
  Condition count;          // Share, Count
  std::string value;        // numeric item key: Sum .. Max
  std::vector<Term> terms;  // PooledShare, *OfRatios
  bool applicable = true;   // false: the option is not offered in this row (marker '.')
  bool asked = true;        // false: declared for tables and series, never asked by this family
  bool external = false;    // the value comes from another source (history only), not answers
  int decimals = 0;
  // An expansion of a single-choice item: the item and the option(s) counted (several for a
  // `combine`), and how many options the item offers there. Options of one such item exclude
  // each other, so their counts add up to at most the base: the audit of published tables uses it.
  std::string exclusive_item;
  std::vector<std::string> options;
  size_t offered = 0;
  Pos pos;

  // Every item key the cell reads (answers, not org.* attributes).
  std::vector<std::string> items() const;
};

// Where a key figure's published history comes from: a table of data/history (docs/keyfigure-
// format.md, "History"). Rows and columns are matched by their printed labels.
struct HistoryColumn {
  std::string label;           // printed column heading
  std::string cell;            // cell id part for this column ("" = the row's cell alone)
  std::string stat = "value";  // value | count | n (the column holds the count or the base)
  bool skip = false;
  Pos pos;
};

struct HistoryMap {
  std::string table;                                      // "Tabell 21"
  std::vector<std::pair<std::string, std::string>> rows;  // cell id part -> printed row label
  std::vector<HistoryColumn> columns;                     // empty: every column (the year varies)
  std::vector<std::string> skip_rows;                     // printed rows that are not values (Totalt)
  std::string cell_template = "{row}.{column}";
  std::map<std::string, Marker> markers;  // printed marker -> marker (overrides)
  I18n note;
  int year_offset = 0;  // added to the table's year (funding year 2020 -> survey year 2021)
  Pos pos;
};

// A declared break in a series: values before `year` are not comparable with `year` and later.
struct SeriesBreak {
  int year = 0;
  std::vector<std::string> cells;  // empty = every cell of the key figure
  I18n note;
  Pos pos;
};

// An accounting identity the published figures of one key figure satisfy in every group and
// year: total = the sum of the parts (Tabell 30: requisitioned = used + remaining). The audit of
// published tables reports where the printed figures break it.
struct Identity {
  std::string total;               // cell id
  std::vector<std::string> parts;  // cell ids
  Pos pos;
};

struct KeyFigure {
  std::string id;  // "K02"
  std::string theme;
  I18n title;
  I18n definition;
  I18n unit;  // what the number counts: «procent», «kommuner», «personer», «kronor»
  I18n note;
  Stat stat = Stat::Share;
  Base base;
  std::string source = "survey";  // survey | register | external
  I18n source_label;              // e.g. «Källa: Inera» for external figures
  int decimals = 0;
  std::vector<Cell> cells;
  std::vector<HistoryMap> history;
  std::vector<SeriesBreak> breaks;
  std::vector<Identity> identities;
  Pos pos;

  const Cell* cell(std::string_view id) const;
};

struct Theme {
  std::string id;
  I18n label;
};

struct KeyFigureSet {
  std::string format;                    // "digipuls-keyfigures/1"
  std::string family;                    // "ehalsa"
  std::vector<std::string> instruments;  // versions this file was written for, oldest first
  std::vector<Theme> themes;
  std::map<std::string, Marker> history_markers;  // printed marker -> marker, for every history table
  std::vector<KeyFigure> keyfigures;
  std::string source_file;

  const KeyFigure* find(std::string_view id) const;
};

}  // namespace dp::stats
