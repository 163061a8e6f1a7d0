#include "stats/compute.h"

#include <algorithm>
#include <memory>

#include "stats/predicate.h"
#include "stats/rounding.h"

namespace dp::stats {

size_t Results::group_count() const {
  size_t n = 0;
  for (const auto& b : breakdowns) n += b.groups.size();
  return n;
}

const Breakdown* Results::breakdown(std::string_view id) const {
  for (const auto& b : breakdowns)
    if (b.id == id) return &b;
  return nullptr;
}

int Results::group_index(std::string_view bid, std::string_view group) const {
  for (size_t i = 0; i < breakdowns.size(); ++i)
    if (breakdowns[i].id == bid) {
      int g = breakdowns[i].group_index(std::string(group));
      return g < 0 ? -1 : (int)(offsets[i] + (size_t)g);
    }
  return -1;
}

const CellResult* Results::cell(std::string_view kf, std::string_view c) const {
  std::string key = std::string(kf) + ":" + std::string(c);
  auto it = cell_index_.find(key);
  return it == cell_index_.end() ? nullptr : &cells[it->second];
}

const FigureValue* Results::find(std::string_view kf, std::string_view c, std::string_view bid,
                                 std::string_view group) const {
  const CellResult* cr = cell(kf, c);
  int g = group_index(bid, group);
  if (!cr || g < 0) return nullptr;
  return &cr->figures[(size_t)g];
}

void derive_marker(FigureValue& f, Stat stat) {
  if (f.marker != Marker::None) return;
  int64_t n = f.n.value_or(0), count = f.count.value_or(0);
  if (stat == Stat::Share || stat == Stat::PooledShare) {
    if (n <= 0) {
      f.marker = Marker::NotAvailable;
      f.value.reset();
    } else if (count == 0) {
      f.marker = Marker::Nil;
    } else if (round_share_scaled(count, n, f.decimals) == 0) {
      f.marker = Marker::RoundsToZero;
    }
    return;
  }
  if (stat == Stat::Count) {
    if (count == 0) f.marker = Marker::Nil;
    return;
  }
  if (!f.value) {
    f.marker = Marker::NotAvailable;
    return;
  }
  if (*f.value == 0) f.marker = Marker::Nil;
  else if (round_half_up(*f.value, f.decimals) == 0) f.marker = Marker::RoundsToZero;
}

namespace {

struct BaseInfo {
  OrgSet set;
  std::vector<int64_t> n;  // per flat group
};

class Engine {
 public:
  Engine(const KeyFigureSet& set, const Dataset& ds, const ComputeOptions& opts)
      : set_(set), ds_(ds), opts_(opts), pc_(ds) {}

  Results run() {
    Results r;
    r.instrument_id = ds_.instrument_id;
    r.year = ds_.year;
    auto ids = opts_.breakdowns.empty() ? default_breakdowns(ds_) : opts_.breakdowns;
    if (opts_.organisations && std::find(ids.begin(), ids.end(), kOrganisationBreakdown) == ids.end())
      ids.push_back(kOrganisationBreakdown);
    for (const auto& id : ids) {
      r.offsets.push_back(groups_.size());
      r.breakdowns.push_back(make_breakdown(ds_, id));
      for (const auto& s : r.breakdowns.back().sets) groups_.push_back(&s);
    }
    size_t total = set_.keyfigures.size(), done = 0;
    for (const auto& kf : set_.keyfigures) {
      for (const auto& c : kf.cells) {
        r.cell_index_.emplace(kf.id + ":" + c.id, r.cells.size());
        r.cells.push_back(cell(kf, c));
      }
      if (opts_.progress) opts_.progress(++done, total);
    }
    for (auto& [key, info] : bases_) r.bases.emplace(key, std::move(info->set));
    return r;
  }

 private:
  const KeyFigureSet& set_;
  const Dataset& ds_;
  const ComputeOptions& opts_;
  PredicateCompiler pc_;
  std::vector<const OrgSet*> groups_;
  std::unordered_map<std::string, std::unique_ptr<BaseInfo>> bases_;
  std::vector<double> buffer_;  // numeric values of one group, reused

  size_t G() const { return groups_.size(); }

  bool asked(const Cell& c) const {
    if (!c.asked) return false;
    for (const auto& item : c.items())
      if (!ds_.instrument_items.count(item)) return false;
    return true;
  }

  // The items whose answers make an organisation part of an `answered` base.
  std::vector<std::string> answered_items(const Cell& c) const {
    if (!c.value.empty()) return {c.value};
    std::vector<std::string> out;
    Cell probe;
    probe.count = c.count;
    return probe.items();
  }

  const BaseInfo& base(const Cell& c, std::string* key_out) {
    std::string key = base_kind_name(c.base.kind);
    std::vector<std::string> items;
    if (c.base.kind == BaseKind::Answered) {
      items = answered_items(c);
      for (const auto& i : items) key += "|" + i;
    }
    if (c.base.where.expr) key += "|where " + c.base.where.source;
    *key_out = key;
    auto it = bases_.find(key);
    if (it != bases_.end()) return *it->second;
    auto b = std::make_unique<BaseInfo>();
    b->set = c.base.kind == BaseKind::Scope ? pc_.all() : ds_.responded;
    for (const auto& i : items) b->set &= pc_.answered(i);
    if (c.base.where.expr) b->set &= pc_.eval(c.base.where);
    b->n.resize(G());
    for (size_t g = 0; g < G(); ++g) b->n[g] = (int64_t)b->set.count_and(*groups_[g]);
    return *bases_.emplace(key, std::move(b)).first->second;
  }

