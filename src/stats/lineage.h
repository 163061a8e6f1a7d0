#pragma once
// Where a key figure's series breaks (docs/keyfigure-format.md, "Lineage and breaks"): the breaks
// its declaration states (for the published history, e.g. a category split in 2021), and those
// the instruments' lineage implies: in a version, an item the cell reads that does not continue
// an item of the previous version, or continues it as `changed`.
#include <string>
#include <vector>

#include "core/text.h"
#include "instrument/model.h"
#include "stats/keyfigures.h"

namespace dp::stats {

struct CellBreak {
  std::string cell;  // "" = every cell of the key figure
  int year = 0;      // values before this year are not comparable with it and later
  I18n note;
};

std::vector<CellBreak> series_breaks(const KeyFigure& kf, const std::vector<const instrument::Instrument*>& family);

}  // namespace dp::stats
