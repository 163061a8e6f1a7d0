#pragma once
// The lifecycle of a campaign and of one organisation's response in it. The database, files, URLs
// and templates spell them as text ("open", "not_started", ...); code compares the enums, and the
// text is parsed once where it enters (storage reads, form fields, CSV columns, CLI arguments).
// They live in core because storage, which sits below collection, carries them in its rows.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "core/error.h"

namespace dp {

enum class CampaignState { Draft, Open, Closed, Published };
enum class ResponseStatus { NotStarted, Draft, Submitted, Reopened };

constexpr CampaignState kAllCampaignStates[] = {CampaignState::Draft, CampaignState::Open, CampaignState::Closed,
                                                CampaignState::Published};
constexpr ResponseStatus kAllResponseStatuses[] = {ResponseStatus::NotStarted, ResponseStatus::Draft,
                                                   ResponseStatus::Submitted, ResponseStatus::Reopened};

// The stable names: "draft", "open", "closed", "published"; "not_started", "draft", "submitted",
// "reopened".
const char* to_string(CampaignState s);
const char* to_string(ResponseStatus s);

// The enum named by `text`; anything else throws dp::Error (BadInput) naming the value, the
// accepted names and `where`.
CampaignState parse_campaign_state(std::string_view text, const Location& where = {});
ResponseStatus parse_response_status(std::string_view text, const Location& where = {});

// Templates and JSON answers receive the stable names.
void to_json(nlohmann::json& j, CampaignState s);
void to_json(nlohmann::json& j, ResponseStatus s);

}  // namespace dp
