#include "stats/panel.h"

#include "stats/predicate.h"

namespace dp::stats {

namespace {

// The base and numerator sets of a counting cell in one dataset (as compute.cpp forms them).
std::pair<OrgSet, OrgSet> sets(const Cell& c, const Dataset& ds, PredicateCompiler& pc) {
  OrgSet base = c.base.kind == BaseKind::Scope ? pc.all() : ds.responded;
  if (c.base.kind == BaseKind::Answered) {
    Cell probe;
    probe.count = c.count;
    for (const auto& i : probe.items()) base &= pc.answered(i);
  }
  if (c.base.where.expr) base &= pc.eval(c.base.where);
  OrgSet num = base & pc.eval(c.count);
  return {base, num};
}

bool asked(const Cell& c, const Dataset& ds) {
  if (!c.asked || !c.applicable || c.external) return false;
  for (const auto& i : c.items())
    if (!ds.instrument_items.count(i)) return false;
  return true;
}

}  // namespace

std::vector<PanelFigure> panel(const KeyFigureSet& set, const Dataset& before, const Dataset& now,
                               const std::string& keyfigure) {
  PredicateCompiler pb(before), pn(now);
  // Organisation i of `now` is organisation map[i] of `before` (-1: not there).
  std::vector<int> map(now.size());
  for (size_t i = 0; i < now.size(); ++i) map[i] = before.org_index(now.org_codes[i]);
  std::vector<PanelFigure> out;
  for (const auto& kf : set.keyfigures) {
    if (!keyfigure.empty() && kf.id != keyfigure) continue;
    for (const auto& c : kf.cells) {
      if (c.stat != Stat::Share && c.stat != Stat::Count) continue;
      PanelFigure f;
      f.keyfigure = kf.id;
      f.cell = c.id;
      if (!asked(c, before) || !asked(c, now)) {
        f.comparable = false;
        out.push_back(f);
        continue;
      }
      auto [bb, bn] = sets(c, before, pb);
      auto [nb, nn] = sets(c, now, pn);
      for (size_t i = 0; i < now.size(); ++i) {
        if (!nb.test(i)) continue;
        int j = map[i];
        bool returning = j >= 0 && before.responded.test((size_t)j);
        (returning ? f.n_returning : f.n_new)++;
        if (nn.test(i)) (returning ? f.count_returning : f.count_new)++;
        if (j < 0 || !bb.test((size_t)j)) continue;
        ++f.panel_n;
        f.count_now += nn.test(i);
        f.count_before += bn.test((size_t)j);
      }
      if (f.panel_n) {
        f.share_before = 100.0 * (double)f.count_before / (double)f.panel_n;
        f.share_now = 100.0 * (double)f.count_now / (double)f.panel_n;
        f.change = f.share_now - f.share_before;
      }
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace dp::stats
