#include "collection/context_cache.h"

#include "core/error.h"
#include "storage/campaign_store.h"
#include "storage/registry_store.h"

namespace dp::collection {

ContextCache::ContextCache(storage::Store& store, std::chrono::seconds max_age) : store_(store), max_age_(max_age) {}

static bool same_row(const storage::Campaign& a, const storage::Campaign& b) {
  return a.slug == b.slug && a.instrument_id == b.instrument_id && a.year == b.year && a.state == b.state &&
         a.opens_on == b.opens_on && a.closes_on == b.closes_on && a.population_year == b.population_year &&
         a.reminder_dates == b.reminder_dates && a.settings == b.settings && a.title.sv == b.title.sv &&
         a.title.en == b.title.en && a.published_at == b.published_at;
}

std::shared_ptr<const instrument::Instrument> ContextCache::instrument(const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = instruments_.find(id);
    if (it != instruments_.end()) return it->second;
  }
  auto in = std::make_shared<const instrument::Instrument>(load_instrument(store_, id));
  std::lock_guard<std::mutex> lock(mu_);
  return instruments_.emplace(id, in).first->second;
}

std::shared_ptr<const CampaignContext> ContextCache::get(const std::string& key) {
  auto row = key.size() <= 100 ? store_.campaigns().find(key) : std::nullopt;
  if (!row) throw Error::not_found("no campaign '" + key.substr(0, 100) + "'");
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = contexts_.find(row->id);
    if (it != contexts_.end() && same_row(it->second.ctx->campaign, *row) && now - it->second.built < max_age_)
      return it->second.ctx;
  }
  auto ctx = std::make_shared<CampaignContext>();
  ctx->instrument = *instrument(row->instrument_id);
  ctx->size_groups = store_.registry().size_groups();
  for (auto& o : store_.campaigns().scope(row->id)) ctx->scope.emplace(o.org_code, o);
  for (auto& o : store_.registry().list(row->year, row->population_year, ctx->size_groups))
    if (ctx->scope.count(o.code)) ctx->orgs.push_back(std::move(o));
  ctx->campaign = std::move(*row);
  std::lock_guard<std::mutex> lock(mu_);
  contexts_[ctx->campaign.id] = {ctx, now};
  return ctx;
}

void ContextCache::invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  contexts_.clear();
}

}  // namespace dp::collection
