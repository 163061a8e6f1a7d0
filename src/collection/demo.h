#pragma once
// The demo behind `make demo`: a demo administrator and a demo respondent (new random passwords
// on every run, printed with a warning), an open campaign ehalsa-2022 and, so that "last year's
// answer" has something to show, a submitted 2021 answer for the demo municipality when it has
// none. For trying Digipuls on a laptop, never for a real survey.
#include <string>

#include "instrument/value.h"
#include "storage/store.h"

namespace dp::collection {

struct DemoSetup {
  std::string admin_email, admin_password;
  std::string respondent_email, respondent_password;
  std::string org_code, org_name;
  std::string campaign_slug;
  bool seeded_previous = false;  // a 2021 answer was written for the demo municipality
};

DemoSetup setup_demo(storage::Store& store);

// Answers every item a municipality is shown, with valid values picked deterministically from the
// item key (the first plausible option, a small number): a complete, submittable response.
struct CampaignContext;
instrument::Answers demo_answers(const CampaignContext& ctx, const std::string& org_code);

}  // namespace dp::collection
