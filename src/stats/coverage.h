#pragma once
// Key-figure coverage of an instrument family (docs/keyfigure-format.md, "Coverage"): which new
// questions and options of a version no key figure reads (so no report table or series shows
// them), and which key figures read items the newest version no longer asks. Warnings only: a
// question may be asked for the municipalities' own use, and a dropped question ends a series.
#include <vector>

#include "core/error.h"
#include "instrument/model.h"
#include "stats/keyfigures.h"

namespace dp::stats {

// `family`: the versions the key-figure file names, in any order. New questions and options are
// those of a version without lineage to its `previous` (when that version is in `family`), or of
// the first version when it is the only one; they are positioned in the instrument's file.
// Vanished inputs are positioned at the key figure.
Diagnostics coverage_warnings(const KeyFigureSet& set, const std::vector<const instrument::Instrument*>& family);

}  // namespace dp::stats
