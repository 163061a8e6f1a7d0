#pragma once
// Panels of what is published (docs/statistics.md, "Panels on the site and in the API"): each
// published campaign compared with the latest earlier published campaign of its instrument
// family, over the organisations in a figure's base both years, nationally, by county and by size
// group. The comparison is made from the answers the two published revisions counted, so it is
// made only while both campaigns still have those answers (their input hashes match): a panel of
// other answers than the published figures' would contradict them. It follows the published
// revision's disclosure profile, and a figure withheld in either published revision withholds its
// panel (stats/panel.h).
#include <set>
#include <string>
#include <vector>

#include "stats/panel.h"
#include "storage/campaign_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"

namespace dp::figures {

// The keys disclosure control withheld in a stored revision: a panel figure must not give any of
// them away (stats::PanelOptions::figure_withheld).
std::set<FigureKey> suppressed_keys(storage::Store& store, const storage::StatRun& run);

struct PanelPair {
  storage::Campaign now, before;
  storage::StatRun now_run, before_run;  // their published revisions
};

// Every published campaign (as of `now`, UTC; "" = the clock) that has an earlier published
// campaign of the same family, with the latest such one.
std::vector<PanelPair> panel_pairs(storage::Store& store, const std::string& now = "");

struct PublishedPanel {
  PanelPair pair;
  std::vector<stats::PanelFigure> figures;  // empty when unavailable
  std::string unavailable;                  // why there is none, for the log; "" = computed
};

PublishedPanel published_panel(storage::Store& store, const PanelPair& pair);

}  // namespace dp::figures
