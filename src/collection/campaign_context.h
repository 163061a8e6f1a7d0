#pragma once
// Everything needed to work on one campaign: the campaign, its parsed instrument, the
// organisations in scope (registry as of the campaign year, sizes from its population date) and
// the attributes each organisation's conditions see.
#include <map>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "instrument/visibility.h"
#include "registry/model.h"
#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::collection {

struct CampaignContext {
  storage::Campaign campaign;
  instrument::Instrument instrument;
  registry::SizeGroupScheme size_groups;
  std::vector<registry::Organisation> orgs;  // in scope, ordered by code
  std::map<std::string, storage::CampaignOrg> scope;

  const registry::Organisation* org(const std::string& code) const;
  instrument::OrgAttributes attributes(const std::string& code) const;
};

// Throws dp::Error (NotFound) naming the campaign when it does not exist.
CampaignContext load_campaign(storage::Store& store, const std::string& id_or_slug);
CampaignContext load_campaign(storage::Store& store, int64_t id);

// Parses a stored instrument version. Throws if it is missing or no longer valid.
instrument::Instrument load_instrument(storage::Store& store, const std::string& instrument_id);

}  // namespace dp::collection
