#include "publish/published_store.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <spdlog/spdlog.h>
#include <tuple>

#include "core/error.h"
#include "figures/declarations.h"
#include "figures/published_panel.h"
#include "instrument/load.h"
#include "stats/lineage.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"

namespace dp::publish {

namespace {

// Everything published, read once per publication stamp and then answered from memory.
struct Published {
  std::vector<KeyFigureMeta> metas;
  std::map<std::string, std::vector<Figure>> by_keyfigure;
  std::map<std::string, I18n> breakdown_labels;
  std::string updated;
  std::vector<Announcement> upcoming;
  std::vector<RevisionInfo> revisions;  // every campaign's published revisions, all changes
  std::vector<figures::PanelPair> panel_pairs;
  // Panel values by key figure: computed from the answers on first use (panel_values below).
  mutable std::mutex panel_mu;
  mutable std::optional<std::map<std::string, std::vector<PanelValue>>> panels;
};

// A stats::PanelFigure as the public may see it (published_data.h, PanelValue).
PanelValue panel_value(const stats::PanelFigure& f, const figures::PanelPair& pair, bool count, int decimals) {
  PanelValue v;
  v.key = {f.keyfigure, f.cell, f.breakdown, f.group, pair.now.year};
  v.previous = pair.before.year;
  v.decimals = decimals;
  if (!f.comparable) v.marker = Marker::NotAsked;
  else if (f.withheld) v.marker = Marker::Suppressed;
  else if (f.panel_n == 0) {
    v.marker = Marker::NotAvailable;
    v.n = 0;
  } else {
    v.n = f.panel_n;
    v.before = count ? (double)f.count_before : f.share_before;
    v.now = count ? (double)f.count_now : f.share_now;
  }
  return v;
}

// Every pair's panel, once per publication state; a pair whose answers have changed since its
// publication has none (the log says why).
const std::map<std::string, std::vector<PanelValue>>& panel_values(storage::Store& store, const Published& p) {
  std::lock_guard lock(p.panel_mu);
  if (p.panels) return *p.panels;
  std::map<std::string, std::vector<PanelValue>> out;
  std::map<std::string, const KeyFigureMeta*> metas;
  for (const auto& m : p.metas) metas[m.id] = &m;
  for (const auto& pair : p.panel_pairs) {
    figures::PublishedPanel panel;
    try {
      panel = figures::published_panel(store, pair);
    } catch (const Error& e) {
      spdlog::error("panel of {} with {}: {}", pair.now.slug, pair.before.slug, e.what());
      continue;
    }
    if (!panel.unavailable.empty()) spdlog::warn("panel: {}", panel.unavailable);
    for (const auto& f : panel.figures) {
      auto m = metas.find(f.keyfigure);
      if (m == metas.end() || !m->second->has_panel()) continue;
      const CellMeta* cell = m->second->cell(f.cell);
      if (!cell) continue;
      int decimals = m->second->stat == "count" ? 0 : std::max(cell->decimals, m->second->decimals);
      out[f.keyfigure].push_back(panel_value(f, pair, m->second->stat == "count", decimals));
    }
  }
  p.panels = std::move(out);
  return *p.panels;
}

// The published revisions of a campaign as of `now`, oldest first, each with what it changed.
void add_revisions(storage::Store& store, const storage::Campaign& c, const std::string& now,
                   std::vector<RevisionInfo>& out) {
  std::vector<storage::StatRun> runs;
  for (const auto& r : store.stats().runs(c.id))
    if (!r.published_at.empty() && r.published_at <= now) runs.push_back(r);
  std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.published_at, a.revision) < std::tie(b.published_at, b.revision);
  });
  std::map<FigureKey, Figure> before;
  for (size_t i = 0; i < runs.size(); ++i) {
    RevisionInfo info{c.slug, c.year, runs[i].revision, runs[i].published_at, runs[i].note, {}};
    std::map<FigureKey, Figure> after;
    for (auto& f : store.stats().values(runs[i].id)) {
      FigureKey k = f.key;  // (the right side of an assignment is evaluated first: f moves away)
      after[k] = disclosed(std::move(f));
    }
    if (i > 0) {
      const FigureValue absent{std::nullopt, std::nullopt, std::nullopt, Marker::NotAvailable, 0};
      for (const auto& [k, f] : after) {
        auto b = before.find(k);
        const FigureValue& old = b == before.end() ? absent : b->second;
        if (differs_as_published(old, f)) info.changes.push_back({k, old, f});
      }
      for (const auto& [k, f] : before)
        if (!after.count(k)) info.changes.push_back({k, f, absent});
    }
    out.push_back(std::move(info));
    before = std::move(after);
  }
}

