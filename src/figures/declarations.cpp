#include "figures/declarations.h"

#include <fmt/format.h>
#include <map>

#include "core/error.h"
#include "core/resources.h"
#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "stats/report_load.h"
#include "storage/instrument_store.h"

namespace dp::figures {

const instrument::Instrument* Declarations::instrument(const std::string& id) const {
  for (const auto& i : family)
    if (i.id == id) return &i;
  return nullptr;
}

std::vector<const instrument::Instrument*> Declarations::family_ptrs() const {
  std::vector<const instrument::Instrument*> out;
  for (const auto& i : family) out.push_back(&i);
  return out;
}

static bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::pair<std::string, std::string>> bundled_history_files() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& path : resources::list("data/history/"))
    if (ends_with(path, ".csv")) files.emplace_back(path.substr(path.rfind('/') + 1), resources::require(path));
  return files;
}

stats::HistoryData bundled_history() { return stats::parse_history(bundled_history_files()); }

std::vector<instrument::Instrument> bundled_instruments() {
  std::vector<instrument::Instrument> out;
  for (const auto& [path, text] : resources::declaring("instruments/", "digipuls-instrument/1"))
    out.push_back(instrument::load_or_throw(text, path));
  return out;
}

std::vector<std::string> bundled_keyfigure_files() {
  std::vector<std::string> out;
  for (const auto& p : resources::list("instruments/"))
    if (ends_with(p, ".keyfigures.yaml")) out.push_back(p);
  return out;
}

std::vector<std::string> bundled_report_files() {
  std::vector<std::string> out;
  for (const auto& p : resources::list("instruments/"))
    if (ends_with(p, ".report.yaml")) out.push_back(p);
  return out;
}

std::optional<std::string> version_source(storage::Store* store, const std::string& id) {
  std::optional<std::string> src;
  if (store) src = store->instruments().source(id);
  if (!src) src = resources::get("instruments/" + id + ".yaml");
  return src;
}

std::string keyfigures_file(const std::string& family) { return "instruments/" + family + ".keyfigures.yaml"; }

std::optional<std::string> declaration_in_use(storage::Store& store, const std::string& file) {
  auto text = store.instruments().declaration(file);
  if (!text) text = resources::get(file);
  return text;
}

std::vector<instrument::Instrument> keyfigure_family(storage::Store& store, const std::string& text,
                                                     const std::string& file, const instrument::Instrument* known) {
  std::vector<instrument::Instrument> family;
  for (const auto& id : stats::keyfigure_instruments(text, file)) {
    if (known && id == known->id) {
      family.push_back(*known);
      continue;
    }
    if (auto src = version_source(&store, id)) family.push_back(instrument::load_or_throw(*src, id + ".yaml"));
  }
  return family;
}

Declarations load_declarations(storage::Store& store, const instrument::Instrument& in) {
  Declarations d;
  std::string kf_path = keyfigures_file(in.family);
  auto kf_text = declaration_in_use(store, kf_path);
  if (!kf_text)
    throw Error::not_found(fmt::format("the instrument family '{}' has no key figures ({})", in.family, kf_path));
  d.keyfigures_text = *kf_text;
  d.family = keyfigure_family(store, *kf_text, kf_path, &in);
  if (!d.instrument(in.id)) d.family.push_back(in);
  d.history = bundled_history();
  d.keyfigures = stats::load_keyfigures_or_throw(*kf_text, kf_path, d.family_ptrs(), &d.history);
  // The report of this version, or of the newest earlier version of the family.
  int best_year = -1;
  std::string best;
  std::map<std::string, std::string> reports;  // name -> text: the imported files over the bundled ones
  for (const auto& p : bundled_report_files()) reports[p] = resources::require(p);
  for (auto& [p, text] : store.instruments().declarations("report")) reports[p] = std::move(text);
  for (const auto& [p, text] : reports) {
    std::string rid = stats::report_instrument(text, p);
    if (rid == in.id) {
      best = p;
      break;
    }
    for (const auto& f : d.family)
      if (f.id == rid && f.family == in.family && f.year <= in.year && f.year > best_year) {
        best_year = f.year;
        best = p;
      }
  }
  if (!best.empty()) d.report = stats::load_report_or_throw(reports.at(best), best, &d.keyfigures);
  d.profiles = stats::parse_profiles(resources::require("instruments/disclosure.yaml"), "instruments/disclosure.yaml");
  return d;
}

}  // namespace dp::figures
