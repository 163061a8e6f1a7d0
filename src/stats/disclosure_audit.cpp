#include "stats/disclosure_audit.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <functional>
#include <glpk.h>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include "stats/predicate.h"
#include "stats/rounding.h"

namespace dp::stats {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTol = 1e-6;

bool withheld(const FigureValue& f) { return f.marker == Marker::Suppressed && f.n.value_or(0) > 0; }
bool shown(const FigureValue& f) { return !hides_value(f.marker); }

// The interval a published rounded value stands for.
std::pair<double, double> rounded_interval(double value, int decimals) {
  double r = round_half_up(value, decimals), h = 0.5 * std::pow(10.0, -decimals);
  return {r - h, r + h};
}

// One linear program over GLPK: rows and columns are added, then the objective is changed and the
// program re-solved from the previous basis (a warm start) for each withheld figure.
class Program {
 public:
  Program() : lp_(glp_create_prob()) {
    glp_init_smcp(&parm_);
    parm_.msg_lev = GLP_MSG_OFF;
  }
  ~Program() { glp_delete_prob(lp_); }
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  int add_col(double lo, double hi) {
    int j = glp_add_cols(lp_, 1);
    if (hi == kInf) glp_set_col_bnds(lp_, j, lo == -kInf ? GLP_FR : GLP_LO, lo, 0);
    else if (lo == hi) glp_set_col_bnds(lp_, j, GLP_FX, lo, lo);
    else glp_set_col_bnds(lp_, j, GLP_DB, lo, hi);
    return j;
  }
  // A row sum(cols) in [lo, hi]; `label` names it for the reasons ("" for registry facts), `group`
  // is the flat group of a published figure (-1 for registry facts).
  void add_row(const std::vector<int>& cols, double lo, double hi, std::string label, int group) {
    if (cols.empty()) return;
    int i = glp_add_rows(lp_, 1);
    if (hi - lo < 1e-12) glp_set_row_bnds(lp_, i, GLP_FX, lo, lo);
    else glp_set_row_bnds(lp_, i, GLP_DB, lo, hi);
    for (int c : cols) {
      ia_.push_back(i);
      ja_.push_back(c);
      ar_.push_back(1.0);
    }
    labels_.push_back(std::move(label));
    groups_.push_back(group);
  }
  void load() { glp_load_matrix(lp_, (int)ia_.size() - 1, ia_.data(), ja_.data(), ar_.data()); }

  struct Bound {
    double value = 0;
    std::vector<int> binding;  // rows (0-based) with a non-zero dual
  };
  // min or max of sum(cols); value ±inf when unbounded.
  Bound solve(const std::vector<int>& cols, bool maximise) {
    for (int c : set_) glp_set_obj_coef(lp_, c, 0);
    set_ = cols;
    for (int c : cols) glp_set_obj_coef(lp_, c, 1);
    glp_set_obj_dir(lp_, maximise ? GLP_MAX : GLP_MIN);
    Bound b;
    int ret = glp_simplex(lp_, &parm_);
    if (ret != 0) {  // a singular warm basis: start afresh
      glp_std_basis(lp_);
      ret = glp_simplex(lp_, &parm_);
    }
    int st = glp_get_status(lp_);
    if (ret != 0 || st == GLP_UNBND || st != GLP_OPT) {
      b.value = maximise ? kInf : -kInf;
      return b;
    }
    b.value = glp_get_obj_val(lp_);
    for (int i = 1, n = glp_get_num_rows(lp_); i <= n; ++i)
      if (std::abs(glp_get_row_dual(lp_, i)) > 1e-9) b.binding.push_back(i - 1);
    return b;
  }
  const std::string& label(int row) const { return labels_[(size_t)row]; }
  int group(int row) const { return groups_[(size_t)row]; }

 private:
  glp_prob* lp_;
  glp_smcp parm_;
  std::vector<int> ia_{0}, ja_{0};
  std::vector<double> ar_{0.0};
  std::vector<std::string> labels_;
  std::vector<int> groups_;
  std::vector<int> set_;
};

// Keys (items, or options of an item) linked into groups: union-find over strings.
class KeyLinks {
 public:
  // Puts every key of `keys` in one group.
  void link(const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
      parent_.emplace(k, k);
      std::string a = root(keys.front()), b = root(k);
      if (a != b) parent_[a] = b;
    }
  }
  std::string root(const std::string& x) {
    auto it = parent_.find(x);
    if (it == parent_.end() || it->second == x) return x;
    return it->second = root(it->second);
  }

