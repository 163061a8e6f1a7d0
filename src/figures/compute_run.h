#pragma once
// `digipuls stats compute`: computes every key figure of a campaign for every breakdown, applies
// the disclosure profile and stores the figures as a new revision (docs/statistics.md,
// "Revisions"). Re-running on unchanged input stores nothing; a recomputation after a correction
// stores the next revision, and when the latest revision is published it must carry a note
// saying what changed: a published figure is never silently replaced.
#include <optional>
#include <string>
#include <vector>

#include "figures/campaign_data.h"
#include "figures/declarations.h"
#include "stats/compute.h"
#include "stats/disclosure_audit.h"
#include "stats/suppression.h"
#include "storage/stats_store.h"

namespace dp::figures {

// A campaign computed in memory (not stored).
struct Computed {
  CampaignData data;
  Declarations declarations;
  stats::Results results;
  stats::DisclosureProfile profile;
  stats::SuppressionReport suppression;
  stats::PlanReport plan;  // the secondary suppression planned across linked figures, and its audit
  std::string input_hash;
};

// The disclosure profile `profile_id`; "": the campaign's setting "disclosure_profile", else the
// profiles' default. Throws dp::Error (BadInput) for an unknown one.
stats::DisclosureProfile campaign_profile(const CampaignData& data, const Declarations& decl,
                                          const std::string& profile_id);

// The digest of what a computation's figures depend on (answers, organisation facts, key figures,
// profile): a stored revision with this input hash was computed from exactly these answers.
std::string input_hash(const CampaignData& data, const Declarations& decl, const stats::DisclosureProfile& profile);

// `profile_id` "": the campaign's setting "disclosure_profile", else the profiles' default.
// `plan`: run the planned secondary suppression and its audit (docs/statistics.md); false gives the
// certificate-based suppression alone (the audit of a stored revision replaces the figures anyway).
Computed compute_in_memory(storage::Store& store, const std::string& campaign, const std::string& profile_id,
                           const Progress& progress = {}, bool plan = true);

// The stored revision a report or a verification shows: `revision` (> 0) itself, refused if it was
// computed under another profile than `profile` (when given); else the latest revision computed
// under `profile` (when given), else the latest. None: nothing stored (compute now).
std::optional<storage::StatRun> choose_run(storage::Store& store, const storage::Campaign& campaign, int revision,
                                           const std::string& profile);

// Whether a disclosure profile publishes single organisations' own values, and so their answers
// (the municipality pages): it adds one group per organisation and sets no minimum n above one.
bool publishes_organisation_answers(const stats::DisclosureProfile& profile);

// Every computed figure with its coordinates: what a revision stores.
std::vector<Figure> keyed_figures(const stats::Results& results, int year);

struct ComputeRequest {
  std::string campaign;
  std::string profile;
  std::string note;
  Progress progress;
};

struct ComputeOutcome {
  storage::StatRun run;
  bool stored = false;  // false: the input is unchanged since run.revision
  size_t respondents = 0;
  size_t approached = 0;
  stats::SuppressionReport suppression;
  stats::PlanReport plan;
};

ComputeOutcome compute_campaign(storage::Store& store, const ComputeRequest& request);

}  // namespace dp::figures
