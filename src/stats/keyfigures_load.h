#pragma once
// Reading a key-figure file: YAML text -> KeyFigureSet, with every problem positioned and
// catalogued (docs/keyfigure-format.md, "Diagnostics"). Shorthands (`expand`, `combine`, `pooled`,
// `ratios`) are expanded against the family's instrument versions; references to items, rows,
// options and attributes are checked against them; history mappings are checked against the
// published tables when those are given. Pure: the caller reads the files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "instrument/model.h"
#include "stats/history.h"
#include "stats/keyfigures.h"

namespace dp::stats {

struct KeyFigureLoad {
  std::optional<KeyFigureSet> set;  // set when there are no errors (warnings allowed)
  Diagnostics diagnostics;
};

// `instruments`: the versions named under `instruments:` (others are ignored). `history`: the
// published tables, or null to skip the history checks. Never throws for bad input and never
// crashes or hangs on any input.
KeyFigureLoad load_keyfigures(std::string_view yaml_text, const std::string& file_name,
                              const std::vector<const instrument::Instrument*>& instruments,
                              const HistoryData* history);

// Throws dp::Error (BadInput) with all error lines.
KeyFigureSet load_keyfigures_or_throw(std::string_view yaml_text, const std::string& file_name,
                                      const std::vector<const instrument::Instrument*>& instruments,
                                      const HistoryData* history);

// The instrument versions a key-figure file is written for (its `instruments:`), read before the
// instruments themselves are loaded. Throws dp::Error (BadInput) when the text is not YAML.
std::vector<std::string> keyfigure_instruments(std::string_view yaml_text, const std::string& file_name);

// Attributes every condition may use as org.<name> besides those an instrument declares.
bool builtin_attribute(std::string_view name);

}  // namespace dp::stats
