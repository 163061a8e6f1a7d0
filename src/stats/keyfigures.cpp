#include "stats/keyfigures.h"

#include <algorithm>

namespace dp::stats {

namespace {
const std::pair<Stat, const char*> kStats[] = {
    {Stat::Share, "share"},
    {Stat::Count, "count"},
    {Stat::Sum, "sum"},
    {Stat::Mean, "mean"},
    {Stat::Median, "median"},
    {Stat::Min, "min"},
    {Stat::Max, "max"},
    {Stat::PooledShare, "pooled_share"},
    {Stat::MeanOfRatios, "mean_of_ratios"},
    {Stat::MinOfRatios, "min_of_ratios"},
    {Stat::MaxOfRatios, "max_of_ratios"},
};

void collect_items(const instrument::Expr& e, std::vector<std::string>& out) {
  if (e.op == instrument::Expr::Op::Ref) {
    if (e.ref.rfind("org.", 0) != 0 && std::find(out.begin(), out.end(), e.ref) == out.end()) out.push_back(e.ref);
    return;
  }
  for (const auto& a : e.args)
    if (a) collect_items(*a, out);
}
}  // namespace

const char* stat_name(Stat s) {
  for (auto& [st, name] : kStats)
    if (st == s) return name;
  return "?";
}

std::optional<Stat> parse_stat(std::string_view s) {
  for (auto& [st, name] : kStats)
    if (s == name) return st;
  return std::nullopt;
}

bool is_numeric_stat(Stat s) {
  return s == Stat::Sum || s == Stat::Mean || s == Stat::Median || s == Stat::Min || s == Stat::Max;
}
bool is_term_stat(Stat s) {
  return s == Stat::PooledShare || s == Stat::MeanOfRatios || s == Stat::MinOfRatios || s == Stat::MaxOfRatios;
}

const char* base_kind_name(BaseKind k) {
  switch (k) {
    case BaseKind::Respondents: return "respondents";
    case BaseKind::Answered: return "answered";
    case BaseKind::Scope: return "scope";
  }
  return "?";
}

std::vector<std::string> Cell::items() const {
  std::vector<std::string> out;
  if (count.expr) collect_items(*count.expr, out);
  if (base.where.expr) collect_items(*base.where.expr, out);
  if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
  for (const auto& t : terms) {
    if (t.count.expr) collect_items(*t.count.expr, out);
    if (t.base.expr) collect_items(*t.base.expr, out);
  }
  return out;
}

const Cell* KeyFigure::cell(std::string_view cid) const {
  for (const auto& c : cells)
    if (c.id == cid) return &c;
  return nullptr;
}

const KeyFigure* KeyFigureSet::find(std::string_view kid) const {
  for (const auto& k : keyfigures)
    if (k.id == kid) return &k;
  return nullptr;
}

}  // namespace dp::stats
