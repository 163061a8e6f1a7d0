#pragma once
// `digipuls stats verify` and `digipuls stats audit-published` (docs/statistics.md, "Checking
// against what was published"): a campaign's figures against the published history of the same
// year, and the published tables' own consistency.
#include <string>
#include <vector>

#include "figures/compute_run.h"
#include "stats/audit.h"
#include "storage/store.h"

namespace dp::figures {

struct Verification {
  std::string campaign;
  int year = 0;
  int revision = 0;  // 0: computed now, not stored
  std::string profile;
  bool synthetic = false;  // the answers were made by `digipuls generate`
  std::vector<stats::Comparison> comparisons;
  size_t differences() const;
  size_t flagged_differences() const;  // differences in cells the audit finds unreproducible
};

// revision 0: the latest stored revision (under `profile` when given), else computed now.
// Throws dp::Error as build_report does (unknown campaign, revision or profile).
Verification verify_campaign(storage::Store& store, const std::string& campaign, int revision,
                             const std::string& profile, const Progress& progress = {});

// The bundled history of every family, audited against its key figures.
std::vector<stats::AuditFinding> audit_bundled_history();

}  // namespace dp::figures
