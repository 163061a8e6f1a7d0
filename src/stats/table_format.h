#pragma once
// How a built table cell is printed (docs/statistics.md, "Markers" and "Rounding"): a number in
// Swedish or English notation, or the report's declared symbol for its marker. Shared by every
// output (HTML, XLSX, CSV) and by the golden tests, so they cannot disagree.
#include <string>

#include "core/text.h"
#include "stats/report_spec.h"
#include "stats/table_build.h"

namespace dp::stats {

// The symbol of a marker in this table: the table's own (a symbol set's) or the report's.
std::string table_symbol(const BuiltTable& t, const ReportSpec& spec, Marker m);

std::string format_cell(const BuiltCell& cell, const BuiltTable& t, const ReportSpec& spec, Lang lang);

// The cells of a table as plain text lines, "label | c1 | c2": for golden tests and the terminal.
std::string table_text(const BuiltTable& t, const ReportSpec& spec, Lang lang);

}  // namespace dp::stats
