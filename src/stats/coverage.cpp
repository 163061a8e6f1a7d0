#include "stats/coverage.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>

namespace dp::stats {
namespace {

using instrument::Instrument;
using instrument::Question;

// Every item key any cell reads, and the option codes read per item key.
struct Uses {
  std::set<std::string> items;
  std::map<std::string, std::set<std::string>> codes;

  void add(const instrument::Condition& c) {
    if (!c.expr) return;
    for (const auto& r : instrument::references(*c.expr)) {
      items.insert(r.name);
      codes[r.name].insert(r.compared_codes.begin(), r.compared_codes.end());
    }
  }
  bool uses_question(const Question& q) const {
    for (const auto& i : items)
      if (i == q.id || i.rfind(q.id + ".", 0) == 0 || i.rfind(q.id + ":", 0) == 0) return true;
    return false;
  }
  bool uses_option(const Question& q, const std::string& option) const {
    for (const auto& [item, set] : codes)
      if ((item == q.id || item.rfind(q.id + ".", 0) == 0) && set.count(option)) return true;
    return false;
  }
};

Uses uses_of(const KeyFigureSet& set) {
  Uses u;
  for (const auto& kf : set.keyfigures) {
    u.add(kf.base.where);
    for (const auto& c : kf.cells) {
      if (!c.asked || c.external) continue;
      u.add(c.count);
      u.add(c.base.where);
      for (const auto& t : c.terms) {
        u.add(t.count);
        u.add(t.base);
      }
      if (!c.value.empty()) u.items.insert(c.value);
      if (!c.exclusive_item.empty()) {
        u.items.insert(c.exclusive_item);
        u.codes[c.exclusive_item].insert(c.options.begin(), c.options.end());
      }
    }
  }
  return u;
}

Diagnostic warning(DiagnosticCode code, const std::string& file, Pos p, const std::string& key, std::string msg) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::Warning;
  d.code = code;
  d.where = Location{file, p.line, p.column, {}};
  d.key = key;
  d.message = std::move(msg);
  return d;
}

// The question of `prev` that `q` of `v` continues, if any.
const Question* predecessor(const Instrument& v, const Question& q, const Instrument& prev) {
  if (!q.continues) return nullptr;
  const auto& names = q.continues->instrument.empty() ? v.previous : q.continues->instrument;
  if (names != prev.id) return nullptr;
  return prev.question(q.continues->id.substr(0, q.continues->id.find('.')));
}

bool item_exists(const Instrument& in, const std::string& key) {
  auto cut = key.find_first_of(".:");
  const Question* q = in.question(key.substr(0, cut));
  if (!q) return false;
  if (cut == std::string::npos || key[cut] == ':') return true;
  return q->row(key.substr(cut + 1)) != nullptr;
}

}  // namespace

Diagnostics coverage_warnings(const KeyFigureSet& set, const std::vector<const Instrument*>& family) {
  Diagnostics out;
  if (family.empty()) return out;
  Uses u = uses_of(set);
  using enum DiagnosticCode;
  for (const auto* v : family) {
    const Instrument* prev = nullptr;
    for (const auto* p : family)
      if (p->id == v->previous) prev = p;
    if (!prev && family.size() > 1) continue;  // the oldest version: what it asks is not new
    for (const auto* q : v->questions()) {
      const Question* was = prev ? predecessor(*v, *q, *prev) : nullptr;
      if (!was) {
        if (!u.uses_question(*q))
          out.push_back(warning(KeyFiguresCoverage, v->source_file, q->pos, q->id,
                                fmt::format("{} is new in {} and no key figure reads it, so no report table or series "
                                            "shows it (add a key figure to {})",
                                            q->id, v->id, set.source_file)));
        continue;
      }
      if (!q->has_codes() || !u.uses_question(*q)) continue;  // an unused question was not covered before either
      std::set<std::string> mapped;
      for (const auto& m : q->continues->options) mapped.insert(m.now);
      for (const auto& o : q->options) {
        if (o.import_only || was->option(o.id) || mapped.count(o.id)) continue;
        if (!u.uses_option(*q, o.id))
          out.push_back(warning(KeyFiguresCoverage, v->source_file, o.pos, o.id,
                                fmt::format("option '{}' of {} is new in {} and no key figure counts it (add it to the "
                                            "key figures of {} in {})",
                                            o.id, q->id, v->id, q->id, set.source_file)));
      }
    }
  }
  // Inputs that vanished: items the newest version does not have.
  const Instrument* newest = family.front();
  for (const auto* v : family)
    if (v->year > newest->year) newest = v;
  for (const auto& kf : set.keyfigures) {
    std::set<std::string> gone;
    bool any = false;
    for (const auto& c : kf.cells) {
      if (!c.asked || c.external) continue;
      for (const auto& item : c.items()) {
        any = true;
        if (!item_exists(*newest, item)) gone.insert(item);
      }
    }
    if (any && !gone.empty())
      out.push_back(warning(KeyFiguresVanishedInput, set.source_file, kf.pos, kf.id,
                            fmt::format("{} reads {}, which {} no longer asks: its series ends in {} unless it reads "
                                        "the item that continues it",
                                        kf.id, fmt::join(gone, ", "), newest->id, newest->year - 1)));
  }
  return out;
}

}  // namespace dp::stats
