#include "stats/synthetic.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "stats/predicate.h"

namespace dp::stats {

namespace {

using instrument::Expr;
using instrument::Question;
using instrument::Type;

// splitmix64: a tiny, fast, well-mixed generator; one state per organisation keeps an
// organisation's answers independent of how many others are generated.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return (double)(next() >> 11) * 0x1.0p-53; }
  double normal() {
    double u1 = std::max(uniform(), 1e-12), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
};

uint64_t mix(uint64_t a, uint64_t b) {
  Rng r{a ^ (b * 0x9e3779b97f4a7c15ull)};
  return r.next();
}

bool negative(const instrument::Option& o) {
  static const std::set<std::string> kNegative = {"nej", "inga", "ingen", "inget", "vet_ej", "ej_aktuellt"};
  return o.missing != instrument::Missing::None || kNegative.count(o.id) > 0;
}

// Which single option a leaf of a cell's condition counts: "q01.ifo == 'ks'" or "q07 has 'annat'".
bool single_option(const Expr& e, std::string* item, std::string* code) {
  if ((e.op != Expr::Op::Eq && e.op != Expr::Op::Has) || e.args.size() != 2) return false;
  const Expr& l = *e.args[0];
  const Expr& r = *e.args[1];
  if (l.op != Expr::Op::Ref || l.ref.rfind("org.", 0) == 0 || r.op != Expr::Op::Literal) return false;
  auto* s = std::get_if<std::string>(&r.literal);
  if (!s) return false;
  *item = l.ref;
  *code = *s;
  return true;
}

const char* const kTexts[] = {
    "Digitala lås i hemtjänsten införs under året.",
    "Pågående upphandling av nytt verksamhetssystem.",
    "Samverkan med regionen om e-hälsa.",
    "Pilot med läsplattor för videosamtal med anhöriga.",
    "Utbildning av personal i välfärdsteknik.",
    "Vi har inte haft resurser på grund av pandemin.",
    "Gemensam e-tjänsteplattform med grannkommunerna.",
    "Robotkatter i särskilt boende.",
};

class Generator {
 public:
  Generator(const instrument::Instrument& in, const std::vector<OrgRecord>& orgs, const Marginals& m,
            const SyntheticOptions& o)
      : in_(in), orgs_(orgs), marg_(m), opts_(o), b_(in, orgs) {}

  Dataset run() {
    size_t n = orgs_.size();
    rng_.resize(n);
    latent_.resize(n);
    double mean_log = 0, sd_log = 0;
    for (const auto& o : orgs_) mean_log += std::log(std::max(1.0, o.population.value_or(15000)));
    mean_log /= std::max<size_t>(1, n);
    for (const auto& o : orgs_) sd_log += std::pow(std::log(std::max(1.0, o.population.value_or(15000))) - mean_log, 2);
    sd_log = std::sqrt(sd_log / std::max<size_t>(1, n)) + 1e-9;
    for (size_t i = 0; i < n; ++i) {
      rng_[i].s = mix(opts_.seed, std::hash<std::string>{}(orgs_[i].code) ^ ((uint64_t)in_.year << 40));
      double size = (std::log(std::max(1.0, orgs_[i].population.value_or(15000))) - mean_log) / sd_log;
      latent_[i] = 0.8 * rng_[i].normal() + 0.45 * size + opts_.maturity_drift;
      auto it = orgs_[i].attributes.find(opts_.mandatory_attribute);
      bool mandatory =
          it != orgs_[i].attributes.end() && (it->second == "true" || it->second == "1" || it->second == "ja");
      double p = mandatory ? opts_.response_rate_mandatory : opts_.response_rate_voluntary;
      if (rng_[i].uniform() < p) b_.set_responded(i);
    }
    auto order = in_.evaluation_order;
    if (order.empty())
      for (const auto* q : in_.questions()) order.push_back(q->id);
    for (const auto& qid : order) question(*in_.question(qid));
    Dataset ds = b_.finish();
    std::stable_sort(ds.texts.begin(), ds.texts.end(),
                     [](const TextAnswer& a, const TextAnswer& c) { return a.org < c.org; });
    return ds;
  }

 private:
  const instrument::Instrument& in_;
  const std::vector<OrgRecord>& orgs_;
  const Marginals& marg_;
  const SyntheticOptions& opts_;
  DatasetBuilder b_;
  std::vector<Rng> rng_;
  std::vector<double> latent_;
  std::vector<TextAnswer> texts_;

  // Who is shown the question: respondents for whom its section and the question are eligible and
  // their show_if conditions hold on the answers generated so far.
  OrgSet shown(PredicateCompiler& pc, const instrument::Section& s, const Question& q) {
    OrgSet set = b_.view().responded;
    for (const auto* c : {&s.eligible_if, &s.show_if, &q.eligible_if, &q.show_if})
      if (c->expr) set &= pc.eval(*c->expr);
    return set;
  }

