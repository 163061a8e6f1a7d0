#include "figures/published_panel.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/utc_time.h"
#include "figures/campaign_data.h"
#include "figures/compute_run.h"
#include "storage/instrument_store.h"

namespace dp::figures {

std::set<FigureKey> suppressed_keys(storage::Store& store, const storage::StatRun& run) {
  std::set<FigureKey> out;
  for (const auto& v : store.stats().values(run.id))
    if (v.marker == Marker::Suppressed) out.insert(v.key);
  return out;
}

namespace {

// The campaign's answers as its published revision counted them, or why they are not.
struct Counted {
  CampaignData data;
  Declarations decl;
  stats::DisclosureProfile profile;
  bool same = false;
};

Counted counted(storage::Store& store, const storage::Campaign& c, const storage::StatRun& run) {
  Counted out;
  out.data = load_campaign_data(store, c.slug);
  out.decl = load_declarations(store, out.data.instrument);
  out.profile = campaign_profile(out.data, out.decl, run.profile);
  out.same = input_hash(out.data, out.decl, out.profile) == run.input_hash;
  return out;
}

}  // namespace

std::vector<PanelPair> panel_pairs(storage::Store& store, const std::string& now_utc) {
  const std::string now = now_utc.empty() ? utc_now_string() : now_utc;
  std::map<std::string, std::string> family;  // instrument version -> family
  for (const auto& i : store.instruments().list()) family[i.id] = i.family;
  struct Published {
    storage::Campaign campaign;
    storage::StatRun run;
  };
  std::map<std::string, std::vector<Published>> by_family;
  for (const auto& c : store.campaigns().list()) {
    auto run = store.stats().published_run(c.id, now);
    if (run && family.count(c.instrument_id)) by_family[family[c.instrument_id]].push_back({c, *run});
  }
  std::vector<PanelPair> out;
  for (auto& [f, list] : by_family) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.campaign.year < b.campaign.year; });
    for (size_t i = 1; i < list.size(); ++i)
      if (list[i - 1].campaign.year < list[i].campaign.year)
        out.push_back({list[i].campaign, list[i - 1].campaign, list[i].run, list[i - 1].run});
  }
  return out;
}

PublishedPanel published_panel(storage::Store& store, const PanelPair& pair) {
  PublishedPanel out;
  out.pair = pair;
  Counted now = counted(store, pair.now, pair.now_run), before = counted(store, pair.before, pair.before_run);
  for (const auto* side : {&now, &before})
    if (!side->same) {
      const auto& c = side == &now ? pair.now : pair.before;
      const auto& run = side == &now ? pair.now_run : pair.before_run;
      out.unavailable = fmt::format(
          "the answers or declarations of {} have changed since its published revision {}: no panel of {} with {} "
          "until a revision of the current answers is published",
          c.slug, run.revision, pair.now.year, pair.before.year);
      return out;
    }
  auto withheld = suppressed_keys(store, pair.now_run);
  withheld.merge(suppressed_keys(store, pair.before_run));
  stats::PanelOptions opts;
  opts.breakdowns.clear();
  // The nation, counties and size groups, where the profile publishes them (none listed: every
  // breakdown).
  const auto& published = now.profile.breakdowns;
  for (const char* b : {"national", "county", "size_group"})
    if (published.empty() || std::string(b) == "national" ||
        std::find(published.begin(), published.end(), b) != published.end())
      opts.breakdowns.push_back(b);
  opts.profile = &now.profile;
  opts.figure_withheld = [&](const FigureKey& k) { return withheld.count(k) > 0; };
  out.figures = stats::panel(now.decl.keyfigures, before.data.dataset, now.data.dataset, "", opts);
  return out;
}

}  // namespace dp::figures
