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

// When to publish: `at` "" = at once, else a UTC time ("YYYY-MM-DDTHH:MM:SSZ") after `now`
// ("" = the clock): the revision is scheduled and becomes public at that moment, not before.
// Publishing or scheduling a revision withdraws any other scheduled revision of the campaign (one
// announcement per campaign), but never a revision that is already public.
struct PublishWhen {
  std::string at;
  std::string now;
};

// Throws dp::Error (NotFound: no campaign or revision; Conflict: the campaign is not closed, the
// audit found disclosed figures, with the first of them in the message, or the revision is public
// already and cannot be moved ahead; BadInput: a time that is not after now).
PublishOutcome publish_revision(storage::Store& store, const std::string& campaign, int revision, int64_t by_user,
                                const PublishWhen& when = {});

// Withdraws the campaign's scheduled publication (nothing of it was public). Throws NotFound when
// none is scheduled. Returns the revision that was scheduled.
storage::StatRun cancel_scheduled(storage::Store& store, const std::string& campaign, int64_t by_user,
                                  const std::string& now = "");

}  // namespace dp::figures
