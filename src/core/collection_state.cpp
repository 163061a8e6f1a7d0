#include "core/collection_state.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

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

// The value of `all` whose name is `text`, or a BadInput error listing the names.
template <typename E, size_t N>
static E parse_one(const E (&all)[N], std::string_view text, const char* what, const Location& where) {
  std::string names;
  for (E e : all) {
    if (text == to_string(e)) return e;
    names += (names.empty() ? "" : ", ") + std::string(to_string(e));
  }
  throw Error::bad_input(fmt::format("{} '{}' is not one of {}", what, text.substr(0, 40), names), where);
}

CampaignState parse_campaign_state(std::string_view text, const Location& where) {
  return parse_one(kAllCampaignStates, text, "campaign state", where);
}

ResponseStatus parse_response_status(std::string_view text, const Location& where) {
  return parse_one(kAllResponseStatuses, text, "response status", where);
}

void to_json(nlohmann::json& j, CampaignState s) { j = to_string(s); }
void to_json(nlohmann::json& j, ResponseStatus s) { j = to_string(s); }

}  // namespace dp
