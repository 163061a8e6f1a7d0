#include "stats/keyfigures_validate.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "stats/keyfigures_load.h"

namespace dp::stats {

bool builtin_attribute(std::string_view name) {
  static const std::set<std::string, std::less<>> kBuiltin = {"code",       "name",      "kind",       "county_code",
                                                              "size_group", "skr_group", "population", "responded"};
  return kBuiltin.count(name) > 0;
}

namespace {

using enum DiagnosticCode;
using instrument::Instrument;
using instrument::Question;

class Validator {
 public:
  Validator(KeyFigureSet& set, const std::vector<const Instrument*>& all, const HistoryData* history, yaml::Reader& r)
      : set_(set), history_(history), r_(r) {
    for (const auto& id : set.instruments)
      for (const auto* in : all)
        if (in && in->id == id) family_.push_back(in);
  }

  void run() {
    std::set<std::string> themes;
    for (const auto& t : set_.themes)
      if (!themes.insert(t.id).second)
        r_.error(KeyFiguresDuplicateId, {}, t.id, fmt::format("theme '{}' is declared twice", t.id));
    std::map<std::string, const KeyFigure*> ids;
    for (auto& kf : set_.keyfigures) {
      auto [it, fresh] = ids.emplace(kf.id, &kf);
      if (!fresh)
        r_.error(KeyFiguresDuplicateId, kf.pos, kf.id,
                 fmt::format("key figure '{}' is declared twice (first at line {})", kf.id, it->second->pos.line));
      if (!kf.theme.empty() && !set_.themes.empty() && !themes.count(kf.theme))
        r_.error(KeyFiguresUnknownReference, kf.pos, kf.theme, fmt::format("{}: unknown theme '{}'", kf.id, kf.theme));
      check_condition(kf.base.where, kf.id);
      std::map<std::string, const Cell*> cells;
      for (auto& c : kf.cells) {
        auto [ct, cfresh] = cells.emplace(c.id, &c);
        if (!cfresh)
          r_.error(KeyFiguresDuplicateId, c.pos, c.id,
                   fmt::format("{}: cell '{}' appears twice (first at line {})", kf.id, c.id, ct->second->pos.line));
        if (!c.asked) continue;
        std::string ctx = kf.id + ":" + c.id;
        check_condition(c.count, ctx);
        check_condition(c.base.where, ctx);
        for (const auto& t : c.terms) {
          check_condition(t.count, ctx);
          check_condition(t.base, ctx);
        }
        if (!c.value.empty()) check_numeric(c.value, c.pos, ctx);
      }
      fill_part_labels(kf);
      for (const auto& b : kf.breaks)
        for (const auto& cid : b.cells)
          if (!kf.cell(cid))
            r_.error(KeyFiguresUnknownReference, b.pos, cid,
                     fmt::format("{}: a break names unknown cell '{}'", kf.id, cid));
      for (const auto& id : kf.identities) {
        std::vector<std::string> named = id.parts;
        named.push_back(id.total);
        for (const auto& cid : named)
          if (!cid.empty() && !kf.cell(cid))
            r_.error(KeyFiguresUnknownReference, id.pos, cid,
                     fmt::format("{}: an identity names unknown cell '{}'", kf.id, cid));
      }
    }
    // The published history (data/history) is the national survey's. A family that maps none of
    // it (the maturity self-assessment) has no published tables to account for.
    bool maps_history = false;
    for (const auto& kf : set_.keyfigures) maps_history = maps_history || !kf.history.empty();
    if (history_ && maps_history) check_history();
  }

 private:
  KeyFigureSet& set_;
  const HistoryData* history_;
  yaml::Reader& r_;
  std::vector<const Instrument*> family_;

  bool attribute_known(const std::string& name) {
    if (builtin_attribute(name)) return true;
    for (const auto* in : family_)
      for (const auto& a : in->attributes)
        if (a.id == name) return true;
    return false;
  }

  // The question and (for a matrix) row an item key names, in the first version that has them.
  std::pair<const Question*, const instrument::Row*> find_item(const std::string& key) {
    auto dot = key.find('.');
    std::string qid = key.substr(0, dot);
    for (const auto* in : family_) {
      const Question* q = in->question(qid);
      if (!q) continue;
      if (dot == std::string::npos) {
        if (!q->is_matrix()) return {q, nullptr};
        continue;
      }
      if (const auto* row = q->row(key.substr(dot + 1))) return {q, row};
    }
    return {nullptr, nullptr};
  }