 private:
  std::map<std::string, std::string> parent_;
};

// What one unit's figures are made of: per atom (organisations alike in every published
// breakdown), how many organisations of each answer class (the truth values of the unit's cells
// and bases). The attacker knows the atoms' sizes in every base; the classes' counts are unknown.
struct CountModel {
  std::vector<std::string> bases;
  std::vector<char> public_base;            // per base: its size per atom follows from public facts
  std::vector<size_t> cell_base;            // per unit cell: index into bases
  std::vector<std::vector<char>> classes;   // per class: bits, bases first, then cells
  std::vector<size_t> atoms;                // atoms with an organisation in any base
  std::vector<std::vector<int64_t>> truth;  // per present atom, per class
};

struct NumericModel {
  std::vector<size_t> atoms;
  std::vector<double> truth;  // sum per present atom
  std::vector<int64_t> n;     // answering organisations per present atom
  bool nonnegative = true;
};

}  // namespace

struct DisclosureAuditor::Impl {
  const Results& r;
  const Dataset& ds;
  const DisclosureProfile& p;
  std::vector<EarlierFigure> earlier;
  std::multimap<std::pair<size_t, size_t>, const EarlierFigure*> earlier_at;
  PredicateCompiler pc;
  std::vector<AuditUnit> units;
  std::vector<size_t> atom_of;                   // per organisation
  std::vector<std::vector<size_t>> atom_groups;  // per atom: its flat groups
  std::vector<std::vector<char>> in_group;       // per flat group: per atom
  std::map<size_t, CountModel> count_models;
  std::map<size_t, NumericModel> numeric_models;
  std::map<std::string, std::vector<size_t>> cells_of_base;
  int national = -1;
  size_t split_units = 0;
  std::vector<std::string> split_names;
  size_t max_columns;

  Impl(const Results& res, const Dataset& d, const DisclosureProfile& prof, std::vector<EarlierFigure> e,
       size_t max_cols)
      : r(res), ds(d), p(prof), earlier(std::move(e)), pc(d), max_columns(max_cols) {
    for (const auto& f : earlier) earlier_at.emplace(std::make_pair(f.cell, f.group), &f);
    for (size_t b = 0; b < r.breakdowns.size(); ++b)
      if (r.breakdowns[b].id == "national") national = (int)r.offsets[b];
    build_atoms();
    build_units();
  }

  void build_atoms() {
    size_t B = r.breakdowns.size(), G = r.group_count();
    std::vector<std::vector<int>> sig(ds.size(), std::vector<int>(B, -1));
    for (size_t b = 0; b < B; ++b)
      for (size_t g = 0; g < r.breakdowns[b].sets.size(); ++g)
        r.breakdowns[b].sets[g].for_each([&](size_t i) { sig[i][b] = (int)(r.offsets[b] + g); });
    std::map<std::vector<int>, size_t> ids;
    atom_of.resize(ds.size());
    for (size_t i = 0; i < ds.size(); ++i) {
      auto [it, fresh] = ids.emplace(sig[i], ids.size());
      atom_of[i] = it->second;
      if (fresh) {
        std::vector<size_t> gs;
        for (int g : sig[i])
          if (g >= 0) gs.push_back((size_t)g);
        atom_groups.push_back(gs);
      }
    }
    in_group.assign(G, std::vector<char>(atom_groups.size(), 0));
    for (size_t a = 0; a < atom_groups.size(); ++a)
      for (size_t g : atom_groups[a]) in_group[g][a] = 1;
  }