  void question(const Question& q) {
    const instrument::Section* s = in_.section_of(q.id);
    PredicateCompiler pc(b_.view());
    OrgSet qset = shown(pc, *s, q);
    if (q.is_matrix()) {
      bool any_text = false;
      for (const auto& row : q.rows) {
        OrgSet rset = qset;
        if (row.eligible_if.expr) rset &= pc.eval(*row.eligible_if.expr);
        if (row.show_if.expr) rset &= pc.eval(*row.show_if.expr);
        item(q, &row, rset);
        any_text = true;
      }
      if (q.comment && any_text) comment(q, qset);
    } else {
      item(q, nullptr, qset);
      if (q.comment) comment(q, qset);
    }
  }

  void comment(const Question& q, const OrgSet& set) {
    if (!opts_.free_text) return;
    std::string key = instrument::comment_key(q);
    set.for_each([&](size_t i) {
      if (rng_[i].uniform() < 0.04) b_.add_text(i, key, kTexts[rng_[i].next() % std::size(kTexts)]);
    });
  }

  void item(const Question& q, const instrument::Row* row, const OrgSet& set) {
    std::string key = instrument::item_key(q, row);
    if (q.cell == Type::Text) {
      if (opts_.free_text)
        set.for_each([&](size_t i) {
          if (rng_[i].uniform() < 0.5) b_.add_text(i, key, kTexts[rng_[i].next() % std::size(kTexts)]);
        });
      return;
    }
    int col = b_.item_index(key);
    if (col < 0) return;
    if (q.cell == Type::Number || q.cell == Type::Percent) {
      numbers(q, (size_t)col, set);
      return;
    }
    // The options offered here, with their probabilities.
    std::vector<const instrument::Option*> opts;
    for (const auto& o : q.options)
      if (o.import_only) continue;
      else if (!row || row->options.empty() || std::count(row->options.begin(), row->options.end(), o.id))
        opts.push_back(&o);
    const ItemColumn& column = b_.column((size_t)col);
    std::vector<int> bits;
    for (const auto* o : opts) bits.push_back(column.option_bit(o->id));
    std::vector<double> p = probabilities(key, q, opts);
    if (q.cell == Type::Multi) multi(q, key, (size_t)col, opts, bits, p, set);
    else single(key, (size_t)col, opts, bits, p, set);
  }

  std::vector<double> probabilities(const std::string& key, const Question& q,
                                    const std::vector<const instrument::Option*>& opts) {
    std::vector<double> p(opts.size(), -1);
    auto it = marg_.find(key);
    double known = 0;
    size_t unknown = 0;
    for (size_t k = 0; k < opts.size(); ++k) {
      if (it != marg_.end()) {
        auto o = it->second.find(opts[k]->id);
        if (o != it->second.end()) {
          p[k] = std::clamp(o->second, 0.0, 1.0);
          known += p[k];
          continue;
        }
      }
      ++unknown;
    }
    if (q.cell == Type::Multi) {
      for (size_t k = 0; k < opts.size(); ++k)
        if (p[k] < 0) p[k] = opts[k]->exclusive ? (opts[k]->missing != instrument::Missing::None ? 0.03 : 0.15) : 0.3;
      return p;
    }
    // A single choice: unknown options share what the known ones leave (a little for 'Vet ej').
    double rest = std::max(0.0, 1.0 - known);
    for (size_t k = 0; k < opts.size(); ++k)
      if (p[k] < 0)
        p[k] = unknown ? (opts[k]->missing != instrument::Missing::None ? 0.3 : 1.0) * rest / (double)unknown : 0;
    double sum = 0;
    for (double x : p) sum += x;
    if (sum <= 0)
      for (auto& x : p) x = 1.0 / (double)p.size();
    return p;
  }

  double tilt(size_t i) const { return std::exp(0.6 * latent_[i]); }

  void single(const std::string& key, size_t col, const std::vector<const instrument::Option*>& opts,
              const std::vector<int>& bits, const std::vector<double>& p, const OrgSet& set) {
    std::vector<double> w(p.size());
    set.for_each([&](size_t i) {
      double t = tilt(i), sum = 0;
      for (size_t k = 0; k < p.size(); ++k) sum += (w[k] = p[k] * (negative(*opts[k]) ? 1.0 : t));
      double u = rng_[i].uniform() * sum;
      size_t k = 0;
      while (k + 1 < w.size() && u >= w[k]) u -= w[k++];
      if (bits[k] >= 0) b_.add_bits(i, col, 1ull << bits[k]);
      if (opts[k]->specify && opts_.free_text && rng_[i].uniform() < 0.6)
        b_.add_text(i, instrument::specify_key(key, opts[k]->id), kTexts[rng_[i].next() % std::size(kTexts)]);
    });
  }

