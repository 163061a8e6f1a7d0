#pragma once
// Cross-reference rules of a key-figure file (docs/keyfigure-format.md, "Diagnostics"): unique ids,
// conditions that name real items, rows, options and attributes of the family's instruments,
// numeric statistics over numeric items, and history mappings that name real published cells and
// leave none unclaimed.
#include <vector>

#include "core/yaml_reader.h"
#include "instrument/model.h"
#include "stats/history.h"
#include "stats/keyfigures.h"

namespace dp::stats {

void validate_keyfigures(KeyFigureSet& set, const std::vector<const instrument::Instrument*>& instruments,
                         const HistoryData* history, yaml::Reader& r);

}  // namespace dp::stats
