#pragma once
// A hand-built, consistent set of 2021 answers, made deterministically from the published 2021
// tables the repository holds (data/history, mapped to the key figures): test support for the
// «Done when» check of issue 14 (`stats verify` on it lists only what `stats audit-published`
// flags). Not part of the product.
//
// Which tables: every published 2021 table whose cells are all options of single-choice or yes/no
// items (and combined categories of them, such as «totalt» = test + bredd) that the instrument
// asks of every respondent (no condition, no eligibility rule), over all respondents or over the
// item's «Antal svar». For each such item the counts per option are chosen among those that give
// the printed shares (round(100·k/n), halves up), so that the printed combined categories and the
// printed base come out too (the options of one item exclude each other); where no choice does,
// the nearest counts are taken and the audit of the published tables must flag the cell. Tables
// with multiple-choice items, routed items or derived indicators are left out (`tables` says which
// are in). The answers are assigned in blocks to the first respondents in code order.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/resources.h"
#include "figures/declarations.h"
#include "instrument/load.h"
#include "stats/audit.h"
#include "stats/history.h"
#include "stats/keyfigures_load.h"

namespace dp::testing {

struct Consistent2021 {
  std::string csv;               // microdata in the docs/microdata-format.md layout
  std::set<std::string> tables;  // sources covered: «Socialstyrelsen 2021, Tabell 1», …
  int respondents = 0;
};

namespace consistent_2021_detail {

struct ItemTarget {
  const instrument::Item* item = nullptr;
  int64_t n = 0;                                                    // how many answer it
  std::map<std::string, std::pair<int64_t, int64_t>> option_range;  // printed single options
  std::vector<std::pair<std::vector<std::string>, std::pair<int64_t, int64_t>>> combined;
  std::map<std::string, int64_t> counts;  // chosen
  bool multi = false;
};

// The item and option a cell counts: the single-choice expansion's, or for a multiple choice the
// one item it reads and the option its last part names.
inline std::pair<std::string, std::vector<std::string>> counted(
    const stats::Cell& c, const std::map<std::string, const instrument::Item*>& by_key) {
  if (!c.exclusive_item.empty()) return {c.exclusive_item, c.options};
  auto read = c.items();
  if (read.size() != 1 || c.parts.empty() || !by_key.count(read.front())) return {};
  const auto* it = by_key.at(read.front());
  if (it->type != instrument::Type::Multi) return {};
  for (const auto* o : it->options)
    if (o->id == c.parts.back().id) return {it->key, {o->id}};
  return {};
}

inline bool asked_of_everyone(const instrument::Instrument& in, const instrument::Item& it) {
  const auto* sec = in.section_of(it.question->id);
  if (sec && (!sec->show_if.empty() || !sec->eligible_if.empty())) return false;
  if (!it.question->show_if.empty() || !it.question->eligible_if.empty()) return false;
  if (it.row && (!it.row->show_if.empty() || !it.row->eligible_if.empty())) return false;
  return it.type == instrument::Type::Single || it.type == instrument::Type::YesNo ||
         it.type == instrument::Type::Multi;
}

// The range of counts giving a printed share; the nearest count when none does (an
// unreproducible cell, which the audit flags).
inline std::pair<int64_t, int64_t> range_of(double value, int64_t n, int decimals) {
  if (auto r = stats::counts_giving(value, n, decimals)) return *r;
  int64_t k = std::clamp<int64_t>(std::llround(value * static_cast<double>(n) / 100.0), 0, n);
  return {k, k};
}

// Counts per printed option within their ranges such that the combined categories and the base
// come out; the lowest counts when no choice satisfies every constraint.
inline void choose_counts(ItemTarget& t) {
  if (t.multi) {  // options are counted independently (exclusive ones take the last answers)
    for (const auto& [o, r] : t.option_range) t.counts[o] = r.first;
    return;
  }
  std::vector<std::string> printed;
  for (const auto& [o, r] : t.option_range) printed.push_back(o);
  bool every_option_printed = printed.size() == t.item->options.size() + t.item->import_options.size();
  std::map<std::string, int64_t> pick;
  std::function<bool(size_t, int64_t)> search = [&](size_t i, int64_t sum) -> bool {
    if (sum > t.n) return false;
    if (i == printed.size()) {
      if (every_option_printed && sum != t.n) return false;
      for (const auto& [opts, r] : t.combined) {
        int64_t s = 0;
        for (const auto& o : opts) {
          auto it = pick.find(o);
          if (it == pick.end()) return false;  // a combined category of unprinted options: not handled
          s += it->second;
        }
        if (s < r.first || s > r.second) return false;
      }
      return true;
    }
    auto [lo, hi] = t.option_range.at(printed[i]);
    for (int64_t k = lo; k <= hi; ++k) {
      pick[printed[i]] = k;
      if (search(i + 1, sum + k)) return true;
    }
    return false;
  };
  if (!search(0, 0)) {
    pick.clear();
    for (const auto& [o, r] : t.option_range) pick[o] = r.first;
  }
  int64_t sum = 0;
  for (const auto& [o, k] : pick) sum += k;
  t.counts = pick;
  // The rest of the answers go to the first option not printed (for yes/no with only «Ja»
  // printed: «Nej»).
  auto all = t.item->options;
  all.insert(all.end(), t.item->import_options.begin(), t.item->import_options.end());
  for (const auto* o : all)
    if (!t.counts.count(o->id)) {
      t.counts[o->id] = std::max<int64_t>(0, t.n - sum);
      break;
    }
}

}  // namespace consistent_2021_detail

// `org_codes`: the campaign's organisations (its scope, in code order); the first `respondents`
// of them respond (the printed n of the tables over all respondents), the rest do not.
inline Consistent2021 make_consistent_2021(const std::vector<std::string>& org_codes) {
  using namespace consistent_2021_detail;
  auto in =
      instrument::load_or_throw(resources::require("instruments/ehalsa-2021.yaml"), "instruments/ehalsa-2021.yaml");
  auto next =
      instrument::load_or_throw(resources::require("instruments/ehalsa-2022.yaml"), "instruments/ehalsa-2022.yaml");
  auto history = figures::bundled_history();
  std::vector<const instrument::Instrument*> family{&in, &next};
  auto set = stats::load_keyfigures_or_throw(resources::require("instruments/ehalsa.keyfigures.yaml"),
                                             "instruments/ehalsa.keyfigures.yaml", family, &history);
  auto published = stats::map_history(set, history);
  auto items = instrument::items(in);
  std::map<std::string, const instrument::Item*> by_key;
  for (const auto& it : items) by_key[it.key] = &it;

  // The respondents: the printed n of the tables over all respondents (the title's «(n=285)»).
  std::map<int64_t, int> ns;
  for (const auto& f : published) {
    const auto* kf = set.find(f.key.keyfigure);
    const auto* c = kf ? kf->cell(f.key.cell) : nullptr;
    if (f.key.year == 2021 && c && c->base.kind == stats::BaseKind::Respondents && f.n) ++ns[*f.n];
  }
  Consistent2021 out;
  for (const auto& [n, times] : ns)
    if (!out.respondents || times > ns[out.respondents]) out.respondents = static_cast<int>(n);

  std::map<std::string, ItemTarget> targets;
  std::map<std::string, bool> table_ok;  // source -> every 2021 cell handled
  for (const auto& f : published) {
    if (f.key.year != 2021) continue;
    const auto* kf = set.find(f.key.keyfigure);
    const auto* c = kf ? kf->cell(f.key.cell) : nullptr;
    auto [key, options] = c ? counted(*c, by_key) : std::pair<std::string, std::vector<std::string>>{};
    bool handled = c && f.key.breakdown == "national" && c->stat == stats::Stat::Share && !key.empty() &&
                   c->base.where.empty() &&
                   (c->base.kind == stats::BaseKind::Respondents || c->base.kind == stats::BaseKind::Answered) &&
                   asked_of_everyone(in, *by_key.at(key));
    if (handled && c->base.kind == stats::BaseKind::Respondents && f.n && *f.n != out.respondents) handled = false;
    table_ok.emplace(f.source, true);
    if (!handled) {
      table_ok[f.source] = false;
      continue;
    }
    auto& t = targets[key];
    t.item = by_key.at(key);
    t.multi = t.item->type == instrument::Type::Multi;
    if (!t.n) t.n = out.respondents;
    if (c->base.kind == stats::BaseKind::Answered && f.n) t.n = *f.n;
  }
  // The ranges, at each item's base.
  for (const auto& f : published) {
    if (f.key.year != 2021 || !table_ok[f.source] || !f.value || hides_value(f.marker)) continue;
    const auto* c = set.find(f.key.keyfigure)->cell(f.key.cell);
    auto [key, options] = counted(*c, by_key);
    auto& t = targets.at(key);
    auto r = range_of(*f.value, t.n, f.decimals);
    if (f.count) r = {*f.count, *f.count};  // a printed count (Tabell 3) is the count
    if (options.size() == 1) t.option_range[options.front()] = r;
    else t.combined.push_back({options, r});
  }
  for (const auto& [source, ok] : table_ok)
    if (ok) out.tables.insert(source);

  // Only the items of covered tables are answered.
  std::vector<ItemTarget*> used;
  for (auto& it : items) {
    auto t = targets.find(it.key);
    if (t == targets.end() || t->second.option_range.empty()) continue;
    choose_counts(t->second);
    used.push_back(&t->second);
  }
  out.csv = "org_code,status";
  for (const auto* t : used) {
    if (!t->multi) out.csv += "," + csv::escape(t->item->key);
    else
      for (const auto* o : t->item->options) out.csv += "," + csv::escape(t->item->key + "[" + o->id + "]");
  }
  out.csv += "\n";
  for (size_t i = 0; i < org_codes.size(); ++i) {
    bool responds = static_cast<int>(i) < out.respondents;
    out.csv += csv::escape(org_codes[i]) + (responds ? ",submitted" : ",not_started");
    for (const auto* t : used) {
      if (t->multi) {  // non-exclusive options from the first answer on, exclusive ones from the last
        int64_t from_end = static_cast<int64_t>(t->n) - 1 - static_cast<int64_t>(i), excl_at = 0;
        for (const auto* o : t->item->options) {
          auto k = t->counts.find(o->id);
          int64_t c = k == t->counts.end() ? 0 : k->second;
          bool on = o->exclusive ? (from_end >= excl_at && from_end < excl_at + c) : static_cast<int64_t>(i) < c;
          if (o->exclusive) excl_at += c;
          out.csv += !responds || static_cast<int64_t>(i) >= t->n ? "," : (on ? ",1" : ",0");
        }
        continue;
      }
      std::string code;
      if (responds) {
        int64_t at = 0;
        for (const auto* o : t->item->options) {
          auto k = t->counts.find(o->id);
          if (k == t->counts.end()) continue;
          if (static_cast<int64_t>(i) < at + k->second) {
            code = o->id;
            break;
          }
          at += k->second;
        }
      }
      out.csv += "," + code;
    }
    out.csv += "\n";
  }
  return out;
}

}  // namespace dp::testing