  void build_units() {
    // Count units: share and count cells linked by the items they read (union-find).
    KeyLinks links;
    std::vector<std::pair<size_t, std::string>> counted;
    std::map<std::string, AuditUnit> numeric;
    for (size_t ci = 0; ci < r.cells.size(); ++ci) {
      const CellResult& c = r.cells[ci];
      if (c.base_key.empty() || is_public_knowledge(*c.cell)) continue;
      if (c.cell->stat == Stat::Share || c.cell->stat == Stat::Count) {
        auto items = c.cell->items();
        links.link(items);
        counted.emplace_back(ci, items.front());
      } else if (c.cell->stat == Stat::Sum || c.cell->stat == Stat::Mean) {
        AuditUnit& u = numeric[c.base_key + "|" + c.cell->value];
        u.numeric = true;
        u.cells.push_back(ci);
      }
    }
    std::map<std::string, AuditUnit> by_root;
    for (const auto& [ci, item] : counted) by_root[links.root(item)].cells.push_back(ci);
    for (auto& [_, u] : by_root) add_count_unit(u, true);
    for (auto& [_, u] : numeric) units.push_back(std::move(u));
  }

  // A unit whose program would be too large to solve for every withheld figure in reasonable time
  // (many linked cells make almost every organisation a class of its own) is split into the parts
  // that stay linked when the options of a multiple choice are told apart (they are independent of
  // each other: `q28 has 'gps_larm'` says nothing about `q28 has 'annat'`); a part still too large
  // is audited cell by cell (docs/statistics.md, "Not audited").
  void add_count_unit(const AuditUnit& u, bool may_refine) {
    size_t at = units.size();
    units.push_back(u);
    if (u.cells.size() < 2) return;
    const CountModel& m = count_model(at);
    if (m.classes.size() * m.atoms.size() <= max_columns) return;
    count_models.erase(at);
    units.pop_back();
    auto parts = may_refine ? split_by_option(u) : std::vector<AuditUnit>{};
    if (parts.size() > 1) {
      for (const auto& part : parts) add_count_unit(part, false);
      return;
    }
    split_units += 1;
    std::vector<std::string> ids;
    for (size_t ci : u.cells)
      if (std::find(ids.begin(), ids.end(), r.cells[ci].keyfigure->id) == ids.end())
        ids.push_back(r.cells[ci].keyfigure->id);
    split_names.push_back(fmt::format("{} ({} figures)", fmt::join(ids, ", "), u.cells.size()));
    for (size_t ci : u.cells) units.push_back(AuditUnit{{ci}, false});
  }

  // The unit's cells linked by what they read, where `X has 'o'` on a multiple choice without an
  // exclusive option reads the option o of X only. An item read any other way (answered, in, ==,
  // count) by any cell of the unit links all its options. Given each atom's size in the base, the
  // counts of independent options can be any pair within it: what one part publishes tells nothing
  // about another's counts.
  // Only over public bases: their size in every atom is known, so the parts share no unknown. A
  // base that reads answers is an unknown the parts would each resolve their own way.
  std::vector<AuditUnit> split_by_option(const AuditUnit& u) const {
    using instrument::Expr;
    for (size_t ci : u.cells)
      if (!base_is_public(*r.cells[ci].cell)) return {};
    auto option_ref = [&](const Expr& e) -> const std::string* {
      if (e.op != Expr::Op::Has || e.args.size() != 2 || e.args[0]->op != Expr::Op::Ref) return nullptr;
      const auto* lit = std::get_if<std::string>(&e.args[1]->literal);
      const ItemColumn* col = ds.item(e.args[0]->ref);
      if (!lit || e.args[1]->op != Expr::Op::Literal || !col || !col->multi || col->exclusive_option) return nullptr;
      return lit;
    };
    std::set<std::string> whole;  // items some cell reads otherwise than by one option
    std::function<void(const Expr&)> find_whole = [&](const Expr& e) {
      if (option_ref(e)) return;
      if (e.op == Expr::Op::Ref) whole.insert(e.ref);
      for (const auto& a : e.args)
        if (a) find_whole(*a);
    };
    std::function<void(const Expr&, std::vector<std::string>&)> keys = [&](const Expr& e,
                                                                           std::vector<std::string>& out) {
      if (const std::string* o = option_ref(e); o && !whole.count(e.args[0]->ref)) {
        out.push_back(e.args[0]->ref + "#" + *o);
        return;
      }
      if (e.op == Expr::Op::Ref && e.ref.rfind("org.", 0) != 0) out.push_back(e.ref);
      for (const auto& a : e.args)
        if (a) keys(*a, out);
    };
    auto exprs = [&](const Cell& c) {
      std::vector<const Expr*> out;
      if (c.count.expr) out.push_back(c.count.expr.get());
      if (c.base.where.expr) out.push_back(c.base.where.expr.get());
      return out;
    };
    for (size_t ci : u.cells)
      for (const Expr* e : exprs(*r.cells[ci].cell)) find_whole(*e);
    KeyLinks links;
    std::vector<std::pair<size_t, std::string>> first_key;
    for (size_t ci : u.cells) {
      std::vector<std::string> ks;
      for (const Expr* e : exprs(*r.cells[ci].cell)) keys(*e, ks);
      if (ks.empty()) return {};
      links.link(ks);
      first_key.emplace_back(ci, ks.front());
    }
    std::map<std::string, AuditUnit> parts;
    for (const auto& [ci, k] : first_key) parts[links.root(k)].cells.push_back(ci);
    std::vector<AuditUnit> out;
    for (auto& [_, p] : parts) out.push_back(std::move(p));
    return out;
  }

