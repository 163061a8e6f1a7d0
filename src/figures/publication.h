#pragma once
// The one publish rule (docs/statistics.md, "Publishing"), the same for `digipuls stats publish`,
// `digipuls campaigns publish` and the admin's publish button: a revision is published only from a
// closed (or already published) campaign that has computed figures, and only if the disclosure
// audit of that revision passes; publishing a closed campaign's figures makes the campaign
// published. Also the audit of a stored revision (`digipuls stats disclosure-audit`).
#include <cstdint>
#include <string>
#include <vector>

#include "figures/compute_run.h"
#include "figures/earlier_figures.h"
#include "stats/disclosure_audit.h"
#include "storage/store.h"

namespace dp::figures {

struct RevisionAudit {
  storage::StatRun run;
  stats::AuditReport report;
  std::vector<std::string> lines;  // one per disclosed figure: the figure, its interval, what discloses it
};

// Audits a stored revision as it is stored. Its answers must be those it was computed from (the
// audit needs the microdata): throws dp::Error (Conflict) naming the revision otherwise.
RevisionAudit audit_revision(storage::Store& store, const std::string& campaign, int revision);

struct PublishOutcome {
  storage::StatRun run;
  stats::AuditReport audit;
  bool campaign_published = false;  // the campaign went from closed to published
};

// Throws dp::Error (NotFound: no campaign or revision; Conflict: the campaign is not closed, or the
// audit found disclosed figures, with the first of them in the message).
PublishOutcome publish_revision(storage::Store& store, const std::string& campaign, int revision, int64_t by_user);

}  // namespace dp::figures
