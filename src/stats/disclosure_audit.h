#pragma once
// The disclosure audit of a revision across all its figures (docs/statistics.md, "The audit"): for
// every withheld figure, the interval of values it can take given everything else published (the
// other figures with their counts, bases n and rounding, the registry's group sizes, who
// responded, earlier published revisions of the same campaign), found by linear programming
// (GLPK). A figure whose interval is narrower than the profile's protection is disclosed.
// Pure: values in, values out.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "stats/compute.h"
#include "stats/suppression.h"

namespace dp::stats {

// A figure that an earlier revision of the same campaign published.
struct EarlierFigure {
  int revision = 0;
  size_t cell = 0;   // index into Results::cells
  size_t group = 0;  // flat group index
  FigureValue figure;
};

struct Disclosure {
  size_t cell = 0;           // index into Results::cells
  size_t group = 0;          // flat group index
  double low = 0, high = 0;  // what an attacker can tell of its count (or of its sum)
  double truth = 0;
  std::vector<std::string> by;    // the published figures (and facts) that disclose it
  std::vector<size_t> by_groups;  // their flat groups
};

struct AuditReport {
  size_t withheld = 0;     // withheld figures audited
  size_t unaudited = 0;    // withheld figures of statistics the audit does not model (median, min, max, pooled, ratios)
  size_t programs = 0;     // linear programs solved
  size_t split_units = 0;  // linked units too large for one program, audited cell by cell
  std::vector<std::string> split_names;  // per such unit: its key figures ("K12", "K48, K50")
  std::vector<Disclosure> disclosed;
  bool passed() const { return disclosed.empty(); }
};

// Cells the audit (and the planner) treat together: what one of them publishes constrains the
// others. Count units link share and count cells that read a common item (over any base);
// numeric units hold the sum and mean cells of one item over one base.
struct AuditUnit {
  std::vector<size_t> cells;
  bool numeric = false;
};

class DisclosureAuditor {
 public:
  // A linked unit whose program would have more columns than `max_columns` (organisation classes
  // × atoms) is split (see AuditReport::split_units): about 12 000 columns keep one program's
  // solution under a tenth of a second on one core.
  static constexpr size_t kMaxColumns = 12000;
  DisclosureAuditor(const Results& results, const Dataset& dataset, const DisclosureProfile& profile,
                    std::vector<EarlierFigure> earlier = {}, size_t max_columns = kMaxColumns);
  ~DisclosureAuditor();
  DisclosureAuditor(const DisclosureAuditor&) = delete;
  DisclosureAuditor& operator=(const DisclosureAuditor&) = delete;

  const std::vector<AuditUnit>& units() const;
  // Audits one unit against the results' current figures (the planner changes them in between).
  std::vector<Disclosure> audit(size_t unit, AuditReport* tally = nullptr);
  AuditReport audit_all();

  // "K02:ifo.ks county 22"
  std::string figure_name(size_t cell, size_t group) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct PlanReport {
  size_t added = 0;   // figures withheld by the planner beyond the certificate-based suppression
  size_t groups = 0;  // groups withheld by the planner (one group of one unit withholds several cells)
  AuditReport audit;  // the final audit: passed() unless nothing but withholding everything helps
};

// Secondary suppression planned across linked figures: withholds further groups of each unit
// until the audit finds nothing disclosed. Deterministic. Where a unit has at most
// kExactCandidates groups that could be withheld, the smallest set is found by trying every set in
// order of size; beyond, groups are added greedily (the smallest group among the figures that
// disclose a cell, the smallest of its breakdown otherwise).
inline constexpr size_t kExactCandidates = 12;
PlanReport plan_secondary(Results& results, const Dataset& dataset, const DisclosureProfile& profile,
                          const std::vector<EarlierFigure>& earlier = {});

}  // namespace dp::stats