  const CountModel& count_model(size_t u) {
    auto it = count_models.find(u);
    if (it != count_models.end()) return it->second;
    CountModel m;
    const auto& cells = units[u].cells;
    std::vector<const OrgSet*> base_sets;
    for (size_t ci : cells) {
      const auto& key = r.cells[ci].base_key;
      auto pos = std::find(m.bases.begin(), m.bases.end(), key);
      if (pos == m.bases.end()) {
        m.bases.push_back(key);
        m.public_base.push_back(base_is_public(*r.cells[ci].cell) ? 1 : 0);
        base_sets.push_back(&r.bases.at(key));
        pos = m.bases.end() - 1;
      }
      m.cell_base.push_back((size_t)(pos - m.bases.begin()));
    }
    std::vector<OrgSet> counts;
    for (size_t k = 0; k < cells.size(); ++k)
      counts.push_back(*base_sets[m.cell_base[k]] & pc.eval(r.cells[cells[k]].cell->count));
    // The organisations of the model: who responded and every base; each atom's number of them is
    // public (the registry, who responded, the approached scope).
    OrgSet all = ds.responded;
    for (const auto* b : base_sets) all |= *b;
    std::map<std::vector<char>, size_t> class_id;
    std::map<size_t, size_t> atom_index;
    all.for_each([&](size_t i) {
      std::vector<char> bits;
      bits.reserve(base_sets.size() + counts.size());
      for (const auto* b : base_sets) bits.push_back(b->test(i) ? 1 : 0);
      for (const auto& c : counts) bits.push_back(c.test(i) ? 1 : 0);
      auto [cit, fresh] = class_id.emplace(bits, m.classes.size());
      if (fresh) m.classes.push_back(bits);
      auto [ait, afresh] = atom_index.emplace(atom_of[i], m.atoms.size());
      if (afresh) {
        m.atoms.push_back(atom_of[i]);
        m.truth.emplace_back();
      }
      auto& t = m.truth[ait->second];
      if (t.size() < m.classes.size()) t.resize(m.classes.size(), 0);
      ++t[cit->second];
    });
    for (auto& t : m.truth) t.resize(m.classes.size(), 0);
    return count_models.emplace(u, std::move(m)).first->second;
  }

  const NumericModel& numeric_model(size_t u) {
    auto it = numeric_models.find(u);
    if (it != numeric_models.end()) return it->second;
    NumericModel m;
    const CellResult& c = r.cells[units[u].cells.front()];
    const ItemColumn* col = ds.item(c.cell->value);
    OrgSet v = r.bases.at(c.base_key) & pc.answered(c.cell->value);
    std::map<size_t, size_t> atom_index;
    v.for_each([&](size_t i) {
      double x = col ? col->numbers[i] : 0;
      if (x < 0) m.nonnegative = false;
      auto [ait, fresh] = atom_index.emplace(atom_of[i], m.atoms.size());
      if (fresh) {
        m.atoms.push_back(atom_of[i]);
        m.truth.push_back(0);
        m.n.push_back(0);
      }
      m.truth[ait->second] += x;
      ++m.n[ait->second];
    });
    return numeric_models.emplace(u, std::move(m)).first->second;
  }

  // Nothing to protect where the national figure says that nobody, or everybody, counts: every
  // group's figure follows from it (docs/statistics.md, "Disclosure control", exemptions).
  bool known_from_national(const CellResult& c) const {
    if (national < 0) return false;
    const FigureValue& f = c.figures[(size_t)national];
    return shown(f) && f.count && (*f.count == 0 || *f.count == f.n.value_or(-1));
  }