KeyFigureMeta meta_of(const stats::KeyFigureSet& set, const stats::KeyFigure& kf,
                      const std::vector<const instrument::Instrument*>& family) {
  KeyFigureMeta m;
  m.id = kf.id;
  m.theme = kf.theme;
  for (const auto& t : set.themes)
    if (t.id == kf.theme) m.theme_label = t.label;
  m.title = kf.title;
  m.definition = kf.definition;
  m.unit = kf.unit;
  m.note = kf.note;
  m.stat = stats::stat_name(kf.stat);
  m.source = kf.source;
  m.source_label = kf.source_label;
  m.decimals = kf.decimals;
  for (const auto& c : kf.cells) m.cells.push_back({c.id, c.label, c.decimals});
  // Breaks: declared ones and those the instruments' lineage implies, one entry per year.
  std::map<int, BreakMeta> breaks;
  for (const auto& b : stats::series_breaks(kf, family)) {
    auto& e = breaks[b.year];
    e.year = b.year;
    if (!b.cell.empty()) e.cells.push_back(b.cell);
    if (e.note.empty()) e.note = b.note;
  }
  for (const auto& [y, b] : breaks) m.breaks.push_back(b);
  return m;
}

class StorePublished : public PublishedData {
 public:
  StorePublished(storage::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  std::string now() override { return clock_ ? clock_() : PublishedData::now(); }
  std::string revision() override { return store_.stats().publication_stamp(now()); }
  std::vector<Announcement> upcoming() override { return load()->upcoming; }
  std::vector<RevisionInfo> revisions(const std::string& keyfigure) override {
    auto p = load();
    std::vector<RevisionInfo> out;
    for (const auto& r : p->revisions) {
      RevisionInfo one = r;
      if (!keyfigure.empty()) {
        std::erase_if(one.changes, [&](const RevisedFigure& f) { return f.key.keyfigure != keyfigure; });
        // Campaigns that never published this key figure have no part in its history.
        auto vs = p->by_keyfigure.find(keyfigure);
        if (vs == p->by_keyfigure.end() || !std::any_of(vs->second.begin(), vs->second.end(), [&](const Figure& f) {
              return f.key.year == r.year && f.origin == FigureOrigin::Computed;
            }))
          continue;
      }
      out.push_back(std::move(one));
    }
    return out;
  }
  std::string updated() override { return load()->updated; }
  std::vector<KeyFigureMeta> keyfigures() override { return load()->metas; }
  std::map<std::string, I18n> breakdown_labels() override { return load()->breakdown_labels; }

  std::vector<Figure> values(const ValueQuery& q) override {
    auto p = load();
    auto it = p->by_keyfigure.find(q.keyfigure);
    if (it == p->by_keyfigure.end()) return {};
    return matching(it->second, q);
  }

  std::vector<PanelValue> panel(const ValueQuery& q) override {
    auto p = load();
    const auto& all = panel_values(store_, *p);
    auto it = all.find(q.keyfigure);
    if (it == all.end()) return {};
    return matching(it->second, q);
  }

 private:
  storage::Store& store_;
  Clock clock_;
  std::mutex mu_;
  std::string stamp_;
  std::shared_ptr<const Published> loaded_;

  template <class T>
  static std::vector<T> matching(const std::vector<T>& all, const ValueQuery& q) {
    auto in = [](const auto& list, const auto& x) {
      return list.empty() || std::find(list.begin(), list.end(), x) != list.end();
    };
    std::vector<T> out;
    for (const auto& v : all)
      if (in(q.cells, v.key.cell) && in(q.breakdowns, v.key.breakdown) && in(q.groups, v.key.group) &&
          in(q.years, v.key.year))
        out.push_back(v);
    return out;
  }

  std::shared_ptr<const Published> load() {
    std::string at = now();
    std::string stamp = store_.stats().publication_stamp(at);
    std::lock_guard lock(mu_);
    if (loaded_ && stamp == stamp_) return loaded_;
    loaded_ = build(at);
    stamp_ = stamp;
    return loaded_;
  }

  std::shared_ptr<const Published> build(const std::string& now) {
    auto p = std::make_shared<Published>();
    p->updated = store_.stats().last_published_at(now);
    // Key-figure declarations of every instrument family in the database (newest version of each).
    std::map<std::string, storage::InstrumentInfo> newest;
    for (const auto& i : store_.instruments().list())
      if (i.kind == "survey" && (!newest.count(i.family) || newest[i.family].year < i.year)) newest[i.family] = i;
    std::vector<figures::Declarations> decls;
    for (const auto& [family, info] : newest) {
      auto src = store_.instruments().source(info.id);
      if (!src) continue;
      try {
        auto in = instrument::load_or_throw(*src, info.id);
        decls.push_back(figures::load_declarations(store_, in));
        for (const auto& f : decls.back().family)
          for (const auto& a : f.attributes) p->breakdown_labels[a.id] = a.label;
      } catch (const Error& e) {
        if (e.code() != ErrorCode::NotFound) spdlog::error("key figures of {}: {}", family, e.what());
      }
    }
    // Published points: per figure and year a computed value takes over from history.
    std::map<int64_t, storage::Campaign> campaigns;
    for (const auto& c : store_.campaigns().list()) {
      campaigns[c.id] = c;
      add_revisions(store_, c, now, p->revisions);
      for (const auto& r : store_.stats().runs(c.id))
        if (r.published_at > now) p->upcoming.push_back({c.slug, c.title, c.year, r.published_at});
    }
    p->panel_pairs = figures::panel_pairs(store_, now);
    std::sort(p->upcoming.begin(), p->upcoming.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    std::map<FigureKey, Figure> chosen;
    for (auto& pt : store_.stats().all_points(true, now)) {
      auto it = chosen.find(pt.key);
      if (it == chosen.end() || (it->second.origin == FigureOrigin::History && pt.origin == FigureOrigin::Computed))
        chosen[pt.key] = std::move(pt);
    }
    std::map<std::string, std::map<int, OriginMeta>> origins;
    for (auto& [k, pt] : chosen) {
      p->by_keyfigure[k.keyfigure].push_back(disclosed(pt));
      auto& o = origins[k.keyfigure][k.year];
      if (o.year == 0) {
        o.year = k.year;
        if (pt.origin == FigureOrigin::Computed && campaigns.count(pt.campaign_id)) {
          const auto& c = campaigns[pt.campaign_id];
          o = {k.year, "campaign", c.slug + " (revision " + std::to_string(pt.revision) + ")", c.instrument_id};
        } else {
          auto paren = pt.source.find(" (");
          o = {k.year, "history", paren == std::string::npos ? pt.source : pt.source.substr(0, paren), ""};
        }
      }
    }
    for (const auto& d : decls) {
      auto family = d.family_ptrs();
      for (const auto& kf : d.keyfigures.keyfigures) {
        auto it = p->by_keyfigure.find(kf.id);
        if (it == p->by_keyfigure.end()) continue;
        KeyFigureMeta m = meta_of(d.keyfigures, kf, family);
        std::set<int> years;
        std::set<std::string> cells, breakdowns;
        for (const auto& v : it->second)
          years.insert(v.key.year), cells.insert(v.key.cell), breakdowns.insert(v.key.breakdown);
        m.years.assign(years.begin(), years.end());
        std::erase_if(m.cells, [&](const CellMeta& c) { return !cells.count(c.id); });
        for (const char* b : {"national", "county", "size_group", "municipality"})
          if (breakdowns.count(b)) m.breakdowns.push_back(b);
        for (const auto& b : breakdowns)
          if (std::find(m.breakdowns.begin(), m.breakdowns.end(), b) == m.breakdowns.end()) m.breakdowns.push_back(b);
        for (const auto& [y, o] : origins[kf.id]) m.origins.push_back(o);
        for (const auto& pair : p->panel_pairs)
          if (years.count(pair.now.year)) m.panels.emplace_back(pair.now.year, pair.before.year);
        std::sort(m.panels.begin(), m.panels.end());
        std::erase_if(m.breaks,
                      [&](const BreakMeta& b) { return b.year <= m.years.front() || b.year > m.years.back(); });
        p->metas.push_back(std::move(m));
      }
    }
    // Values of key figures that no declaration describes are not published.
    std::set<std::string> known;
    for (const auto& m : p->metas) known.insert(m.id);
    std::erase_if(p->by_keyfigure, [&](const auto& e) { return !known.count(e.first); });
    return p;
  }
};

}  // namespace

std::unique_ptr<PublishedData> make_published_data(storage::Store& store, Clock clock) {
  return std::make_unique<StorePublished>(store, std::move(clock));
}

}  // namespace dp::publish
