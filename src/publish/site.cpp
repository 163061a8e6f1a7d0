#include "publish/site.h"

#include "core/error.h"
#include "storage/registry_store.h"

namespace dp::publish {

const KeyFigureMeta* Snapshot::find(const std::string& id) const {
  for (const auto& k : keyfigures)
    if (k.id == id) return &k;
  return nullptr;
}

Site::Site(storage::Store& store, std::unique_ptr<PublishedData> data, SiteConfig cfg)
    : store_(store), data_(std::move(data)), cfg_(cfg), cache_(cfg.cache_bytes), limiter_(cfg.rate_limit) {}

std::shared_ptr<const Snapshot> Site::build(const std::string& revision) {
  auto s = std::make_shared<Snapshot>();
  s->revision = revision;
  s->updated = data_->updated();
  s->keyfigures = data_->keyfigures();
  auto& reg = store_.registry();
  auto years = reg.years();
  int year = years.empty() ? 0 : years.back();
  // Labels as of the latest published year (names of municipalities rarely change).
  int latest = 0;
  for (const auto& k : s->keyfigures)
    if (!k.years.empty()) latest = std::max(latest, k.years.back());
  if (latest > 0 && !years.empty()) {
    int best = years.front();
    for (int y : years)
      if (y <= latest) best = y;
    year = best;
  }
  s->registry_year = year;
  s->regions =
      Regions(reg.counties(), reg.list(year, year, reg.size_groups()), reg.size_groups(), data_->breakdown_labels());
  return s;
}

std::shared_ptr<const Snapshot> Site::snapshot() {
  int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
  {
    std::lock_guard lock(mu_);
    if (snap_ && now < next_check_.load()) return snap_;
  }
  std::string rev = data_->revision();
  std::lock_guard lock(mu_);
  next_check_ = now + cfg_.revision_check.count();
  if (!snap_ || snap_->revision != rev) {
    snap_ = build(rev);
    cache_.clear();
  }
  return snap_;
}

std::shared_ptr<const report::ReportTables> Site::published_report(const std::string& campaign, int revision) {
  auto snap = snapshot();
  std::string key = snap->revision + "\x1f" + campaign + "\x1f" + std::to_string(revision);
  std::lock_guard lock(report_mu_);
  if (report_ && report_key_ == key) return report_;
  report::OtherYears published{.published_only = true, .as_of = data_->now()};
  report_ =
      std::make_shared<const report::ReportTables>(report::build_report(store_, campaign, revision, "", {}, published));
  report_key_ = key;
  return report_;
}

const MapGeometry& Site::map(const std::string& kind) {
  std::lock_guard lock(map_mu_);
  auto it = maps_.find(kind);
  if (it != maps_.end()) return *it->second;
  auto text = store_.registry().boundaries(kind);
  auto g = std::make_unique<MapGeometry>();
  if (text) {
    bool counties = kind == "counties";
    auto regions = parse_geojson(*text, counties ? "county_code" : "code", counties ? "county_name" : "name");
    // The map fills the left 400 px; the legend stands to the right of the mountains.
    *g = fit_map(regions, 400, 860, 8, counties ? 0.5 : 0.35, counties ? 1.5 : 0.4);
    g->width = 600;
  }
  return *(maps_[kind] = std::move(g));
}

}  // namespace dp::publish