  std::string name(size_t ci, size_t g) const {
    const CellResult& c = r.cells[ci];
    size_t b = 0;
    while (b + 1 < r.offsets.size() && r.offsets[b + 1] <= g) ++b;
    return fmt::format("{}:{} {} {}", c.keyfigure->id, c.cell->id, r.breakdowns[b].id,
                       r.breakdowns[b].groups[g - r.offsets[b]].code);
  }

  // The n of a base that reads answers, where a figure over it is shown in group g (n is withheld
  // with a withheld figure): the first such cell and its n.
  std::optional<std::pair<size_t, int64_t>> published_n(const std::string& base_key, size_t g) {
    auto [it, fresh] = cells_of_base.try_emplace(base_key);
    if (fresh)
      for (size_t ci = 0; ci < r.cells.size(); ++ci)
        if (r.cells[ci].base_key == base_key) it->second.push_back(ci);
    for (size_t ci : it->second) {
      const FigureValue& f = r.cells[ci].figures[g];
      if (shown(f) && f.n) return std::make_pair(ci, *f.n);
    }
    return std::nullopt;
  }

  // A disclosure found by an earlier revision that published the same figure with the value it
  // has now.
  bool earlier_disclosure(size_t ci, size_t g, double truth, bool numeric, Disclosure& d) {
    auto [lo, hi] = earlier_at.equal_range({ci, g});
    for (auto it = lo; it != hi; ++it) {
      const FigureValue& f = it->second->figure;
      if (!shown(f)) continue;
      bool same = numeric ? (f.value && std::abs(*f.value - truth) < 1e-9 * std::max(1.0, std::abs(truth)))
                          : (f.count && (double)*f.count == truth);
      if (!same) continue;
      d.cell = ci;
      d.group = g;
      d.low = d.high = d.truth = truth;
      d.by.push_back(fmt::format("revision {} published {}", it->second->revision, name(ci, g)));
      return true;
    }
    return false;
  }

  // The binding rows of a bound are the figures that disclose: their duals are not zero.
  void add_reasons(Program& lp, const Program::Bound& b, Disclosure& d, std::set<std::string>& seen) {
    for (int row : b.binding) {
      std::string l = lp.label(row).empty() ? "the registry's group sizes and who is in each base" : lp.label(row);
      if (seen.insert(l).second) d.by.push_back(l);
      int g = lp.group(row);
      if (g >= 0 && std::find(d.by_groups.begin(), d.by_groups.end(), (size_t)g) == d.by_groups.end())
        d.by_groups.push_back((size_t)g);
    }
  }

