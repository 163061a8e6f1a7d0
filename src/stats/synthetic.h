#pragma once
// Synthetic, plausible answers for a campaign (docs/statistics.md, "Synthetic data"): the demo's
// data and the benchmark's. Pure: organisations and instrument in, a Dataset out.
//
// Every organisation gets a latent "digital maturity" (a normal draw plus a size effect: larger
// municipalities answer more positively, as the report observes), every coded item is drawn from
// its published national distribution (the key-figure cells that count one option, with their
// 2021 values from data/history) tilted by that latent, numbers scale with population. Questions
// are generated in the instrument's evaluation order, and an item is answered only where the
// instrument would show it: its section, question and row eligibility and show-if conditions are
// evaluated for all organisations at once on the answers generated so far (the same semantics as
// instrument::Visibility; tests check every response with instrument::check_answers).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "instrument/value.h"
#include "stats/dataset.h"
#include "stats/history.h"
#include "stats/keyfigures.h"

namespace dp::stats {

// item key -> option id -> probability that a respondent shown the item chooses it.
using Marginals = std::map<std::string, std::map<std::string, double>>;

// The published national share of every key-figure cell that counts exactly one option of one
// item (Tabell 1, 3, 5, 6, 10–13 ...), for `year` or the latest year before it.
Marginals marginals_from_history(const KeyFigureSet& set, const std::vector<Figure>& history, int year);

struct SyntheticOptions {
  uint64_t seed = 1;
  double response_rate_mandatory = 266.0 / 268.0;  // 2021: organisations that requisitioned funds
  double response_rate_voluntary = 19.0 / 22.0;    // 2021: the others
  std::string mandatory_attribute = "stimulus_requisitioned";
  double maturity_drift = 0;  // added to every latent: later years answer a little more positively
  bool free_text = true;
};

Dataset generate_dataset(const instrument::Instrument& in, const std::vector<OrgRecord>& orgs,
                         const Marginals& marginals, const SyntheticOptions& opts);

// `real` extended with synthetic municipalities up to `n` (or its first n): counties, sizes, SKR
// groups and attributes drawn from the real ones, codes "S0000001"... so that a benchmark can run
// 10 000 or 100 000 organisations.
std::vector<OrgRecord> synthetic_orgs(const std::vector<OrgRecord>& real, size_t n, uint64_t seed);

// One organisation's answers in the instrument's form (for storage and check_answers).
instrument::Answers answers_of(const Dataset& ds, const instrument::Instrument& in, size_t org);

}  // namespace dp::stats
