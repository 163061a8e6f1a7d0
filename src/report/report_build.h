#pragma once
// Assembles every table of a campaign's report: the campaign year's figures from a stored
// revision (pinned: a report says which revision it shows) or, when nothing is stored, computed
// now; earlier and later years from the stored series (other campaigns' revisions, else the
// imported history). Also fills the quality declaration (Bilaga 3) from the run.
#include <string>
#include <vector>

#include "figures/compute_run.h"
#include "stats/table_build.h"

namespace dp::report {

struct QualityText {
  int level = 2;
  std::string heading;
  std::string text;
};

struct ReportTables {
  figures::Computed computed;             // the campaign, its declarations and an in-memory computation
  std::vector<stats::BuiltTable> tables;  // in declaration order
  std::string source_sv, source_en;       // "revision 3, 2021-05-02" or "beräknat nu, inte sparat"
  int revision = 0;                       // 0: not stored
  std::vector<QualityText> quality_sv, quality_en;

  const stats::ReportSpec& spec() const { return *computed.declarations.report; }
};

// Which stored figures of other years a report may show: every stored revision (the analyst's
// command line), or only what was published as of a moment (the public site, which must never
// show an unpublished figure through a report).
struct OtherYears {
  bool published_only = false;
  std::string as_of;  // UTC; "" = now (with published_only)
};

// revision: 0 = the latest stored revision (computed now when there is none), N = that revision.
// profile: "" = as stored (else the campaign's setting); a profile id = the latest revision
// computed under it, else computed now under it (never silently another profile). Throws
// dp::Error (NotFound) when the revision does not exist or the family has no report file,
// (BadInput) when the profile is unknown or the revision was computed under another one.
ReportTables build_report(storage::Store& store, const std::string& campaign, int revision,
                          const std::string& profile = "", const figures::Progress& progress = {},
                          const OtherYears& other_years = {});

}  // namespace dp::report
