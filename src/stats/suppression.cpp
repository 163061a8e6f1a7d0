#include "stats/suppression.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>

#include "core/yaml_reader.h"
#include "stats/predicate.h"

namespace dp::stats {

const DisclosureProfile* ProfileSet::find(std::string_view id) const {
  for (const auto& p : profiles)
    if (p.id == id) return &p;
  return nullptr;
}

bool is_public_knowledge(const Cell& c) {
  return (c.stat == Stat::Share || c.stat == Stat::Count) && c.items().empty();
}

bool base_is_public(const Cell& c) {
  if (c.base.kind == BaseKind::Answered) return false;
  if (!c.base.where.expr) return true;
  Cell probe;
  probe.base.where = c.base.where;
  return probe.items().empty();
}

namespace {

using enum DiagnosticCode;

void read_profiles(yaml::Reader& r, const YAML::Node& root, ProfileSet& out) {
  r.check_keys(root, {"format", "default", "profiles"}, "the profile file");
  if (auto f = r.str(root, "format", true, "the profile file"); f && *f != "digipuls-disclosure/1")
    r.error(KeyFiguresUnknownFormat, r.pos(r.child(root, "format")), "format",
            fmt::format("unknown format '{}' (expected digipuls-disclosure/1)", *f));
  if (auto s = r.str(root, "default", true, "the profile file")) out.default_id = *s;
  YAML::Node ps = r.child(root, "profiles");
  if (!ps.IsSequence())
    r.error(KeyFiguresMissingKey, r.pos(root), "profiles", "the profile file needs a list of 'profiles'");
  else
    for (const auto& pn : ps) {
      r.check_keys(pn,
                   {"id", "label", "min_n", "complementary", "breakdowns", "organisations", "protection_width",
                    "protection_percent", "note"},
                   "a profile");
      DisclosureProfile p;
      if (auto id = r.str(pn, "id", true, "a profile")) p.id = *id;
      p.label = r.label(pn, "label", true, "a profile");
      p.min_n = r.integer(pn, "min_n", true, "a profile").value_or(0);
      if (p.min_n < 0) r.error(KeyFiguresWrongType, r.pos(pn), "min_n", "min_n must be 0 (off) or more");
      p.complementary = r.boolean(pn, "complementary").value_or(true);
      p.breakdowns = r.strings(pn, "breakdowns");
      p.organisations = r.boolean(pn, "organisations").value_or(false);
      if (p.organisations && p.min_n > 1)
        r.error(KeyFiguresWrongType, r.pos(r.child(pn, "organisations")), "organisations",
                fmt::format(
                    "organisations: true publishes groups of one organisation, which min_n {} would always withhold",
                    p.min_n));
      p.protection_width = (int)r.integer(pn, "protection_width", false, "a profile").value_or(1);
      if (p.protection_width < 1)
        r.error(KeyFiguresWrongType, r.pos(r.child(pn, "protection_width")), "protection_width",
                "protection_width must be 1 or more (a withheld count must keep at least two possible values)");
      if (auto pct = r.integer(pn, "protection_percent", false, "a profile")) {
        p.protection_percent = (double)*pct;
        if (*pct < 0 || *pct > 100)
          r.error(KeyFiguresWrongType, r.pos(r.child(pn, "protection_percent")), "protection_percent",
                  "protection_percent must be between 0 and 100");
      }
      p.note = r.label(pn, "note", false, "a profile");
      if (out.find(p.id))
        r.error(KeyFiguresDuplicateId, r.pos(pn), p.id, fmt::format("profile '{}' is declared twice", p.id));
      out.profiles.push_back(p);
    }
  if (!out.default_id.empty() && !out.find(out.default_id))
    r.error(KeyFiguresUnknownReference, r.pos(root), out.default_id,
            fmt::format("the default profile '{}' is not declared", out.default_id));
}

}  // namespace

ProfileSet parse_profiles(std::string_view text, const std::string& file) {
  Diagnostics d;
  yaml::Reader r(file, kKeyFigureCodes, d);
  ProfileSet out;
  if (auto root = r.load(text)) r.guard([&] { read_profiles(r, *root, out); });
  throw_if_errors(d, "invalid disclosure profiles:", file);
  return out;
}

namespace {

// Cells whose figures count the same organisations, so they are suppressed together.
struct Unit {
  std::vector<CellResult*> cells;
  const OrgSet* orgs = nullptr;
  std::string base_key;
};

constexpr int kWithheld = -2;

class Suppressor {
 public:
  Suppressor(Results& r, const Dataset& ds, const DisclosureProfile& p) : r_(r), ds_(ds), p_(p), pc_(ds) {
    for (size_t b = 0; b < r_.breakdowns.size(); ++b)
      if (r_.breakdowns[b].id == "national") national_ = (int)r_.offsets[b];
    // Each organisation's group in every breakdown (-1: in no group of it).
    member_.assign(ds.size(), std::vector<int>(r_.breakdowns.size(), -1));
    for (size_t b = 0; b < r_.breakdowns.size(); ++b)
      for (size_t g = 0; g < r_.breakdowns[b].sets.size(); ++g)
        r_.breakdowns[b].sets[g].for_each([&](size_t i) { member_[i][b] = (int)(r_.offsets[b] + g); });
  }

