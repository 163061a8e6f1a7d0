#include "core/collection_state.h"

#include <nlohmann/json.hpp>

#include "core/named_enum.h"

namespace dp {

const char* to_string(CampaignState s) {
  switch (s) {
    case CampaignState::Draft: return "draft";
    case CampaignState::Open: return "open";
    case CampaignState::Closed: return "closed";
    case CampaignState::Published: return "published";
  }
  return "";
}

const char* to_string(ResponseStatus s) {
  switch (s) {
    case ResponseStatus::NotStarted: return "not_started";
    case ResponseStatus::Draft: return "draft";
    case ResponseStatus::Submitted: return "submitted";
    case ResponseStatus::Reopened: return "reopened";
  }
  return "";
}

CampaignState parse_campaign_state(std::string_view text, const Location& where) {
  return parse_named(kAllCampaignStates, text, "campaign state", where);
}

ResponseStatus parse_response_status(std::string_view text, const Location& where) {
  return parse_named(kAllResponseStatuses, text, "response status", where);
}

void to_json(nlohmann::json& j, CampaignState s) { j = to_string(s); }
void to_json(nlohmann::json& j, ResponseStatus s) { j = to_string(s); }

}  // namespace dp
