#pragma once
// The engine: every cell of every key figure, for every group of every breakdown, from one
// Dataset (one campaign year). Pure: values in, values out.
//
// How (docs/statistics.md, "Engine"): each cell's base and numerator are compiled into OrgSets
// once (predicate.h); a breakdown's groups are OrgSets too (breakdown.h); a figure is then two
// population counts per group. Bases shared by many cells (respondents, an item's «Antal svar»)
// are counted once per group. Numeric statistics walk the members of each group once.
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/figure.h"
#include "stats/breakdown.h"
#include "stats/dataset.h"
#include "stats/keyfigures.h"

namespace dp::stats {

struct CellResult {
  const KeyFigure* keyfigure = nullptr;
  const Cell* cell = nullptr;
  std::string base_key;  // cells with the same key count the same organisations in n
  // One per group, in Results' flat group order, as published (core/figure.h): n where the cell
  // was computed, count for shares and counts, no value or count where the marker hides them.
  std::vector<FigureValue> figures;
};

struct Results {
  std::string instrument_id;
  int year = 0;
  std::vector<Breakdown> breakdowns;
  std::vector<size_t> offsets;  // flat index of each breakdown's first group
  std::vector<CellResult> cells;

  size_t group_count() const;
  const Breakdown* breakdown(std::string_view id) const;
  // Flat group index, or -1.
  int group_index(std::string_view breakdown, std::string_view group) const;
  const CellResult* cell(std::string_view keyfigure, std::string_view cell) const;
  const FigureValue* find(std::string_view keyfigure, std::string_view cell, std::string_view breakdown,
                          std::string_view group) const;

  // The organisations behind each base_key (disclosure control needs who is counted where).
  std::unordered_map<std::string, OrgSet> bases;

  std::unordered_map<std::string, size_t> cell_index_;  // "K02:ifo.ks" -> cells index
};

struct ComputeOptions {
  std::vector<std::string> breakdowns;  // empty: default_breakdowns(dataset)
  bool organisations = false;           // add the breakdown with one group per organisation
  std::function<void(size_t done, size_t total)> progress;
};

Results compute(const KeyFigureSet& set, const Dataset& ds, const ComputeOptions& opts = {});

// Sets Nil / RoundsToZero / NotAvailable from the numbers (for a figure without a structural
// marker), at the figure's number of decimals.
void derive_marker(FigureValue& f, Stat stat);

}  // namespace dp::stats
