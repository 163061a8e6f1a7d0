#pragma once
// Synthetic self-assessments for the demo (docs/selfassessment.md, "Synthetic demo data"): so that
// the comparison groups, the national aggregates, the public pages and the year-to-year follow-up
// of action plans have something to show on a fresh demo database. Never for real data: every
// agreed rating and plan item carries kSyntheticMark in its comment.
//
// The model: every municipality has a latent maturity (a normal draw from the seed and its code,
// plus a size effect: larger municipalities are somewhat more mature, plus a small drift per year),
// every indicator a national offset (some are hard everywhere) and its kind (introduced is easier
// than used, used easier than effect). An indicator's rating is the scored scale option nearest to
// latent + offsets + noise; indicators of one target group are sometimes 'Ej relevant'. Everything
// is drawn from hashes of (seed, code, year, indicator), so a municipality's data do not depend on
// which others exist, and the same seed gives the same data.
#include <cstdint>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "registry/model.h"
#include "selfassess/scoring.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::selfassess {

// In the comment of every generated agreed rating and plan item: the assessment model has no
// title, and the comment is shown beside every rating and every item of the plan.
inline constexpr const char* kSyntheticMark = "Syntetisk demo";

struct SyntheticOptions {
  int year = 0;  // there must be a maturity instrument of exactly this year
  uint64_t seed = 1;
  double share = 0.6;                // each municipality is assessed with this probability (0..1)
  std::vector<std::string> include;  // always assessed, and published (the demo's own municipality)
  std::vector<std::string> exclude;  // never assessed (left free for a demo user to start)
};

// Which organisations get an assessment, by code. Each with probability `share`; then, when share
// is above 0, every county and size group below min_n is topped up (lowest draws first) so that
// the comparison groups reach the disclosure control's minimum n, and a group with fewer than
// min_n municipalities at all is left out (it would be withheld, and others with it by the
// complementary suppression). `include` is added last, `exclude` is never chosen. Pure.
std::vector<std::string> synthetic_sample(const std::vector<registry::Organisation>& orgs, const SyntheticOptions& o,
                                          int min_n);

// One organisation's agreed ratings on the instrument. Pure.
Ratings synthetic_ratings(const instrument::Instrument& in, const registry::Organisation& org, int year, uint64_t seed);

struct SyntheticOutcome {
  std::string instrument_id;
  int already = 0;  // synthetic assessments of the year found: nothing was written
  int created = 0;
  int published = 0;
  int skipped = 0;  // chosen organisations that already had an assessment of their own that year
};

// Writes completed synthetic assessments of the year (agreed ratings, the plan the tool proposes
// with owners' statuses partly done, publication for a subset), all in one transaction. Does
// nothing when the year already has synthetic assessments. Throws dp::Error (BadInput) for a year
// without a maturity instrument, a share outside 0..1 or an unknown code in include/exclude,
// before writing anything.
SyntheticOutcome generate_synthetic(storage::Store& store, const SyntheticOptions& o);

// Whether an assessment was written by generate_synthetic (its agreed ratings carry the mark).
bool is_synthetic(storage::Store& store, const storage::Assessment& a);

}  // namespace dp::selfassess