  SuppressionReport run() {
    // Units: cells that must share a pattern. Within a base, cells reading the same item are
    // linked (the options of an item add up to n; a combined category is a sum of options), so
    // they form one unit; numeric statistics of an item form their own. Pooled and ratio cells
    // summarise many items: they take every pattern of their base at once (deferred).
    std::map<std::string, std::string> parent;
    std::function<std::string(const std::string&)> root = [&](const std::string& x) {
      auto it = parent.find(x);
      if (it == parent.end() || it->second == x) return x;
      return it->second = root(it->second);
    };
    auto unite = [&](const std::string& a, const std::string& b) {
      parent.emplace(a, a);
      parent.emplace(b, b);
      std::string ra = root(a), rb = root(b);
      if (ra != rb) parent[ra] = rb;
    };
    auto node_of = [](const CellResult& c) -> std::vector<std::string> {
      std::vector<std::string> nodes;
      if (is_numeric_stat(c.cell->stat)) return {c.base_key + "|value " + c.cell->value};
      for (const auto& item : c.cell->items()) nodes.push_back(c.base_key + "|" + item);
      if (nodes.empty()) nodes.push_back(c.base_key + "|");
      return nodes;
    };
    std::vector<CellResult*> deferred;
    for (auto& c : r_.cells) {
      if (c.base_key.empty() || is_public_knowledge(*c.cell)) continue;
      if (is_term_stat(c.cell->stat)) {
        deferred.push_back(&c);
        continue;
      }
      auto nodes = node_of(c);
      for (const auto& nd : nodes) unite(nodes.front(), nd);
    }
    std::map<std::string, Unit> units;
    for (auto& c : r_.cells) {
      if (c.base_key.empty() || is_term_stat(c.cell->stat) || is_public_knowledge(*c.cell)) continue;
      Unit& u = units[root(node_of(c).front())];
      u.cells.push_back(&c);
      u.base_key = c.base_key;
      auto b = r_.bases.find(c.base_key);
      if (b != r_.bases.end()) u.orgs = &b->second;
    }
    std::map<std::string, std::vector<char>> by_base;  // union of the patterns of a base
    for (auto& [key, u] : units) {
      auto sup = unit(u);
      auto& acc = by_base[u.base_key];
      if (acc.empty()) acc.assign(sup.size(), 0);
      for (size_t g = 0; g < sup.size(); ++g) acc[g] = acc[g] || sup[g];
    }
    for (auto* c : deferred) {
      std::vector<char> sup(r_.group_count(), 0);
      auto it = by_base.find(c->base_key);
      if (it != by_base.end()) sup = it->second;
      for (size_t g = 0; g < sup.size(); ++g)
        if (int64_t n = c->figures[g].n.value_or(0); n > 0 && n < p_.min_n) sup[g] = 1;
      apply(*c, sup);
    }
    return rep_;
  }

 private:
  Results& r_;
  const Dataset& ds_;
  const DisclosureProfile& p_;
  PredicateCompiler pc_;
  int national_ = -1;
  std::vector<std::vector<int>> member_;
  SuppressionReport rep_;

  // A cell's value for one organisation, as far as disclosure goes: whether it counts (shares,
  // counts) or its number (numeric statistics). Cells of other statistics follow the pattern.
  bool protectable(const CellResult& c) const {
    return c.cell->stat == Stat::Share || c.cell->stat == Stat::Count || is_numeric_stat(c.cell->stat);
  }
  std::vector<double> values(const CellResult& c, const OrgSet& base) {
    std::vector<double> x(ds_.size(), NAN);
    if (is_numeric_stat(c.cell->stat)) {
      const ItemColumn* col = ds_.item(c.cell->value);
      if (col) base.for_each([&](size_t i) { x[i] = col->numbers[i]; });
    } else {
      const OrgSet& p = pc_.eval(c.cell->count);
      base.for_each([&](size_t i) { x[i] = p.test(i) ? 1 : 0; });
    }
    return x;
  }

