#include "figures/history_import.h"

#include "core/error.h"
#include "core/problems.h"
#include "core/resources.h"
#include "figures/declarations.h"
#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"

namespace dp::figures {

size_t import_history(storage::Store& store, const std::vector<std::pair<std::string, std::string>>& files) {
  ProblemList problems;
  auto history = stats::parse_history(files, problems);
  if (!problems.empty()) throw Error::bad_input(problems.report("nothing was imported"));
  std::vector<Figure> figures;
  for (const auto& path : bundled_keyfigure_files()) {
    std::string text = resources::require(path);
    auto family = keyfigure_family(store, text, path);
    std::vector<const instrument::Instrument*> ptrs;
    for (const auto& i : family) ptrs.push_back(&i);
    auto set = stats::load_keyfigures_or_throw(text, path, ptrs, &history);
    auto mapped = stats::map_history(set, history);
    figures.insert(figures.end(), std::make_move_iterator(mapped.begin()), std::make_move_iterator(mapped.end()));
  }
  return store.stats().replace_history(figures);  // one write transaction: all or nothing
}

size_t import_history(storage::Store& store) { return import_history(store, bundled_history_files()); }

}  // namespace dp::figures