  std::vector<Disclosure> audit_count(size_t u, AuditReport* tally) {
    const auto& cells = units[u].cells;
    std::vector<std::pair<size_t, size_t>> targets;  // (unit cell index, group)
    for (size_t k = 0; k < cells.size(); ++k) {
      if (known_from_national(r.cells[cells[k]])) continue;
      for (size_t g = 0; g < r.group_count(); ++g)
        if (withheld(r.cells[cells[k]].figures[g])) targets.emplace_back(k, g);
    }
    if (tally) tally->withheld += targets.size();
    if (targets.empty()) return {};
    const CountModel& m = count_model(u);
    size_t K = m.classes.size(), NB = m.bases.size();
    Program lp;
    std::vector<std::vector<int>> col(m.atoms.size(), std::vector<int>(K));
    for (size_t a = 0; a < m.atoms.size(); ++a) {
      int64_t total = 0;
      for (int64_t x : m.truth[a]) total += x;
      for (size_t k = 0; k < K; ++k) col[a][k] = lp.add_col(0, (double)total);
    }
    // Public facts: each atom's size, and in every public base (respondents, the approached
    // scope). A base that reads answers is known only through the n published beside its figures.
    for (size_t a = 0; a < m.atoms.size(); ++a) {
      int64_t total = 0;
      for (int64_t x : m.truth[a]) total += x;
      lp.add_row(col[a], (double)total, (double)total, "", -1);
      for (size_t b = 0; b < NB; ++b) {
        if (!m.public_base[b]) continue;
        std::vector<int> cs;
        int64_t n = 0;
        for (size_t k = 0; k < K; ++k)
          if (m.classes[k][b]) {
            cs.push_back(col[a][k]);
            n += m.truth[a][k];
          }
        lp.add_row(cs, (double)n, (double)n, "", -1);
      }
    }
    auto cols_of = [&](size_t k, size_t g) {
      std::vector<int> cs;
      for (size_t a = 0; a < m.atoms.size(); ++a)
        if (in_group[g][m.atoms[a]])
          for (size_t c = 0; c < K; ++c)
            if (m.classes[c][NB + k]) cs.push_back(col[a][c]);
      return cs;
    };
    auto truth_of = [&](size_t k, size_t g) {
      int64_t t = 0;
      for (size_t a = 0; a < m.atoms.size(); ++a)
        if (in_group[g][m.atoms[a]])
          for (size_t c = 0; c < K; ++c)
            if (m.classes[c][NB + k]) t += m.truth[a][c];
      return (double)t;
    };
    for (size_t b = 0; b < NB; ++b) {
      if (m.public_base[b]) continue;
      for (size_t g = 0; g < r.group_count(); ++g) {
        auto shown_n = published_n(m.bases[b], g);
        if (!shown_n) continue;
        std::vector<int> cs;
        for (size_t a = 0; a < m.atoms.size(); ++a)
          if (in_group[g][m.atoms[a]])
            for (size_t k = 0; k < K; ++k)
              if (m.classes[k][b]) cs.push_back(col[a][k]);
        lp.add_row(cs, (double)shown_n->second, (double)shown_n->second,
                   name(shown_n->first, g) + fmt::format(" (n {})", shown_n->second), (int)g);
      }
    }
    // Published figures: a count is exact; a share without its count stands for an interval.
    for (size_t k = 0; k < cells.size(); ++k) {
      const CellResult& c = r.cells[cells[k]];
      for (size_t g = 0; g < r.group_count(); ++g) {
        const FigureValue& f = c.figures[g];
        if (!shown(f) || f.n.value_or(0) <= 0) continue;
        if (f.count) {
          lp.add_row(cols_of(k, g), (double)*f.count, (double)*f.count,
                     name(cells[k], g) + fmt::format(" (count {})", *f.count), (int)g);
        } else if (f.value && c.cell->stat == Stat::Share) {
          auto [lo, hi] = rounded_interval(*f.value, f.decimals);
          double n = (double)*f.n;
          lp.add_row(cols_of(k, g), std::max(0.0, lo * n / 100), std::min(n, hi * n / 100), name(cells[k], g), (int)g);
        }
      }
    }
    lp.load();
    std::vector<Disclosure> out;
    for (auto [k, g] : targets) {
      Disclosure d;
      double truth = truth_of(k, g);
      if (earlier_disclosure(cells[k], g, truth, false, d)) {
        out.push_back(std::move(d));
        continue;
      }
      auto cs = cols_of(k, g);
      // A group of n organisations leaves at most n + 1 values: the rule asks for no more than that.
      int64_t need = std::min<int64_t>(std::max(1, p.protection_width), r.cells[cells[k]].figures[g].n.value_or(1));
      // The truth lies in the interval, so a maximum far enough above it protects the figure
      // without the minimum: most withheld figures are decided by one program.
      auto hi = lp.solve(cs, true);
      if (tally) tally->programs += 1;
      double h = std::floor(hi.value + kTol);
      if (h - truth >= (double)need) continue;
      auto lo = lp.solve(cs, false);
      if (tally) tally->programs += 1;
      double l = std::ceil(lo.value - kTol);
      if (h - l >= (double)need) continue;
      d.cell = cells[k];
      d.group = g;
      d.low = l;
      d.high = h;
      d.truth = truth;
      std::set<std::string> seen;
      add_reasons(lp, lo, d, seen);
      add_reasons(lp, hi, d, seen);
      out.push_back(std::move(d));
    }
    return out;
  }

