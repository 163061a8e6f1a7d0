#include "stats/suppression.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "stats/disclosure_audit.h"
#include "stats/yaml_reader.h"

namespace dp::stats {

const DisclosureProfile* ProfileSet::find(std::string_view id) const {
  for (const auto& p : profiles)
    if (p.id == id) return &p;
  return nullptr;
}

ProfileSet parse_profiles(std::string_view text, const std::string& file) {
  Diagnostics d;
  yaml::Reader r(file, "S", d);
  ProfileSet out;
  if (auto root = r.load(text)) {
    r.check_keys(*root, {"format", "default", "profiles"}, "the profile file");
    if (auto f = r.str(*root, "format", true, "the profile file"); f && *f != "digipuls-disclosure/1")
      r.error(16, r.pos(r.child(*root, "format")), "format", fmt::format("unknown format '{}' (expected digipuls-disclosure/1)", *f));
    if (auto s = r.str(*root, "default", true, "the profile file")) out.default_id = *s;
    YAML::Node ps = r.child(*root, "profiles");
    if (!ps.IsSequence()) r.error(3, r.pos(*root), "profiles", "the profile file needs a list of 'profiles'");
    else
      for (const auto& pn : ps) {
        r.check_keys(pn, {"id", "label", "min_n", "complementary", "note"}, "a profile");
        DisclosureProfile p;
        if (auto id = r.str(pn, "id", true, "a profile")) p.id = *id;
        p.label = r.label(pn, "label", true, "a profile");
        p.min_n = r.integer(pn, "min_n", true, "a profile").value_or(0);
        if (p.min_n < 0) r.error(4, r.pos(pn), "min_n", "min_n must be 0 (off) or more");
        p.complementary = r.boolean(pn, "complementary").value_or(true);
        p.note = r.label(pn, "note", false, "a profile");
        if (out.find(p.id)) r.error(6, r.pos(pn), p.id, fmt::format("profile '{}' is declared twice", p.id));
        out.profiles.push_back(p);
      }
    if (!out.default_id.empty() && !out.find(out.default_id))
      r.error(8, r.pos(*root), out.default_id, fmt::format("the default profile '{}' is not declared", out.default_id));
  }
  if (has_errors(d)) {
    std::string msg = "invalid disclosure profiles:";
    for (const auto& x : d) msg += "\n  " + x.str();
    throw Error::bad_input(msg, Location{file, 0, 0, {}});
  }
  return out;
}

namespace {

// Cells whose figures count the same organisations, so they are suppressed together.
struct Unit {
  std::vector<CellResult*> cells;
  const OrgSet* orgs = nullptr;
  bool pooled = false;
};

class Suppressor {
 public:
  Suppressor(Results& r, const DisclosureProfile& p) : r_(r), p_(p) {
    for (size_t b = 0; b < r_.breakdowns.size(); ++b)
      if (r_.breakdowns[b].id == "national") national_ = (int)r_.offsets[b];
  }

  SuppressionReport run() {
    std::map<std::string, Unit> units;
    for (auto& c : r_.cells) {
      if (c.base_key.empty()) continue;
      std::string key = c.base_key;
      bool pooled = c.cell->stat == Stat::PooledShare;
      if (is_numeric_stat(c.cell->stat)) key += "|value " + c.cell->value;
      if (pooled) key += "|pooled " + c.keyfigure->id + ":" + c.cell->id;
      Unit& u = units[key];
      u.cells.push_back(&c);
      u.pooled = pooled;
      auto b = r_.bases.find(c.base_key);
      if (b != r_.bases.end()) u.orgs = &b->second;
    }
    for (auto& [key, u] : units) unit(u);
    return rep_;
  }

 private:
  Results& r_;
  const DisclosureProfile& p_;
  int national_ = -1;
  SuppressionReport rep_;

  std::vector<int64_t> group_n(const Unit& u) const {
    size_t G = r_.group_count();
    std::vector<int64_t> n(G);
    if (u.pooled && u.orgs) {
      size_t g = 0;
      for (const auto& b : r_.breakdowns)
        for (const auto& s : b.sets) n[g++] = (int64_t)u.orgs->count_and(s);
      return n;
    }
    for (size_t g = 0; g < G; ++g) n[g] = u.cells.front()->figures[g].n;
    return n;
  }

  // The figure an attacker adds up for a cell: its count, or its value for numeric statistics.
  static double amount(const CellResult& c, size_t g) {
    const Figure& f = c.figures[g];
    if (is_numeric_stat(c.cell->stat)) return std::isnan(f.value) ? 0 : f.value;
    return (double)f.count;
  }

