// Secondary suppression planned across linked figures (docs/statistics.md, "Planned secondary
// suppression"): the audit is the gate; groups of a unit are withheld until it passes.
#include <algorithm>
#include <map>

#include "stats/disclosure_audit.h"

namespace dp::stats {

namespace {

class Planner {
 public:
  Planner(Results& r, DisclosureAuditor& audit) : r_(r), audit_(audit) {
    for (size_t b = 0; b < r_.breakdowns.size(); ++b)
      if (r_.breakdowns[b].id == "national") national_ = (int)r_.offsets[b];
  }

  // Makes unit u pass the audit; returns the groups withheld.
  size_t plan(size_t u, PlanReport& rep) {
    auto found = audit_.audit(u);
    if (found.empty()) return 0;
    auto candidates = withholdable(u);
    if (candidates.size() <= kExactCandidates && exact(u, candidates, rep)) return 1;
    return greedy(u, std::move(found), rep);
  }

 private:
  Results& r_;
  DisclosureAuditor& audit_;
  int national_ = -1;

  const std::vector<size_t>& cells(size_t u) const { return audit_.units()[u].cells; }

  int64_t size_of(size_t u, size_t g) const {
    int64_t n = 0;
    for (size_t ci : cells(u)) n = std::max(n, r_.cells[ci].figures[g].n.value_or(0));
    return n;
  }
  bool published(size_t u, size_t g) const {
    for (size_t ci : cells(u)) {
      const FigureValue& f = r_.cells[ci].figures[g];
      if (f.n.value_or(0) > 0 && !hides_value(f.marker)) return true;
    }
    return false;
  }
  // Groups that could still be withheld, cheapest first: small groups before large ones, the
  // national total last (it is the figure most readers look for), then in table order.
  std::vector<size_t> withholdable(size_t u) const {
    std::vector<size_t> out;
    for (size_t g = 0; g < r_.group_count(); ++g)
      if (published(u, g)) out.push_back(g);
    std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) {
      bool na = (int)a == national_, nb = (int)b == national_;
      if (na != nb) return nb;
      return size_of(u, a) < size_of(u, b);
    });
    return out;
  }
  size_t withhold(size_t u, size_t g) {
    size_t n = 0;
    for (size_t ci : cells(u)) {
      FigureValue& f = r_.cells[ci].figures[g];
      if (f.n.value_or(0) <= 0 || hides_value(f.marker)) continue;
      f.marker = Marker::Suppressed;
      f.value.reset();
      f.count.reset();
      ++n;
    }
    return n;
  }
  size_t breakdown_of(size_t g) const {
    size_t b = 0;
    while (b + 1 < r_.offsets.size() && r_.offsets[b + 1] <= g) ++b;
    return b;
  }

  // Tries every set of candidates in order of size (and, within a size, in the candidates'
  // order): the first that passes is the smallest.
  bool exact(size_t u, const std::vector<size_t>& cand, PlanReport& rep) {
    std::vector<std::vector<FigureValue>> saved;
    for (size_t ci : cells(u)) saved.push_back(r_.cells[ci].figures);
    auto restore = [&] {
      for (size_t k = 0; k < cells(u).size(); ++k) r_.cells[cells(u)[k]].figures = saved[k];
    };
    size_t C = cand.size();
    for (size_t size = 1; size <= C; ++size) {
      std::vector<size_t> pick(size);
      for (size_t i = 0; i < size; ++i) pick[i] = i;
      while (true) {
        size_t cells_withheld = 0;
        for (size_t i : pick) cells_withheld += withhold(u, cand[i]);
        if (audit_.audit(u).empty()) {
          rep.added += cells_withheld;
          rep.groups += size;
          return true;
        }
        restore();
        // Next combination in lexicographic order.
        size_t i = size;
        while (i > 0 && pick[i - 1] == C - size + i - 1) --i;
        if (i == 0) break;
        ++pick[i - 1];
        for (size_t j = i; j < size; ++j) pick[j] = pick[j - 1] + 1;
      }
    }
    return false;
  }

  size_t greedy(size_t u, std::vector<Disclosure> found, PlanReport& rep) {
    size_t groups = 0;
    while (!found.empty()) {
      const Disclosure& d = found.front();
      int best = -1;
      auto consider = [&](size_t g) {
        if (!published(u, g)) return;
        bool better =
            best < 0 || ((int)g != national_ && (best == national_ || size_of(u, g) < size_of(u, (size_t)best)));
        if (better) best = (int)g;
      };
      for (size_t g : d.by_groups) consider(g);
      if (best < 0) {  // the figures of its own breakdown: withhold another of them
        size_t b = breakdown_of(d.group);
        for (size_t g = r_.offsets[b]; g < r_.offsets[b] + r_.breakdowns[b].groups.size(); ++g) consider(g);
      }
      if (best < 0)
        for (size_t g : withholdable(u)) consider(g);
      if (best < 0) break;  // nothing left to withhold
      rep.added += withhold(u, (size_t)best);
      ++groups;
      found = audit_.audit(u);
    }
    rep.groups += groups;
    return groups;
  }
};

}  // namespace

PlanReport plan_secondary(Results& results, const Dataset& dataset, const DisclosureProfile& profile,
                          const std::vector<EarlierFigure>& earlier) {
  PlanReport rep;
  DisclosureAuditor audit(results, dataset, profile, earlier);
  if (profile.min_n > 0) {
    Planner planner(results, audit);
    for (size_t u = 0; u < audit.units().size(); ++u) planner.plan(u, rep);
    // Pooled and ratio figures summarise their base's items: they take every group withheld in
    // any cell of their base, as the certificate-based suppression has them.
    std::map<std::string, std::vector<char>> by_base;
    for (const auto& c : results.cells) {
      if (c.base_key.empty() || is_term_stat(c.cell->stat)) continue;
      auto& acc = by_base[c.base_key];
      acc.resize(results.group_count(), 0);
      for (size_t g = 0; g < c.figures.size(); ++g)
        if (c.figures[g].marker == Marker::Suppressed) acc[g] = 1;
    }
    for (auto& c : results.cells) {
      if (!is_term_stat(c.cell->stat)) continue;
      auto it = by_base.find(c.base_key);
      if (it == by_base.end()) continue;
      for (size_t g = 0; g < c.figures.size(); ++g) {
        FigureValue& f = c.figures[g];
        if (!it->second[g] || f.n.value_or(0) <= 0 || hides_value(f.marker)) continue;
        f.marker = Marker::Suppressed;
        f.value.reset();
        f.count.reset();
        ++rep.added;
      }
    }
  }
  rep.audit = audit.audit_all();
  return rep;
}

}  // namespace dp::stats