  void apply(CellResult& c, const std::vector<char>& sup) {
    for (size_t g = 0; g < sup.size(); ++g)
      if (sup[g] && c.figures[g].n.value_or(0) > 0 && !hides_value(c.figures[g].marker)) {
        FigureValue& f = c.figures[g];
        f.marker = Marker::Suppressed;
        f.value.reset();
        f.count.reset();
        ++rep_.cells;
      }
  }

  // The unit's pattern: which groups are withheld.
  std::vector<char> unit(Unit& u) {
    size_t G = r_.group_count();
    std::vector<int64_t> n(G);
    for (size_t g = 0; g < G; ++g) n[g] = u.cells.front()->figures[g].n.value_or(0);
    std::vector<char> sup(G, 0);
    size_t primary = 0;
    for (size_t g = 0; g < G; ++g)
      if (n[g] > 0 && n[g] < p_.min_n) {
        sup[g] = 1;
        ++primary;
      }
    if (!primary) return sup;
    rep_.primary += primary;
    if (national_ >= 0 && sup[(size_t)national_]) {
      // Too few organisations in total: nothing of this unit can be published.
      std::fill(sup.begin(), sup.end(), 1);
    } else if (p_.complementary && u.orgs) {
      complement(u, n, sup);
    }
    for (size_t g = 0; g < G; ++g)
      if (sup[g] && n[g] > 0 && !(n[g] < p_.min_n)) ++rep_.secondary;
    for (auto* c : u.cells) apply(*c, sup);
    return sup;
  }

  // Adds the smallest published group of breakdown b; false if none is left.
  bool widen(size_t b, const std::vector<int64_t>& n, std::vector<char>& sup) {
    size_t lo = r_.offsets[b], hi = lo + r_.breakdowns[b].groups.size();
    int best = -1;
    for (size_t g = lo; g < hi; ++g)
      if (!sup[g] && n[g] > 0 && (best < 0 || n[g] < n[(size_t)best])) best = (int)g;
    if (best < 0) return false;
    sup[(size_t)best] = 1;
    return true;
  }

  size_t breakdown_of(size_t flat) const {
    size_t b = 0;
    while (b + 1 < r_.offsets.size() && r_.offsets[b + 1] <= flat) ++b;
    return b;
  }

  // What a published group in an organisation's signature looks like; withheld groups (and no
  // group) all look alike, because swapping two organisations between them changes nothing seen.
  int seen(int g, const std::vector<char>& sup) const { return g < 0 || sup[(size_t)g] ? kWithheld : g; }

  void complement(const Unit& u, const std::vector<int64_t>& n, std::vector<char>& sup) {
    std::vector<std::pair<const CellResult*, std::vector<double>>> xs;
    for (const auto* c : u.cells) {
      if (!protectable(*c) || national_ < 0) continue;
      const FigureValue& nat = c->figures[(size_t)national_];
      // Everything is known from the national figure when nobody, or everybody, counts.
      if (!is_numeric_stat(c->cell->stat) && (nat.count.value_or(0) == 0 || nat.count == nat.n)) continue;
      xs.emplace_back(c, values(*c, *u.orgs));
    }
    std::vector<size_t> members;
    u.orgs->for_each([&](size_t i) { members.push_back(i); });
    for (int guard = 0; guard < 100000; ++guard) {
      bool changed = false;
      // One withheld group of a breakdown is the total minus the others.
      for (size_t b = 0; b < r_.breakdowns.size() && !changed; ++b) {
        if ((int)r_.offsets[b] == national_) continue;
        size_t lo = r_.offsets[b], hi = lo + r_.breakdowns[b].groups.size(), count = 0;
        for (size_t g = lo; g < hi; ++g) count += sup[g] && n[g] > 0;
        if (count == 1) changed = widen(b, n, sup) || suppress_all(sup);
      }
      if (!changed) changed = certify(members, xs, n, sup);
      if (!changed) return;
    }
  }

  bool suppress_all(std::vector<char>& sup) {
    bool any = false;
    for (size_t g = 0; g < sup.size(); ++g)
      if ((int)g != national_) {
        any = any || !sup[g];
        sup[g] = 1;
      }
    return any;
  }

