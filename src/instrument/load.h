#pragma once
// Reading instrument files: YAML text -> Instrument, with every problem positioned and catalogued
// (docs/instrument-format.md, "Diagnostics"). Pure: the caller reads the file.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "instrument/model.h"

namespace dp::instrument {

struct LoadResult {
  std::optional<Instrument> instrument;  // set when there are no errors (warnings allowed)
  Diagnostics diagnostics;
};

// Parses and validates. Never throws for bad input and never crashes or hangs on any input.
LoadResult load(std::string_view yaml_text, const std::string& file_name);

// Throws dp::Error (BadInput) with all error lines when the text is not a valid instrument.
Instrument load_or_throw(std::string_view yaml_text, const std::string& file_name);

// Step by step (load() runs both): structure and types, then cross-references, cycles and
// attributes. `validate` also fills in Instrument::evaluation_order.
std::optional<Instrument> parse(std::string_view yaml_text, const std::string& file_name, Diagnostics& diags);
void validate(Instrument& in, Diagnostics& diags);

}  // namespace dp::instrument
