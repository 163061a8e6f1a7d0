#pragma once
// Campaign contexts for the web process. Parsing an instrument and reading the registry for every
// autosave would cost more than the save itself, so contexts are kept; the campaign row is read
// again on every use and a changed row (state, dates, settings) or a minute's age rebuilds the
// context, so an edit made elsewhere (the command line, another process) is seen promptly.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "collection/campaign_context.h"
#include "storage/store.h"

namespace dp::collection {

class ContextCache {
 public:
  explicit ContextCache(storage::Store& store, std::chrono::seconds max_age = std::chrono::seconds(60));

  // Throws dp::Error (NotFound) naming the campaign.
  std::shared_ptr<const CampaignContext> get(const std::string& slug_or_id);
  std::shared_ptr<const instrument::Instrument> instrument(const std::string& id);
  // Forget everything (after this process changed a campaign's scope or attributes).
  void invalidate();

 private:
  struct Entry {
    std::shared_ptr<const CampaignContext> ctx;
    std::chrono::steady_clock::time_point built;
  };
  storage::Store& store_;
  std::chrono::seconds max_age_;
  std::mutex mu_;
  std::map<int64_t, Entry> contexts_;
  std::map<std::string, std::shared_ptr<const instrument::Instrument>> instruments_;
};

}  // namespace dp::collection
