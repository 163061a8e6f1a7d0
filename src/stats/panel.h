#pragma once
// Panel comparison (docs/statistics.md, "Panel comparison"): the change of a share between two
// years computed only over the organisations that are in its base in both years, and the
// current year's share split by whether the organisation also answered the year before (the 2021
// report explains a fall this way, L689). Pure: two datasets in, figures out.
#include <string>
#include <vector>

#include "stats/dataset.h"
#include "stats/keyfigures.h"

namespace dp::stats {

struct PanelFigure {
  std::string keyfigure;
  std::string cell;
  bool comparable = true;  // false: not asked in one of the years
  // Over the panel (in the base both years).
  int64_t panel_n = 0;
  int64_t count_before = 0;
  int64_t count_now = 0;
  double share_before = 0;
  double share_now = 0;
  double change = 0;  // percentage points
  // This year's base split by whether the organisation responded the year before.
  int64_t n_returning = 0, count_returning = 0;
  int64_t n_new = 0, count_new = 0;
};

// Every Share and Count cell of the key figure (or every key figure when `keyfigure` is empty).
std::vector<PanelFigure> panel(const KeyFigureSet& set, const Dataset& before, const Dataset& now,
                               const std::string& keyfigure);

}  // namespace dp::stats
