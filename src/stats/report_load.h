#pragma once
// Reading a report file: YAML text -> ReportSpec, with positioned, catalogued diagnostics (codes
// R001..., docs/keyfigure-format.md "Diagnostics"). With the key-figure set at hand every table is
// also resolved once, so a table that names an unknown key figure, cell or sibling is reported
// with its position. Pure: the caller reads the files.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "stats/keyfigures.h"
#include "stats/report_spec.h"

namespace dp::stats {

struct ReportLoad {
  std::optional<ReportSpec> spec;
  Diagnostics diagnostics;
};

// The instrument version a report file is written for (its `instrument:`, "" if none). Throws
// dp::Error (BadInput) when the text is not YAML.
std::string report_instrument(std::string_view yaml_text, const std::string& file_name);

ReportLoad load_report(std::string_view yaml_text, const std::string& file_name, const KeyFigureSet* keyfigures);
ReportSpec load_report_or_throw(std::string_view yaml_text, const std::string& file_name,
                                const KeyFigureSet* keyfigures);

}  // namespace dp::stats