  std::vector<Disclosure> audit_numeric(size_t u, AuditReport* tally) {
    const auto& cells = units[u].cells;
    std::vector<std::pair<size_t, size_t>> targets;
    for (size_t k = 0; k < cells.size(); ++k)
      for (size_t g = 0; g < r.group_count(); ++g)
        if (withheld(r.cells[cells[k]].figures[g])) targets.emplace_back(k, g);
    if (tally) tally->withheld += targets.size();
    if (targets.empty()) return {};
    const NumericModel& m = numeric_model(u);
    Program lp;
    std::vector<int> col;
    for (size_t a = 0; a < m.atoms.size(); ++a) col.push_back(lp.add_col(m.nonnegative ? 0 : -kInf, kInf));
    auto cols_of = [&](size_t g) {
      std::vector<int> cs;
      for (size_t a = 0; a < m.atoms.size(); ++a)
        if (in_group[g][m.atoms[a]]) cs.push_back(col[a]);
      return cs;
    };
    auto truth_of = [&](size_t g) {
      double t = 0;
      for (size_t a = 0; a < m.atoms.size(); ++a)
        if (in_group[g][m.atoms[a]]) t += m.truth[a];
      return t;
    };
    for (size_t k = 0; k < cells.size(); ++k) {
      const CellResult& c = r.cells[cells[k]];
      for (size_t g = 0; g < r.group_count(); ++g) {
        const FigureValue& f = c.figures[g];
        if (!shown(f) || !f.value || f.n.value_or(0) <= 0) continue;
        auto [lo, hi] = rounded_interval(*f.value, f.decimals);
        double scale = c.cell->stat == Stat::Mean ? (double)*f.n : 1.0;
        lp.add_row(cols_of(g), lo * scale, hi * scale, name(cells[k], g), (int)g);
      }
    }
    lp.load();
    std::vector<Disclosure> out;
    for (auto [k, g] : targets) {
      Disclosure d;
      double truth = truth_of(g);
      const CellResult& c = r.cells[cells[k]];
      double shown_truth = c.cell->stat == Stat::Mean ? truth / (double)*c.figures[g].n : truth;
      if (earlier_disclosure(cells[k], g, shown_truth, true, d)) {
        out.push_back(std::move(d));
        continue;
      }
      auto cs = cols_of(g);
      double need = std::max(p.protection_percent / 100.0 * std::abs(truth), 1e-9);
      auto hi = lp.solve(cs, true);
      if (tally) tally->programs += 1;
      if (hi.value - truth >= need) continue;
      auto lo = lp.solve(cs, false);
      if (tally) tally->programs += 1;
      if (hi.value - lo.value >= need) continue;
      d.cell = cells[k];
      d.group = g;
      d.low = lo.value;
      d.high = hi.value;
      d.truth = truth;
      std::set<std::string> seen;
      add_reasons(lp, lo, d, seen);
      add_reasons(lp, hi, d, seen);
      out.push_back(std::move(d));
    }
    return out;
  }
};

DisclosureAuditor::DisclosureAuditor(const Results& results, const Dataset& dataset, const DisclosureProfile& profile,
                                     std::vector<EarlierFigure> earlier, size_t max_columns)
    : impl_(std::make_unique<Impl>(results, dataset, profile, std::move(earlier), max_columns)) {}
DisclosureAuditor::~DisclosureAuditor() = default;

const std::vector<AuditUnit>& DisclosureAuditor::units() const { return impl_->units; }

std::vector<Disclosure> DisclosureAuditor::audit(size_t unit, AuditReport* tally) {
  return impl_->units[unit].numeric ? impl_->audit_numeric(unit, tally) : impl_->audit_count(unit, tally);
}

AuditReport DisclosureAuditor::audit_all() {
  AuditReport rep;
  rep.split_units = impl_->split_units;
  rep.split_names = impl_->split_names;
  std::vector<char> in_unit(impl_->r.cells.size(), 0);
  for (size_t u = 0; u < impl_->units.size(); ++u) {
    for (size_t ci : impl_->units[u].cells) in_unit[ci] = 1;
    for (auto& d : audit(u, &rep)) rep.disclosed.push_back(std::move(d));
  }
  for (size_t ci = 0; ci < impl_->r.cells.size(); ++ci)
    if (!in_unit[ci])
      for (const auto& f : impl_->r.cells[ci].figures) rep.unaudited += withheld(f);
  return rep;
}

std::string DisclosureAuditor::figure_name(size_t cell, size_t group) const { return impl_->name(cell, group); }

}  // namespace dp::stats
