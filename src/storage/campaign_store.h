#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/collection_state.h"
#include "core/text.h"

namespace dp::storage {

struct Campaign {
  int64_t id = 0;
  std::string slug;           // human id, e.g. "ehalsa-2021"; the CLI accepts id or slug
  std::string instrument_id;  // instrument version
  int year = 0;
  I18n title;
  CampaignState state = CampaignState::Draft;
  std::string opens_on;  // YYYY-MM-DD
  std::string closes_on;
  int population_year = 0;                             // population date for size groups (31 December of this year)
  std::vector<std::string> reminder_dates;             // YYYY-MM-DD
  nlohmann::json settings = nlohmann::json::object();  // e.g. {"suppression_profile": "..."}
  std::string created_at;
  std::string published_at;
};

// An organisation in a campaign's scope, with the attribute values that drive eligibility in
// this campaign (they override the registry's) and whether answering is mandatory for it.
struct CampaignOrg {
  std::string org_code;
  bool mandatory = true;
  std::map<std::string, std::string> attributes;
};

class CampaignStore {
 public:
  virtual ~CampaignStore() = default;
  virtual int64_t create(const Campaign& c) = 0;  // returns the id
  virtual void update(const Campaign& c) = 0;
  virtual std::vector<Campaign> list() = 0;
  virtual std::optional<Campaign> find(int64_t id) = 0;
  // By numeric id or slug.
  virtual std::optional<Campaign> find(const std::string& id_or_slug) = 0;
  virtual void set_state(int64_t id, CampaignState state) = 0;

  virtual void set_scope(int64_t campaign_id, const std::vector<CampaignOrg>& orgs) = 0;
  virtual std::vector<CampaignOrg> scope(int64_t campaign_id) = 0;
};

}  // namespace dp::storage
