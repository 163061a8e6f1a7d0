#include "stats/audit.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

#include "stats/rounding.h"

namespace dp::stats {

namespace {

int64_t scaled(double value, int decimals) { return std::llround(value * std::pow(10.0, decimals)); }

std::string printed(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

bool is_share(const Cell& c) { return c.stat == Stat::Share; }

struct Published {
  const Figure* fig;
  const Cell* cell;
};

// The figures a rule can read: published shares of organisations with a value and a base.
std::vector<Published> shares(const KeyFigureSet& set, const std::vector<Figure>& published) {
  std::vector<Published> out;
  for (const auto& f : published) {
    const KeyFigure* kf = set.find(f.key.keyfigure);
    const Cell* c = kf ? kf->cell(f.key.cell) : nullptr;
    if (!c || !is_share(*c) || !f.value || hides_value(f.marker)) continue;
    out.push_back({&f, c});
  }
  return out;
}

}  // namespace

std::optional<std::pair<int64_t, int64_t>> counts_giving(double value, int64_t n, int decimals) {
  if (n <= 0 || decimals < 0 || decimals > 6) return std::nullopt;
  int64_t target = scaled(value, decimals);
  std::optional<std::pair<int64_t, int64_t>> out;
  for (int64_t k = 0; k <= n; ++k) {
    int64_t s = round_share_scaled(k, n, decimals);
    if (s == target) {
      if (!out) out = std::pair{k, k};
      out->second = k;
    } else if (s > target) {
      break;  // shares grow with k
    }
  }
  return out;
}

std::vector<AuditFinding> audit_published(const KeyFigureSet& set, const std::vector<Figure>& published) {
  std::vector<AuditFinding> out;
  auto found = [&](const Figure& f, std::string rule, std::string message) {
    out.push_back({f.key, f.source, std::move(rule), std::move(message)});
  };
  auto all = shares(set, published);
  // The base of a share without a printed one: that of a cell of the same item and group.
  std::map<std::tuple<std::string, std::string, std::string, std::string, int>, int64_t> item_n;
  for (const auto& p : all)
    if (p.fig->n && !p.cell->exclusive_item.empty())
      item_n.emplace(std::tuple{p.fig->key.keyfigure, p.cell->exclusive_item, p.fig->key.breakdown, p.fig->key.group,
                                p.fig->key.year},
                     *p.fig->n);
  auto base_of = [&](const Published& p) -> std::optional<int64_t> {
    if (p.fig->n) return p.fig->n;
    if (p.cell->exclusive_item.empty()) return std::nullopt;
    auto it = item_n.find(
        {p.fig->key.keyfigure, p.cell->exclusive_item, p.fig->key.breakdown, p.fig->key.group, p.fig->key.year});
    if (it == item_n.end()) return std::nullopt;
    return it->second;
  };

  // 1. A share of n organisations is round(100·k/n) for some k; a printed count gives it.
  for (const auto& p : all) {
    auto n = base_of(p);
    if (!n || *n <= 0) continue;
    const Figure& f = *p.fig;
    if (!counts_giving(*f.value, *n, f.decimals))
      found(f, "share",
            fmt::format("{} %: no count of {} organisations gives it (round(100·k/{}) never equals {})",
                        printed(*f.value, f.decimals), *n, *n, printed(*f.value, f.decimals)));
    if (f.count && *f.count >= 0 && *f.count <= *n &&
        round_share_scaled(*f.count, *n, f.decimals) != scaled(*f.value, f.decimals))
      found(f, "count_share",
            fmt::format("{} of {} is {} %, not the printed {} %", *f.count, *n,
                        printed(round_share(*f.count, *n, f.decimals), f.decimals), printed(*f.value, f.decimals)));
  }

  // 2. The options of one single-choice item exclude each other: their counts add up to at most
  // the base, and to the base when every option is printed.
  struct Options {
    std::vector<const Published*> parts;
    int64_t n = 0;
    size_t offered = 0;
  };
  std::map<std::tuple<std::string, std::string, std::string, std::string, int>, Options> items;
  for (const auto& p : all) {
    if (p.cell->exclusive_item.empty() || p.cell->options.size() != 1) continue;
    auto n = base_of(p);
    if (!n) continue;
    auto& o =
        items[{p.fig->key.keyfigure, p.cell->exclusive_item, p.fig->key.breakdown, p.fig->key.group, p.fig->key.year}];
    o.parts.push_back(&p);
    o.n = *n;
    o.offered = p.cell->offered;
  }
  for (const auto& [k, o] : items) {
    int64_t lo = 0, hi = 0;
    bool ok = true;
    for (const auto* p : o.parts) {
      auto r = counts_giving(*p->fig->value, o.n, p->fig->decimals);
      if (!r) {
        ok = false;
        break;
      }
      lo += r->first;
      hi += r->second;
    }
    if (!ok) continue;  // already a finding of rule 1
    const Figure& first = *o.parts.front()->fig;
    if (lo > o.n)
      found(first, "options_exceed_base",
            fmt::format("the shares of the options of {} need at least {} answers together, more than the base {}",
                        std::get<1>(k), lo, o.n));
    else if (o.parts.size() == o.offered && hi < o.n)
      found(first, "options_short_of_base",
            fmt::format("every option of {} is printed, but their shares give at most {} of the {} answers",
                        std::get<1>(k), hi, o.n));
  }

  // 3. A combined category of exclusive options is the share of the sum of its parts' counts.
  for (const auto& p : all) {
    if (p.cell->exclusive_item.empty() || p.cell->options.size() < 2) continue;
    const FigureKey& key = p.fig->key;
    auto it = items.find({key.keyfigure, p.cell->exclusive_item, key.breakdown, key.group, key.year});
    if (it == items.end()) continue;
    const Options& o = it->second;
    int64_t lo = 0, hi = 0;
    size_t have = 0;
    for (const auto* part : o.parts) {
      if (std::find(p.cell->options.begin(), p.cell->options.end(), part->cell->options.front()) ==
          p.cell->options.end())
        continue;
      auto r = counts_giving(*part->fig->value, o.n, part->fig->decimals);
      if (!r) break;
      lo += r->first;
      hi += r->second;
      ++have;
    }
    if (have != p.cell->options.size()) continue;
    auto r = counts_giving(*p.fig->value, o.n, p.fig->decimals);
    if (r && (r->second < lo || r->first > hi))
      found(*p.fig, "combined",
            fmt::format("{} % is not the share of any sum of its parts' counts ({}–{} of {}, i.e. {}–{} %)",
                        printed(*p.fig->value, p.fig->decimals), lo, hi, o.n,
                        printed(round_share(lo, o.n, p.fig->decimals), p.fig->decimals),
                        printed(round_share(hi, o.n, p.fig->decimals), p.fig->decimals)));
  }

  // 4. A national share is a weighted mean of its size groups' shares: rounded, it lies between
  // the smallest and the largest rounded group share.
  std::map<std::tuple<std::string, std::string, int>, std::vector<const Published*>> by_cell;
  for (const auto& p : all)
    if (p.fig->key.breakdown == "national" || p.fig->key.breakdown == "size_group")
      by_cell[{p.fig->key.keyfigure, p.fig->key.cell, p.fig->key.year}].push_back(&p);
  for (const auto& [k, ps] : by_cell) {
    const Published* nat = nullptr;
    std::vector<double> groups;
    for (const auto* p : ps) {
      if (p->fig->key.breakdown == "national") nat = p;
      else groups.push_back(*p->fig->value);
    }
    if (!nat || groups.size() < 2) continue;
    auto [mn, mx] = std::minmax_element(groups.begin(), groups.end());
    double v = *nat->fig->value, eps = 1e-9;
    if (v < *mn - eps || v > *mx + eps)
      found(*nat->fig, "size_groups",
            fmt::format("the national {} % lies outside its size groups' {}–{} %", printed(v, nat->fig->decimals),
                        printed(*mn, nat->fig->decimals), printed(*mx, nat->fig->decimals)));
  }
  // 5. Declared identities: a total is the sum of its parts, at the total's printed precision.
  std::map<FigureKey, const Figure*> by_key;
  for (const auto& f : published)
    if (f.value && !hides_value(f.marker)) by_key[f.key] = &f;
  for (const auto& [key, f] : by_key) {
    const KeyFigure* kf = set.find(key.keyfigure);
    if (!kf) continue;
    for (const auto& id : kf->identities) {
      if (id.total != key.cell) continue;
      int64_t sum = 0;
      bool all = true;
      std::string names;
      for (const auto& part : id.parts) {
        FigureKey pk = key;
        pk.cell = part;
        auto it = by_key.find(pk);
        if (it == by_key.end()) {
          all = false;
          break;
        }
        sum += scaled(*it->second->value, f->decimals);
        names += (names.empty() ? "" : " + ") + part;
      }
      int64_t total = scaled(*f->value, f->decimals);
      if (all && sum != total) {
        double p = std::pow(10.0, f->decimals);
        found(*f, "identity",
              fmt::format("{} = {}, not the printed {} {} (a difference of {})", names, printed(sum / p, f->decimals),
                          key.cell, printed(*f->value, f->decimals),
                          printed(static_cast<double>(total - sum) / p, f->decimals)));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const AuditFinding& a, const AuditFinding& b) { return a.key < b.key; });
  return out;
}

std::vector<Comparison> compare_with_published(const KeyFigureSet& set, const std::vector<Figure>& published, int year,
                                               const ComputedLookup& computed) {
  std::set<FigureKey> flagged;
  for (const auto& f : audit_published(set, published)) flagged.insert(f.key);
  std::vector<Comparison> out;
  for (const auto& f : published) {
    if (f.key.year != year) continue;
    const KeyFigure* kf = set.find(f.key.keyfigure);
    const Cell* cell = kf ? kf->cell(f.key.cell) : nullptr;
    if (!cell) continue;
    auto c = computed(f.key);
    auto add = [&](std::string what, std::string pub, std::string comp, bool equal) {
      out.push_back(
          {f.key, std::move(what), std::move(pub), std::move(comp), f.source, equal, flagged.count(f.key) > 0});
    };
    if (f.value && !hides_value(f.marker)) {
      std::string pub = printed(*f.value, f.decimals);
      if (!c || !c->value || hides_value(c->marker)) {
        add("value", pub, c ? std::string(marker_name(c->marker)) : "", false);
      } else {
        bool share = (cell->stat == Stat::Share || cell->stat == Stat::PooledShare) && c->count && c->n && *c->n > 0;
        double v = share ? round_share(*c->count, *c->n, f.decimals) : round_half_up(*c->value, f.decimals);
        add("value", pub, printed(v, f.decimals), scaled(v, f.decimals) == scaled(*f.value, f.decimals));
      }
    } else if (f.marker != Marker::None) {
      std::string comp = c ? std::string(marker_name(c->marker)) : "";
      bool equal = c && (c->marker == f.marker || (f.marker == Marker::Nil && c->count && *c->count == 0));
      add("marker", marker_name(f.marker), comp, equal);
    }
    if (f.n && c && c->n) add("n", std::to_string(*f.n), std::to_string(*c->n), *f.n == *c->n);
    if (f.count && c && c->count)
      add("count", std::to_string(*f.count), std::to_string(*c->count), *f.count == *c->count);
  }
  return out;
}

}  // namespace dp::stats