  void check_condition(const Condition& c, const std::string& ctx) {
    if (!c.expr) return;
    for (const auto& use : instrument::references(*c.expr)) {
      Pos p = c.pos;
      p.column += use.offset;
      if (use.name.rfind("org.", 0) == 0) {
        std::string attr = use.name.substr(4);
        if (!attribute_known(attr))
          r_.error(KeyFiguresUnknownAttribute, p, use.name,
                   fmt::format("{}: unknown attribute '{}' (built-in: code, name, kind, county_code, size_group, "
                               "skr_group, population, responded; or one the instruments declare)",
                               ctx, attr));
        continue;
      }
      auto [q, row] = find_item(use.name);
      if (!q) {
        std::string qid = use.name.substr(0, use.name.find('.'));
        bool question_exists = false;
        for (const auto* in : family_) question_exists = question_exists || in->question(qid);
        r_.error(KeyFiguresUnknownReference, p, use.name,
                 question_exists
                     ? fmt::format("{}: '{}' is not an item (a matrix needs its row: {}.<row>)", ctx, use.name, qid)
                     : fmt::format("{}: unknown question '{}'", ctx, qid));
        continue;
      }
      for (const auto& code : use.compared_codes) {
        bool ok = false;
        for (const auto* in : family_) {
          const Question* vq = in->question(q->id);
          ok = ok || (vq && vq->option(code));
        }
        if (!ok)
          r_.error(KeyFiguresUnknownOption, p, code, fmt::format("{}: '{}' has no option '{}'", ctx, use.name, code));
      }
    }
  }

  void check_numeric(const std::string& key, Pos p, const std::string& ctx) {
    auto [q, row] = find_item(key);
    if (!q) {
      r_.error(KeyFiguresUnknownReference, p, key, fmt::format("{}: unknown item '{}'", ctx, key));
      return;
    }
    if (q->cell != instrument::Type::Number && q->cell != instrument::Type::Percent)
      r_.error(KeyFiguresStructure, p, key, fmt::format("{}: '{}' is not a number or percent item", ctx, key));
  }

  // Explicit cells name only their last part; earlier parts take the label another cell gave them.
  void fill_part_labels(KeyFigure& kf) {
    std::map<std::pair<size_t, std::string>, I18n> known;
    for (const auto& c : kf.cells)
      for (size_t i = 0; i < c.parts.size(); ++i)
        if (!c.parts[i].label.empty()) known.emplace(std::pair{i, c.parts[i].id}, c.parts[i].label);
    for (auto& c : kf.cells)
      for (size_t i = 0; i < c.parts.size(); ++i)
        if (c.parts[i].label.empty()) {
          auto it = known.find({i, c.parts[i].id});
          c.parts[i].label = it != known.end() ? it->second : I18n{c.parts[i].id, c.parts[i].id};
        }
  }

  void check_history() {
    std::set<std::string> referenced;
    for (const auto& kf : set_.keyfigures)
      for (const auto& hm : kf.history) {
        referenced.insert(hm.table);
        if (!history_->has_table(hm.table)) {
          r_.error(KeyFiguresHistoryLabel, hm.pos, hm.table,
                   fmt::format("{}: there is no history table '{}'", kf.id, hm.table));
          continue;
        }
        std::set<std::string> rows, cols;
        for (const auto& h : history_->cells)
          if (h.table == hm.table) {
            rows.insert(h.row_key());
            cols.insert(h.column_label);
          }
        for (const auto& [part, label] : hm.rows)
          if (!rows.count(label))
            r_.error(KeyFiguresHistoryLabel, hm.pos, label,
                     fmt::format("{}: {} has no row «{}»", kf.id, hm.table, label));
        for (const auto& s : hm.skip_rows)
          if (!rows.count(s))
            r_.error(KeyFiguresHistoryLabel, hm.pos, s, fmt::format("{}: {} has no row «{}»", kf.id, hm.table, s));
        for (const auto& c : hm.columns)
          if (!cols.count(c.label))
            r_.error(KeyFiguresHistoryLabel, c.pos, c.label,
                     fmt::format("{}: {} has no column «{}»", kf.id, hm.table, c.label));
      }
    Diagnostics problems;
    auto values = map_history(set_, *history_, &problems);
    for (auto& d : problems) r_.diagnostics().push_back(d);
    std::set<std::string> tables;
    for (const auto& h : history_->cells) tables.insert(h.table);
    for (const auto& t : tables)
      if (!referenced.count(t))
        r_.error(KeyFiguresHistoryClaim, {1, 1}, t,
                 fmt::format("no key figure takes its history from {}: every published table must belong to one", t));
    // A history value must land on a declared cell.
    for (const auto& v : values) {
      const KeyFigure* kf = set_.find(v.key.keyfigure);
      if (kf && !kf->cell(v.key.cell)) {
        Pos p = kf->history.empty() ? kf->pos : kf->history.front().pos;
        for (const auto& hm : kf->history) p = hm.pos;
        r_.error(KeyFiguresHistoryClaim, p, v.key.cell,
                 fmt::format("{}: history maps a published cell onto '{}', which is not a declared cell", kf->id,
                             v.key.cell));
      }
    }
  }
};

}  // namespace

void validate_keyfigures(KeyFigureSet& set, const std::vector<const instrument::Instrument*>& instruments,
                         const HistoryData* history, yaml::Reader& r) {
  Validator(set, instruments, history, r).run();
}

}  // namespace dp::stats