  CellResult cell(const KeyFigure& kf, const Cell& c) {
    CellResult out;
    out.keyfigure = &kf;
    out.cell = &c;
    FigureValue blank;
    blank.decimals = c.decimals;
    out.figures.assign(G(), blank);
    auto mark_all = [&](Marker m) {
      for (auto& f : out.figures) f.marker = m;
    };
    if (!c.applicable) {
      mark_all(Marker::NotApplicable);
      return out;
    }
    if (!asked(c)) {
      mark_all(Marker::NotAsked);
      return out;
    }
    if (c.external) {
      mark_all(Marker::NotAvailable);
      return out;
    }
    const BaseInfo& b = base(c, &out.base_key);
    switch (c.stat) {
      case Stat::Share:
      case Stat::Count: {
        OrgSet p = b.set & pc_.eval(c.count);
        for (size_t g = 0; g < G(); ++g) {
          FigureValue& f = out.figures[g];
          int64_t n = b.n[g], count = (int64_t)p.count_and(*groups_[g]);
          f.n = n;
          f.count = count;
          if (c.stat == Stat::Count) f.value = (double)count;
          else if (n > 0) f.value = 100.0 * (double)count / (double)n;
        }
        break;
      }
      case Stat::Sum:
      case Stat::Mean:
      case Stat::Median:
      case Stat::Min:
      case Stat::Max: numeric(c, b, out); break;
      case Stat::PooledShare:
      case Stat::MeanOfRatios:
      case Stat::MinOfRatios:
      case Stat::MaxOfRatios: terms(c, b, out); break;
    }
    for (auto& f : out.figures) {
      derive_marker(f, c.stat);
      if (hides_value(f.marker)) {
        f.value.reset();
        f.count.reset();
      }
    }
    return out;
  }

  void numeric(const Cell& c, const BaseInfo& b, CellResult& out) {
    const ItemColumn* col = ds_.item(c.value);
    OrgSet v = b.set & pc_.answered(c.value);
    for (size_t g = 0; g < G(); ++g) {
      FigureValue& f = out.figures[g];
      buffer_.clear();
      OrgSet m = v & *groups_[g];
      m.for_each([&](size_t i) { buffer_.push_back(col->numbers[i]); });
      f.n = (int64_t)buffer_.size();
      if (buffer_.empty()) continue;
      double sum = 0;
      for (double x : buffer_) sum += x;
      switch (c.stat) {
        case Stat::Sum: f.value = sum; break;
        case Stat::Mean: f.value = sum / (double)buffer_.size(); break;
        case Stat::Min: f.value = *std::min_element(buffer_.begin(), buffer_.end()); break;
        case Stat::Max: f.value = *std::max_element(buffer_.begin(), buffer_.end()); break;
        default: {
          // Median: the mean of the two middle values for an even count.
          size_t k = buffer_.size() / 2;
          std::nth_element(buffer_.begin(), buffer_.begin() + (long)k, buffer_.end());
          double hi = buffer_[k];
          if (buffer_.size() % 2 == 0) {
            double lo = *std::max_element(buffer_.begin(), buffer_.begin() + (long)k);
            f.value = (lo + hi) / 2;
          } else {
            f.value = hi;
          }
        }
      }
    }
  }

  void terms(const Cell& c, const BaseInfo& b, CellResult& out) {
    std::vector<std::vector<int64_t>> num(c.terms.size()), den(c.terms.size());
    for (size_t t = 0; t < c.terms.size(); ++t) {
      OrgSet tb = b.set & pc_.eval(c.terms[t].base);
      OrgSet tc = tb & pc_.eval(c.terms[t].count);
      num[t].resize(G());
      den[t].resize(G());
      for (size_t g = 0; g < G(); ++g) {
        den[t][g] = (int64_t)tb.count_and(*groups_[g]);
        num[t][g] = (int64_t)tc.count_and(*groups_[g]);
      }
    }
    for (size_t g = 0; g < G(); ++g) {
      FigureValue& f = out.figures[g];
      if (c.stat == Stat::PooledShare) {
        int64_t n = 0, count = 0;
        for (size_t t = 0; t < c.terms.size(); ++t) {
          n += den[t][g];
          count += num[t][g];
        }
        f.n = n;
        f.count = count;
        if (n > 0) f.value = 100.0 * (double)count / (double)n;
        continue;
      }
      f.n = b.n[g];
      double acc = c.stat == Stat::MinOfRatios ? 1e300 : (c.stat == Stat::MaxOfRatios ? -1e300 : 0);
      int used = 0;
      for (size_t t = 0; t < c.terms.size(); ++t) {
        if (den[t][g] == 0) continue;
        double r = 100.0 * (double)num[t][g] / (double)den[t][g];
        ++used;
        if (c.stat == Stat::MeanOfRatios) acc += r;
        else if (c.stat == Stat::MinOfRatios) acc = std::min(acc, r);
        else acc = std::max(acc, r);
      }
      if (used) f.value = c.stat == Stat::MeanOfRatios ? acc / used : acc;
    }
  }
};

}  // namespace

Results compute(const KeyFigureSet& set, const Dataset& ds, const ComputeOptions& opts) {
  return Engine(set, ds, opts).run();
}

}  // namespace dp::stats