  // Finds, for every withheld group and cell, answers that can be exchanged unseen while changing
  // that group's figure. Two certificates (docs/statistics.md, "Disclosure control"):
  //  - a pair: i in g and j in another withheld group of the same breakdown, answering
  //    differently, alike in every other breakdown (the same published group, or both withheld);
  //  - a 4-cycle: as a pair but unalike elsewhere; then k (alike i, answering as j) and l (alike j,
  //    answering as i) in one and the same group c of g's breakdown exchange too, which cancels
  //    every published change (c gains and loses one) while g still changes by one.
  // Where a withheld figure has neither, withholds the cheapest set of groups that creates a pair.
  bool certify(const std::vector<size_t>& members,
               const std::vector<std::pair<const CellResult*, std::vector<double>>>& xs, const std::vector<int64_t>& n,
               std::vector<char>& sup) {
    for (size_t g = 0; g < sup.size(); ++g) {
      if (!sup[g] || n[g] <= 0 || (int)g == national_) continue;
      size_t b = breakdown_of(g);
      for (const auto& [c, x] : xs)
        if (!certified(g, b, members, x, sup)) return widen_for(g, b, members, x, n, sup);
    }
    return false;
  }

  // Is there a pair or 4-cycle certificate for group g of breakdown b and one cell's values?
  bool certified(size_t g, size_t b, const std::vector<size_t>& members, const std::vector<double>& x,
                 const std::vector<char>& sup) {
    size_t B = r_.breakdowns.size();
    std::map<std::vector<int>, int> look_id;
    std::map<std::pair<int, double>, char> inside, other;
    std::map<std::pair<int, double>, std::set<int>> where;
    for (size_t i : members) {
      if (std::isnan(x[i])) continue;
      std::vector<int> sig(B);
      for (size_t k = 0; k < B; ++k) sig[k] = k == b ? 0 : seen(member_[i][k], sup);
      int look = look_id.emplace(sig, (int)look_id.size()).first->second;
      int gb = member_[i][b];
      std::pair<int, double> cls{look, x[i]};
      if (gb == (int)g) inside[cls] = 1;
      else if (gb >= 0 && sup[(size_t)gb]) other[cls] = 1;
      if (gb >= 0) where[cls].insert(gb);
    }
    for (const auto& [ci, _] : inside)
      for (const auto& [cj, __] : other) {
        if (ci.second == cj.second) continue;
        if (ci.first == cj.first) return true;
        auto wk = where.find({ci.first, cj.second});  // k: looks like i, answers like j
        auto wl = where.find({cj.first, ci.second});  // l: looks like j, answers like i
        if (wk == where.end() || wl == where.end()) continue;
        for (int grp : wk->second)
          if (wl->second.count(grp)) return true;
      }
    return false;
  }

  // Withholds what gives group g a certificate: first the smallest group of g's own breakdown
  // that does, else the cheapest set of groups that makes a direct pair.
  bool widen_for(size_t g, size_t b, const std::vector<size_t>& members, const std::vector<double>& x,
                 const std::vector<int64_t>& n, std::vector<char>& sup) {
    std::vector<size_t> candidates;
    for (size_t h = r_.offsets[b]; h < r_.offsets[b] + r_.breakdowns[b].groups.size(); ++h)
      if (!sup[h] && n[h] > 0) candidates.push_back(h);
    std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t c) { return n[a] < n[c]; });
    for (size_t h : candidates) {
      sup[h] = 1;
      if (certified(g, b, members, x, sup)) return true;
      sup[h] = 0;
    }
    size_t B = r_.breakdowns.size();
    int64_t best_cost = -1;
    std::vector<size_t> best_groups;
    std::vector<size_t> inside;
    for (size_t i : members)
      if (member_[i][b] == (int)g && !std::isnan(x[i])) inside.push_back(i);
    for (size_t i : inside)
      for (size_t j : members) {
        if (member_[j][b] == (int)g || std::isnan(x[j]) || x[j] == x[i]) continue;
        std::vector<size_t> need;
        int64_t cost = 0;
        for (size_t k = 0; k < B; ++k) {
          int gi = member_[i][k], gj = member_[j][k];
          if (gi == gj) continue;
          for (int h : {gi, gj})
            if (h >= 0 && !sup[(size_t)h] && std::find(need.begin(), need.end(), (size_t)h) == need.end()) {
              need.push_back((size_t)h);
              // Withholding in g's own breakdown keeps the others whole: prefer it by far.
              cost += n[(size_t)h] * (k == b ? 1 : 1000);
            }
        }
        if (need.empty()) continue;
        if (best_cost < 0 || cost < best_cost) {
          best_cost = cost;
          best_groups = need;
        }
      }
    if (best_cost < 0) return suppress_all(sup);
    for (size_t h : best_groups) sup[h] = 1;
    return true;
  }
};

}  // namespace

SuppressionReport suppress(Results& results, const Dataset& dataset, const DisclosureProfile& profile) {
  if (profile.min_n <= 0) return {};
  return Suppressor(results, dataset, profile).run();
}

}  // namespace dp::stats
