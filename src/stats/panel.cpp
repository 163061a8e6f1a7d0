#include "stats/panel.h"

#include <algorithm>
#include <fmt/format.h>

#include "stats/breakdown.h"
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

// A group of organisations that the published figures single out: fewer than the minimum, but
// not none.
bool small(int64_t n, int min_n) { return n > 0 && n < min_n; }

// The disclosure rule of panel figures (docs/statistics.md, "Panel figures and disclosure").
// `rest_now` / `rest_before`: the organisations of the group's own base that year outside the
// panel (the year's figure minus the panel figure is a figure over them).
void withhold(PanelFigure& f, int64_t rest_now, int64_t rest_before, bool own_now_withheld, bool own_before_withheld,
              int min_n) {
  auto why = [&](const std::string& r) {
    if (!f.withheld) f.reason = r;
    f.withheld = true;
  };
  if (own_now_withheld || own_before_withheld)
    why(fmt::format("the group's own figure of {} is withheld", own_now_withheld ? "this year" : "the year before"));
  else if (small(f.panel_n, min_n)) why(fmt::format("panel n {} is below {}", f.panel_n, min_n));
  else if (small(rest_now, min_n))
    why(fmt::format("this year's figure minus the panel would show {} organisation(s)", rest_now));
  else if (small(rest_before, min_n))
    why(fmt::format("last year's figure minus the panel would show {} organisation(s)", rest_before));
  f.split_withheld = own_now_withheld || small(f.n_returning, min_n) || small(f.n_new, min_n);
}

// Total minus the others: in a breakdown other than the nation, one withheld group among
// published ones follows from the national panel figure. The smallest published one goes too.
void complement(std::vector<PanelFigure*>& groups, bool PanelFigure::*flag) {
  // The organisations the flagged figure is over: the panel, or returning and new together.
  auto size = [&](const PanelFigure* f) {
    return flag == &PanelFigure::withheld ? f->panel_n : f->n_returning + f->n_new;
  };
  size_t withheld = 0;
  PanelFigure* smallest = nullptr;
  for (auto* f : groups) {
    if (f->*flag) {
      ++withheld;
      continue;
    }
    if (size(f) > 0 && (!smallest || size(f) < size(smallest))) smallest = f;
  }
  if (withheld != 1 || !smallest) return;
  smallest->*flag = true;
  if (flag == &PanelFigure::withheld)
    smallest->reason = "complementary: the only other withheld group follows from the total";
}

}  // namespace

std::vector<PanelFigure> panel(const KeyFigureSet& set, const Dataset& before, const Dataset& now,
                               const std::string& keyfigure, const PanelOptions& opts) {
  PredicateCompiler pb(before), pn(now);
  // Organisation i of `now` is organisation map[i] of `before` (-1: not there).
  std::vector<int> map(now.size());
  for (size_t i = 0; i < now.size(); ++i) map[i] = before.org_index(now.org_codes[i]);
  std::vector<Breakdown> now_groups, before_groups;
  for (const auto& b : opts.breakdowns) {
    now_groups.push_back(make_breakdown(now, b));
    before_groups.push_back(make_breakdown(before, b));
  }
  const int min_n = opts.profile ? opts.profile->min_n : 0;
  auto own_withheld = [&](const PanelFigure& f, int year) {
    return opts.figure_withheld && opts.figure_withheld(FigureKey{f.keyfigure, f.cell, f.breakdown, f.group, year});
  };

  std::vector<PanelFigure> out;
  for (const auto& kf : set.keyfigures) {
    if (!keyfigure.empty() && kf.id != keyfigure) continue;
    for (const auto& c : kf.cells) {
      if (c.stat != Stat::Share && c.stat != Stat::Count) continue;
      bool comparable = asked(c, before) && asked(c, now);
      OrgSet bb(before.size()), bn(before.size()), nb(now.size()), nn(now.size());
      if (comparable) {
        std::tie(bb, bn) = sets(c, before, pb);
        std::tie(nb, nn) = sets(c, now, pn);
      }
      for (size_t b = 0; b < now_groups.size(); ++b) {
        const Breakdown& bd = now_groups[b];
        std::vector<PanelFigure*> published_groups;
        size_t first = out.size();
        for (size_t g = 0; g < bd.groups.size(); ++g) {
          PanelFigure f;
          f.keyfigure = kf.id;
          f.cell = c.id;
          f.breakdown = bd.id;
          f.group = bd.groups[g].code;
          f.comparable = comparable;
          if (!comparable) {
            out.push_back(f);
            continue;
          }
          int bg = before_groups[b].group_index(f.group);
          const OrgSet* before_set = bg >= 0 ? &before_groups[b].sets[(size_t)bg] : nullptr;
          int64_t in_before_group = 0;  // panel members in this group by last year's registry too
          int64_t now_base = 0;
          bd.sets[g].for_each([&](size_t i) {
            if (!nb.test(i)) return;
            ++now_base;
            int j = map[i];
            bool returning = j >= 0 && before.responded.test((size_t)j);
            (returning ? f.n_returning : f.n_new)++;
            if (nn.test(i)) (returning ? f.count_returning : f.count_new)++;
            if (j < 0 || !bb.test((size_t)j)) return;
            ++f.panel_n;
            f.count_now += nn.test(i);
            f.count_before += bn.test((size_t)j);
            if (before_set && before_set->test((size_t)j)) ++in_before_group;
          });
          if (f.panel_n) {
            f.share_before = 100.0 * (double)f.count_before / (double)f.panel_n;
            f.share_now = 100.0 * (double)f.count_now / (double)f.panel_n;
            f.change = f.share_now - f.share_before;
          }
          if (opts.profile) {
            int64_t before_base = before_set ? (int64_t)bb.count_and(*before_set) : 0;
            withhold(f, now_base - f.panel_n, before_base - in_before_group, own_withheld(f, now.year),
                     own_withheld(f, before.year), min_n);
          }
          out.push_back(f);
        }
        if (opts.profile && min_n > 0 && bd.id != "national") {
          for (size_t k = first; k < out.size(); ++k) published_groups.push_back(&out[k]);
          complement(published_groups, &PanelFigure::withheld);
          complement(published_groups, &PanelFigure::split_withheld);
        }
      }
    }
  }
  return out;
}

}  // namespace dp::stats
