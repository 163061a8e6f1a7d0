#include "figures/earlier_figures.h"

#include "storage/stats_store.h"

namespace dp::figures {

std::map<Coordinates, std::pair<size_t, size_t>> layout_index(const stats::Results& r) {
  std::map<Coordinates, std::pair<size_t, size_t>> out;
  for (size_t ci = 0; ci < r.cells.size(); ++ci) {
    size_t flat = 0;
    for (const auto& b : r.breakdowns)
      for (const auto& g : b.groups)
        out.emplace(Coordinates{r.cells[ci].keyfigure->id, r.cells[ci].cell->id, b.id, g.code}, std::pair{ci, flat++});
  }
  return out;
}

std::vector<stats::EarlierFigure> earlier_published(storage::Store& store, int64_t campaign_id, int revision,
                                                    const stats::Results& layout) {
  std::vector<stats::EarlierFigure> out;
  auto index = layout_index(layout);
  for (const auto& run : store.stats().runs(campaign_id)) {
    if (run.published_at.empty() || (revision > 0 && run.revision >= revision)) continue;
    for (const auto& f : store.stats().values(run.id)) {
      auto it = index.find({f.key.keyfigure, f.key.cell, f.key.breakdown, f.key.group});
      if (it == index.end()) continue;
      out.push_back({run.revision, it->second.first, it->second.second, static_cast<const FigureValue&>(f)});
    }
  }
  return out;
}

}  // namespace dp::figures
