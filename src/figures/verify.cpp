#include "figures/verify.h"

#include <fmt/format.h>
#include <map>

#include "core/error.h"
#include "core/resources.h"
#include "figures/declarations.h"
#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "storage/response_store.h"
#include "storage/stats_store.h"

namespace dp::figures {

size_t Verification::differences() const {
  size_t n = 0;
  for (const auto& c : comparisons) n += !c.equal;
  return n;
}

size_t Verification::flagged_differences() const {
  size_t n = 0;
  for (const auto& c : comparisons) n += !c.equal && c.flagged;
  return n;
}

Verification verify_campaign(storage::Store& store, const std::string& campaign, int revision,
                             const std::string& profile, const Progress& progress) {
  Computed c = compute_in_memory(store, campaign, profile, progress);
  auto run = choose_run(store, c.data.campaign, revision, profile);
  Verification out;
  out.campaign = c.data.campaign.slug;
  out.year = c.data.campaign.year;
  out.profile = run ? run->profile : c.profile.id;
  out.revision = run ? run->revision : 0;
  // A revision's figures are those of the campaign year: keyed without it.
  std::map<FigureKey, FigureValue> stored;
  if (run)
    for (auto& v : store.stats().values(run->id)) {
      FigureKey k = v.key;
      k.year = 0;
      stored.emplace(k, static_cast<FigureValue&>(v));
    }
  for (const auto& r : store.responses().list(c.data.campaign.id)) {
    for (const auto& a : store.responses().audit(r.id))
      if (a.action == "generate") out.synthetic = true;
    if (out.synthetic) break;
  }
  auto published = stats::map_history(c.declarations.keyfigures, c.declarations.history);
  out.comparisons = stats::compare_with_published(
      c.declarations.keyfigures, published, out.year, [&](const FigureKey& k) -> std::optional<FigureValue> {
        if (run) {
          FigureKey at = k;
          at.year = 0;
          auto it = stored.find(at);
          if (it == stored.end()) return std::nullopt;
          return it->second;
        }
        const FigureValue* f = c.results.find(k.keyfigure, k.cell, k.breakdown, k.group);
        if (!f) return std::nullopt;
        return *f;
      });
  return out;
}

std::vector<stats::AuditFinding> audit_bundled_history() {
  auto history = bundled_history();
  auto instruments = bundled_instruments();
  std::vector<const instrument::Instrument*> ptrs;
  for (const auto& i : instruments) ptrs.push_back(&i);
  std::vector<stats::AuditFinding> out;
  for (const auto& path : bundled_keyfigure_files()) {
    auto set = stats::load_keyfigures_or_throw(resources::require(path), path, ptrs, &history);
    auto found = stats::audit_published(set, stats::map_history(set, history));
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace dp::figures
