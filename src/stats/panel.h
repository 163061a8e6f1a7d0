#pragma once
// Panel comparison (docs/statistics.md, "Panel comparison"): the change of a share between two
// years computed only over the organisations that are in its base in both years, and the
// current year's share split by whether the organisation also answered the year before (the 2021
// report explains a fall this way, L689), nationally and by any breakdown of this year's
// registry (county, size group). Under a disclosure profile the panel figures follow the
// profile's minimum base, and are withheld where subtracting them from a year's own figure
// would show a smaller group (see panel_disclosure below). Pure: two datasets in, figures out.
#include <functional>
#include <string>
#include <vector>

#include "core/figure.h"
#include "stats/dataset.h"
#include "stats/keyfigures.h"
#include "stats/suppression.h"

namespace dp::stats {

struct PanelFigure {
  std::string keyfigure;
  std::string cell;
  std::string breakdown = "national";
  std::string group = "total";
  bool comparable = true;  // false: not asked in one of the years
  // Over the panel (in the base both years, in this group by this year's registry).
  int64_t panel_n = 0;
  int64_t count_before = 0;
  int64_t count_now = 0;
  double share_before = 0;
  double share_now = 0;
  double change = 0;  // percentage points
  // This year's base in the group split by whether the organisation responded the year before.
  int64_t n_returning = 0, count_returning = 0;
  int64_t n_new = 0, count_new = 0;
  // Disclosure control (PanelOptions::profile): the comparison and the split are withheld
  // separately; `reason` says why, for the analyst.
  bool withheld = false;
  bool split_withheld = false;
  std::string reason;
};

struct PanelOptions {
  std::vector<std::string> breakdowns = {"national"};
  const DisclosureProfile* profile = nullptr;  // nullptr: nothing is withheld
  // Whether a year's own figure at a key (its year is the dataset's) is withheld: the panel
  // figure of a group whose own figure is withheld in either year is withheld too.
  std::function<bool(const FigureKey&)> figure_withheld;
};

// Every Share and Count cell of the key figure (or every key figure when `keyfigure` is empty),
// for every group of every breakdown asked, in key-figure, cell, breakdown, group order.
std::vector<PanelFigure> panel(const KeyFigureSet& set, const Dataset& before, const Dataset& now,
                               const std::string& keyfigure, const PanelOptions& opts = {});

}  // namespace dp::stats
