#include "figures/history_import.h"

#include "core/resources.h"
#include "figures/declarations.h"
#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"

namespace dp::figures {

size_t import_history(storage::Store& store) {
  auto history = bundled_history();
  std::vector<storage::HistoryRecord> records;
  for (const auto& path : bundled_keyfigure_files()) {
    std::string text = resources::require(path);
    auto family = keyfigure_family(store, text, path);
    std::vector<const instrument::Instrument*> ptrs;
    for (const auto& i : family) ptrs.push_back(&i);
    auto set = stats::load_keyfigures_or_throw(text, path, ptrs, &history);
    for (const auto& v : stats::map_history(set, history)) {
      storage::HistoryRecord r;
      r.keyfigure = v.keyfigure;
      r.cell = v.cell;
      r.breakdown = v.breakdown;
      r.group = v.group;
      r.year = v.year;
      r.n = v.n;
      r.count = v.count;
      r.value = v.value;
      r.marker = stats::marker_name(v.marker);
      r.decimals = v.decimals;
      r.source = v.source;
      r.note_sv = v.note.sv;
      r.note_en = v.note.en;
      records.push_back(std::move(r));
    }
  }
  return store.stats().replace_history(records);
}

}  // namespace dp::figures
