#pragma once
// The survey owner's overview of a campaign: the status of every organisation in scope (not
// started, draft, submitted, reopened), and the response rate overall, per county and per size
// group in the shape of Bilaga 1 of the 2021 report (organisations, answers, share). A county
// coordinator gets the same for their county.
#include <cstdint>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "core/collection_state.h"
#include "core/text.h"
#include "storage/store.h"

namespace dp::collection {

struct OrgStatus {
  std::string code, name, county_code, county_name, size_group, size_label;
  ResponseStatus status = ResponseStatus::NotStarted;
  bool mandatory = true;
  int64_t response_id = 0;
  std::string updated_at, submitted_at;
  int respondents = 0;    // active respondent accounts
  bool approver = false;  // one of them may submit (collection/accounts.h, duties)
};

// An address the mail server refused for good when a message to it was sent (SMTP 5xx; bounces
// that arrive later by mail are not seen). The newest refusal per address.
struct RejectedAddress {
  std::string email, org_code, org_name, error, at;
  int64_t message_id = 0;
};

struct RateRow {
  std::string key, label;
  int orgs = 0;
  int answers = 0;  // submitted
  double share() const { return orgs ? 100.0 * answers / orgs : 0; }
};

struct Dashboard {
  std::vector<OrgStatus> orgs;  // ordered by name (Swedish collation)
  int not_started = 0, draft = 0, submitted = 0, reopened = 0;
  RateRow overall;
  std::vector<RateRow> by_county;         // county code order
  std::vector<RateRow> by_size;           // size-group scheme order
  RateRow mandatory;                      // organisations that must answer
  int without_approver = 0;               // organisations in view that no account can submit for
  std::vector<RejectedAddress> rejected;  // of the organisations in view
};

// county = "" for all; otherwise only organisations of that county.
Dashboard build_dashboard(storage::Store& store, const CampaignContext& ctx, const std::string& county, Lang lang);

// One row per organisation: org_code, name, county_code, county, size_group, mandatory, status,
// updated_at, submitted_at, respondents.
std::string status_csv(const Dashboard& d);

}  // namespace dp::collection
