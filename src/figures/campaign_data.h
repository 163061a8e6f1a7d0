#pragma once
// The edge between storage and the engine: a campaign's organisations and submitted answers, read
// from the store into a stats::Dataset (only answers the instrument shows each organisation count,
// see stats/response_input.h). Respondents are the organisations whose response is submitted, or
// reopened for a correction after having been submitted.
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "figures/input_digest.h"
#include "instrument/model.h"
#include "stats/dataset.h"
#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::figures {

struct CampaignData {
  storage::Campaign campaign;
  instrument::Instrument instrument;
  std::vector<stats::OrgRecord> orgs;  // in scope, ordered by code
  stats::Dataset dataset;
  InputDigest input;     // answers, statuses and organisation facts
  size_t responses = 0;  // respondents
  size_t ignored = 0;    // answers of organisations outside the scope
  // The respondents' answers as stored (kept with a revision whose profile publishes them).
  std::map<std::string, instrument::Answers> respondent_answers;
  // Answers kept outside today's routing (imported history), counted all the same: items per
  // organisation.
  std::map<std::string, std::set<std::string>> outside_routing;
};

using Progress = std::function<void(const std::string& label, size_t done, size_t total)>;

// Throws dp::Error (NotFound) when there is no such campaign.
storage::Campaign find_campaign(storage::Store& store, const std::string& id_or_slug);
instrument::Instrument campaign_instrument(storage::Store& store, const storage::Campaign& c);

// The organisations a campaign approached (its scope; all active registry entries of the year if
// it has none), with the registry's facts for the campaign year, sizes by the population of its
// population_year and the campaign's attribute overrides.
std::vector<stats::OrgRecord> campaign_orgs(storage::Store& store, const storage::Campaign& c);

CampaignData load_campaign_data(storage::Store& store, const std::string& id_or_slug, const Progress& progress = {});

}  // namespace dp::figures
