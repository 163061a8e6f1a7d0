#pragma once
// `digipuls generate`: fills a campaign with synthetic, plausible responses (stats/synthetic.h)
// through the ResponseStore, replacing what is there: the demo's data, and larger campaigns for
// trying the engine at scale. With --orgs beyond the registry it first adds synthetic
// municipalities to the registry and to the campaign's scope.
#include <cstdint>
#include <string>

#include "figures/campaign_data.h"
#include "storage/store.h"

namespace dp::figures {

struct GenerateRequest {
  std::string campaign;
  size_t orgs = 0;  // 0: every organisation in the campaign's scope
  uint64_t seed = 1;
  Progress progress;
};

struct GenerateOutcome {
  size_t organisations = 0;
  size_t respondents = 0;
  size_t created = 0;  // synthetic organisations added to the registry
};

// One transaction: all of it is written or nothing. Every generated response is checked with
// instrument::check_answers (Import) before it is stored.
GenerateOutcome generate_campaign(storage::Store& store, const GenerateRequest& request);

}  // namespace dp::figures