  void unit(Unit& u) {
    size_t G = r_.group_count();
    std::vector<int64_t> n = group_n(u);
    std::vector<char> sup(G, 0);
    size_t primary = 0;
    for (size_t g = 0; g < G; ++g)
      if (n[g] > 0 && n[g] < p_.min_n) {
        sup[g] = 1;
        ++primary;
      }
    if (!primary) return;
    rep_.primary += primary;
    if (national_ >= 0 && sup[(size_t)national_]) {
      // Too few organisations in total: nothing of this unit can be published.
      std::fill(sup.begin(), sup.end(), 1);
    } else if (p_.complementary) {
      complement(u, n, sup);
    }
    size_t secondary = 0;
    for (size_t g = 0; g < G; ++g)
      if (sup[g] && !(n[g] > 0 && n[g] < p_.min_n)) ++secondary;
    rep_.secondary += secondary;
    for (auto* c : u.cells)
      for (size_t g = 0; g < G; ++g)
        if (sup[g] && n[g] > 0 && !hides_value(c->figures[g].marker)) {
          Figure& f = c->figures[g];
          f.marker = Marker::Suppressed;
          f.value = NAN;
          f.count = 0;
          ++rep_.cells;
        }
  }

  // Adds the smallest published group of breakdown b to the suppressed ones; false if none is left.
  bool widen(size_t b, const std::vector<int64_t>& n, std::vector<char>& sup) {
    size_t lo = r_.offsets[b], hi = lo + r_.breakdowns[b].groups.size();
    int best = -1;
    for (size_t g = lo; g < hi; ++g)
      if (!sup[g] && n[g] > 0 && (best < 0 || n[g] < n[(size_t)best])) best = (int)g;
    if (best < 0) return false;
    sup[(size_t)best] = 1;
    return true;
  }

  void complement(const Unit& u, const std::vector<int64_t>& n, std::vector<char>& sup) {
    for (int guard = 0; guard < 10000; ++guard) {
      bool changed = false;
      for (size_t b = 0; b < r_.breakdowns.size() && !changed; ++b) {
        if ((int)r_.offsets[b] == national_) continue;
        size_t lo = r_.offsets[b], hi = lo + r_.breakdowns[b].groups.size();
        std::vector<size_t> s;
        for (size_t g = lo; g < hi; ++g)
          if (sup[g] && n[g] > 0) s.push_back(g);
        if (s.empty()) continue;
        // One withheld group is the total minus the others.
        if (s.size() == 1) {
          changed = widen(b, n, sup) || suppress_all(sup);
          continue;
        }
        // Withheld groups whose total is nobody (or everybody) are each known to be zero (or full).
        int64_t nsum = 0;
        for (size_t g : s) nsum += n[g];
        for (const auto* c : u.cells) {
          if (national_ >= 0) {
            double t = amount(*c, (size_t)national_);
            if (t == 0 || (!is_numeric_stat(c->cell->stat) && t == (double)n[(size_t)national_])) continue;
          }
          double total = 0;
          for (size_t g : s) total += amount(*c, g);
          bool counted = c->cell->stat == Stat::Share || c->cell->stat == Stat::Count;
          if (total == 0 || (counted && total == (double)nsum)) {
            changed = widen(b, n, sup) || suppress_all(sup);
            break;
          }
        }
      }
      if (!changed) changed = audit(u, n, sup);
      if (!changed) return;
    }
  }

  bool suppress_all(std::vector<char>& sup) {
    bool any = false;
    for (auto& s : sup) {
      any = any || !s;
      s = 1;
    }
    return any;
  }

  // Exact recovery across breakdowns (disclosure_audit.h); widens the breakdown of the first
  // recoverable group.
  bool audit(const Unit& u, const std::vector<int64_t>& n, std::vector<char>& sup) {
    if (!u.orgs) return false;
    // Atoms: organisations of the unit that share every group.
    std::map<std::vector<int>, size_t> atom_of;
    std::vector<std::vector<int>> keys;
    size_t B = r_.breakdowns.size();
    u.orgs->for_each([&](size_t i) {
      std::vector<int> key(B, -1);
      for (size_t b = 0; b < B; ++b)
        for (size_t g = 0; g < r_.breakdowns[b].sets.size(); ++g)
          if (r_.breakdowns[b].sets[g].test(i)) {
            key[b] = (int)g;
            break;
          }
      if (atom_of.emplace(key, keys.size()).second) keys.push_back(key);
    });
    size_t A = keys.size();
    auto indicator = [&](size_t b, size_t g) {
      std::vector<char> v(A, 0);
      for (size_t a = 0; a < A; ++a) v[a] = keys[a][b] == (int)g;
      return v;
    };
    LinearAudit la(A);
    for (size_t b = 0; b < B; ++b)
      for (size_t g = 0; g < r_.breakdowns[b].groups.size(); ++g) {
        size_t flat = r_.offsets[b] + g;
        if (!sup[flat] && n[flat] > 0) la.publish(indicator(b, g));
      }
    for (size_t b = 0; b < B; ++b)
      for (size_t g = 0; g < r_.breakdowns[b].groups.size(); ++g) {
        size_t flat = r_.offsets[b] + g;
        if (sup[flat] && n[flat] > 0 && la.determined(indicator(b, g))) return widen(b, n, sup) || suppress_all(sup);
      }
    return false;
  }
};

}  // namespace

SuppressionReport suppress(Results& results, const DisclosureProfile& profile) {
  if (profile.min_n <= 0) return {};
  return Suppressor(results, profile).run();
}

}  // namespace dp::stats