  void multi(const Question& q, const std::string& key, size_t col, const std::vector<const instrument::Option*>& opts,
             const std::vector<int>& bits, const std::vector<double>& p, const OrgSet& set) {
    int missing = -1, none = -1;
    double p_missing = 0;
    size_t best = 0;
    for (size_t k = 0; k < opts.size(); ++k) {
      if (opts[k]->exclusive && opts[k]->missing != instrument::Missing::None) {
        missing = (int)k;
        p_missing = p[k];
      } else if (opts[k]->exclusive) {
        none = (int)k;
      } else if (p[k] > p[best] || opts[best]->exclusive) {
        best = k;
      }
    }
    (void)q;
    set.for_each([&](size_t i) {
      uint64_t chosen = 0;
      if (missing >= 0 && rng_[i].uniform() < p_missing) {
        chosen = 1ull << bits[(size_t)missing];
      } else {
        double t = tilt(i);
        for (size_t k = 0; k < opts.size(); ++k) {
          if (opts[k]->exclusive) continue;
          double pk = std::min(0.97, p[k] * t / std::max(0.05, 1.0 - p_missing));
          if (rng_[i].uniform() < pk) {
            chosen |= 1ull << bits[k];
            if (opts[k]->specify && opts_.free_text && rng_[i].uniform() < 0.6)
              b_.add_text(i, instrument::specify_key(key, opts[k]->id), kTexts[rng_[i].next() % std::size(kTexts)]);
          }
        }
        // Forced response: nothing chosen means the exclusive 'none' option, or the likeliest one.
        if (!chosen) chosen = 1ull << bits[none >= 0 ? (size_t)none : best];
      }
      b_.add_bits(i, col, chosen);
    });
  }

  void numbers(const Question& q, size_t col, const OrgSet& set) {
    // Scale by population: kronor per inhabitant, persons per thousand inhabitants.
    bool kronor = q.unit.sv.find("kronor") != std::string::npos;
    double per_capita = kronor ? 40.0 : 0.0015;
    set.for_each([&](size_t i) {
      double pop = orgs_[i].population.value_or(15000);
      double v = 0;
      if (rng_[i].uniform() >= 0.15) v = pop * per_capita * std::exp(0.5 * rng_[i].normal() + 0.3 * latent_[i]);
      if (q.integer) v = std::round(v);
      if (q.min) v = std::max(v, *q.min);
      if (q.max) v = std::min(v, *q.max);
      b_.add_number(i, col, v);
    });
  }
};

}  // namespace

Marginals marginals_from_history(const KeyFigureSet& set, const std::vector<Figure>& history, int year) {
  Marginals out;
  std::map<std::pair<std::string, std::string>, const Figure*> best;
  for (const auto& v : history) {
    if (v.key.breakdown != "national" || !v.value || v.key.year > year) continue;
    auto& slot = best[{v.key.keyfigure, v.key.cell}];
    if (!slot || slot->key.year < v.key.year) slot = &v;
  }
  for (const auto& kf : set.keyfigures) {
    if (kf.stat != Stat::Share) continue;
    for (const auto& c : kf.cells) {
      if (c.stat != Stat::Share || !c.count.expr || c.base.where.expr) continue;
      std::string item, code;
      if (!single_option(*c.count.expr, &item, &code)) continue;
      auto it = best.find({kf.id, c.id});
      if (it == best.end()) continue;
      out[item][code] = *it->second->value / 100.0;
    }
  }
  return out;
}

Dataset generate_dataset(const instrument::Instrument& in, const std::vector<OrgRecord>& orgs,
                         const Marginals& marginals, const SyntheticOptions& opts) {
  return Generator(in, orgs, marginals, opts).run();
}

std::vector<OrgRecord> synthetic_orgs(const std::vector<OrgRecord>& real, size_t n, uint64_t seed) {
  std::vector<OrgRecord> out(real.begin(), real.begin() + (long)std::min(n, real.size()));
  if (real.empty()) return out;
  Rng rng{seed ^ 0x5eedull};
  for (size_t k = real.size(); k < n; ++k) {
    // A synthetic municipality borrows the facts of a real one: its county, size, SKR group.
    const OrgRecord& model = real[rng.next() % real.size()];
    OrgRecord o = model;
    o.code = fmt::format("S{:07d}", k - real.size() + 1);
    o.name = fmt::format("Syntetisk kommun {}", k - real.size() + 1);
    o.kind = "municipality";
    if (model.population) o.population = std::round(*model.population * (0.85 + 0.3 * rng.uniform()));
    o.attributes["stimulus_requisitioned"] = rng.uniform() < 268.0 / 290.0 ? "true" : "false";
    out.push_back(std::move(o));
  }
  return out;
}

instrument::Answers answers_of(const Dataset& ds, const instrument::Instrument&, size_t org) {
  instrument::Answers a;
  for (const auto& col : ds.items) {
    if (col.kind == ItemColumn::Kind::Number) {
      if (!std::isnan(col.numbers[org])) a[col.key] = instrument::Value::num(col.numbers[org]);
      continue;
    }
    uint64_t bits = col.codes.get(org);
    if (!bits) continue;
    std::vector<std::string> codes;
    for (uint64_t x = bits; x; x &= x - 1) codes.push_back(col.options[(size_t)std::countr_zero(x)]);
    a[col.key] = col.multi ? instrument::Value::codes_of(codes) : instrument::Value::code(codes.front());
  }
  auto lo =
      std::lower_bound(ds.texts.begin(), ds.texts.end(), org, [](const TextAnswer& t, size_t o) { return t.org < o; });
  for (auto it = lo; it != ds.texts.end() && it->org == org; ++it) a[it->item] = instrument::Value::text(it->text);
  return a;
}

}  // namespace dp::stats
