#pragma once
// The public site's shared state: the published data, a snapshot of its metadata and region
// labels (refreshed when the data revision changes, checked at most once a second), map
// geometry, the cache of encoded answers and the API's rate limiter. One per server.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "publish/geo.h"
#include "publish/published_data.h"
#include "publish/regions.h"
#include "publish/response_cache.h"
#include "report/report_build.h"
#include "storage/store.h"
#include "web/rate_limiter.h"

namespace dp::publish {

struct SiteConfig {
  web::RateLimit rate_limit;          // API calls per client
  size_t max_cells = 150000;          // cells per call before the answer is paginated
  size_t kolada_max_per_page = 5000;  // rows per page of the Kolada-shaped endpoint
  size_t cache_bytes = 64u << 20;     // encoded answers kept in memory
  std::chrono::milliseconds revision_check{1000};
};

struct Snapshot {
  std::string revision;
  std::string updated;
  std::vector<KeyFigureMeta> keyfigures;
  Regions regions;
  int registry_year = 0;

  const KeyFigureMeta* find(const std::string& id) const;
};

class Site {
 public:
  Site(storage::Store& store, std::unique_ptr<PublishedData> data, SiteConfig cfg);

  storage::Store& store() { return store_; }
  PublishedData& data() { return *data_; }
  const SiteConfig& config() const { return cfg_; }

  // The current snapshot (cheap: a shared pointer; rebuilt when the revision has changed).
  std::shared_ptr<const Snapshot> snapshot();
  ResponseCache& cache() { return cache_; }
  web::RateLimiter& limiter() { return limiter_; }

  // The report of a campaign's published revision, with other years as published (building one
  // computes the whole campaign): kept for the current data revision and shared by the report
  // page and its files. Throws dp::Error (NotFound) when the family declares no report.
  std::shared_ptr<const report::ReportTables> published_report(const std::string& campaign, int revision);

  // Fitted, simplified map geometry: kind "counties" or "municipalities". Computed once.
  const MapGeometry& map(const std::string& kind);

 private:
  storage::Store& store_;
  std::unique_ptr<PublishedData> data_;
  SiteConfig cfg_;
  ResponseCache cache_;
  web::RateLimiter limiter_;

  std::mutex mu_;
  std::shared_ptr<const Snapshot> snap_;
  std::atomic<int64_t> next_check_{0};
  std::mutex report_mu_;  // held while building: one build per report, however many ask at once
  std::string report_key_;
  std::shared_ptr<const report::ReportTables> report_;
  std::mutex map_mu_;
  std::map<std::string, std::unique_ptr<MapGeometry>> maps_;

  std::shared_ptr<const Snapshot> build(const std::string& revision);
};

}  // namespace dp::publish
