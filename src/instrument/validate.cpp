// Cross-reference rules of an instrument: unique ids, conditions that name real questions, rows
// and options, no cycles, eligibility only over known registry attributes, lineage, maturity keys.
#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <limits>
#include <map>
#include <set>

#include "instrument/load.h"

namespace dp::instrument {
namespace {

using enum DiagnosticCode;

const std::set<std::string> kBuiltinAttributes = {"code",       "name",      "kind",      "county_code",
                                                  "size_group", "skr_group", "population"};

class Validator {
 public:
  Validator(Instrument& in, Diagnostics& d) : in_(in), d_(d) {}

  void run() {
    index();
    for (const auto& s : in_.sections) {
      check_condition(s.show_if, "show_if", false, nullptr);
      check_condition(s.eligible_if, "eligible_if", true, nullptr);
      for (const auto& q : s.questions) {
        check_condition(q.show_if, "show_if", false, &q);
        check_condition(q.eligible_if, "eligible_if", true, &q);
        for (const auto& r : q.rows) {
          check_condition(r.show_if, "show_if", false, &q);
          check_condition(r.eligible_if, "eligible_if", true, &q);
          for (const auto& o : r.options)
            if (!q.option(o))
              error(InstrumentUnknownRowOption, r.pos, o,
                    fmt::format("row '{}' of question '{}' offers option '{}', which the question does not have", r.id,
                                q.id, o));
          if (r.continues) check_lineage(*r.continues);
          // A year-bound question stays year-bound in every row: a row cannot bring prefill back.
          if (!q.prefill && r.prefill.value_or(false))
            error(InstrumentStructure, r.pos, "prefill",
                  fmt::format("row '{}' says 'prefill: true' but question '{}' says 'prefill: false'", r.id, q.id));
        }
        if (q.continues) check_lineage(*q.continues);
        if (q.maturity) check_maturity(q);
      }
    }
    std::set<std::string> check_ids;
    for (const auto& c : in_.checks) {
      if (!check_ids.insert(c.id).second)
        error(InstrumentDuplicateId, c.pos, c.id, fmt::format("check id '{}' is used twice", c.id));
      check_condition(c.flag_if, "flag_if", false, nullptr);
      section_deps_.clear();  // a check's references order no question
      for (const auto& q : c.questions)
        if (!questions_.count(q))
          error(InstrumentBadCheck, c.pos, q, fmt::format("check '{}' names unknown question '{}'", c.id, q));
    }
    order();
  }

 private:
  Instrument& in_;
  Diagnostics& d_;
  std::map<std::string, const Question*> questions_;
  std::map<std::string, std::set<std::string>> deps_;  // question id -> question ids its visibility depends on

  void error(DiagnosticCode code, Pos p, const std::string& key, const std::string& msg) {
    Diagnostic diag;
    diag.code = code;
    diag.where = Location{in_.source_file, p.line, p.column, {}};
    diag.key = key;
    diag.message = msg;
    d_.push_back(std::move(diag));
  }

  void index() {
    std::set<std::string> sections, attrs;
    for (const auto& a : in_.attributes) {
      if (a.id.empty()) continue;
      if (!attrs.insert(a.id).second)
        error(InstrumentDuplicateId, a.pos, a.id, fmt::format("attribute '{}' is declared twice", a.id));
      if (kBuiltinAttributes.count(a.id))
        error(InstrumentDuplicateId, a.pos, a.id,
              fmt::format("attribute '{}' is built in and must not be declared", a.id));
    }
    for (const auto& s : in_.sections) {
      if (!s.id.empty() && !sections.insert(s.id).second)
        error(InstrumentDuplicateId, s.pos, s.id, fmt::format("section '{}' appears twice", s.id));
      for (const auto& q : s.questions) {
        if (q.id.empty()) continue;
        auto [it, fresh] = questions_.emplace(q.id, &q);
        if (!fresh)
          error(InstrumentDuplicateId, q.pos, q.id,
                fmt::format("question '{}' appears twice (first at line {})", q.id, it->second->pos.line));
      }
    }
  }

  // The option ids an item reference can be compared with.
  std::vector<const Option*> offered(const Question& q, const Row* row) {
    std::vector<const Option*> out;
    for (const auto& o : q.options)
      if (!row || row->options.empty() || std::count(row->options.begin(), row->options.end(), o.id)) out.push_back(&o);
    return out;
  }

  void check_condition(const Condition& c, const char* key, bool eligibility, const Question* owner) {
    if (!c.expr) return;
    for (const auto& use : references(*c.expr)) {
      Pos p = c.pos;
      p.column += use.offset;
      if (use.name.rfind("org.", 0) == 0) {
        std::string attr = use.name.substr(4);
        bool known = kBuiltinAttributes.count(attr) > 0;
        for (const auto& a : in_.attributes) known = known || a.id == attr;
        if (!known)
          error(InstrumentUnknownAttribute, p, use.name,
                fmt::format("unknown attribute '{}': declare it under 'attributes:' or use a built-in one "
                            "(code, name, kind, county_code, size_group, skr_group, population)",
                            attr));
        continue;
      }
      if (eligibility) {
        error(InstrumentEligibilityUsesAnswer, p, use.name,
              fmt::format("eligible_if may only use registry attributes (org.*), not the answer '{}'; use show_if",
                          use.name));
        continue;
      }
      auto dot = use.name.find('.');
      std::string qid = use.name.substr(0, dot);
      auto it = questions_.find(qid);
      if (it == questions_.end()) {
        error(InstrumentUnknownReference, p, use.name, fmt::format("unknown question '{}'", qid));
        continue;
      }
      const Question& target = *it->second;
      const Row* row = nullptr;
      if (dot != std::string::npos) {
        std::string rid = use.name.substr(dot + 1);
        if (!target.is_matrix()) {
          error(InstrumentUnknownReference, p, use.name,
                fmt::format("question '{}' is not a matrix and has no row '{}'", qid, rid));
          continue;
        }
        row = target.row(rid);
        if (!row) {
          error(InstrumentUnknownReference, p, use.name, fmt::format("question '{}' has no row '{}'", qid, rid));
          continue;
        }
      } else if (target.is_matrix()) {
        error(InstrumentUnknownReference, p, use.name,
              fmt::format("question '{}' is a matrix: name the row, e.g. '{}.{}'", qid, qid,
                          target.rows.empty() ? "row" : target.rows[0].id));
        continue;
      }
      if (owner) deps_[owner->id].insert(qid);
      else section_deps_.insert(qid);
      if (target.has_codes()) {
        auto opts = offered(target, row);
        for (const auto& code : use.compared_codes)
          if (std::none_of(opts.begin(), opts.end(), [&](const Option* o) { return o->id == code; }))
            error(InstrumentUnknownOption, p, use.name, fmt::format("'{}' has no option '{}'", use.name, code));
        if (use.numeric)
          error(InstrumentUnknownOption, p, use.name, fmt::format("'{}' has option codes, not numbers", use.name));
      } else if (!use.compared_codes.empty() && (target.cell == Type::Number || target.cell == Type::Percent)) {
        error(InstrumentUnknownOption, p, use.name,
              fmt::format("'{}' is a number: compare it with numbers, not text", use.name));
      }
    }
    // Section conditions apply to every question in the section.
    if (!owner && !section_deps_.empty()) {
      for (const auto& s : in_.sections)
        if (&s.show_if == &c || &s.eligible_if == &c)
          for (const auto& q : s.questions) deps_[q.id].insert(section_deps_.begin(), section_deps_.end());
      section_deps_.clear();
    }
  }
  std::set<std::string> section_deps_;

  void check_lineage(const Lineage& l) {
    if (l.instrument.empty() && in_.previous.empty())
      error(InstrumentLineage, l.pos, "continues",
            fmt::format("'continues: {}' needs the instrument's 'previous' (or 'instrument:' here)", l.id));
    if (l.id.empty()) error(InstrumentLineage, l.pos, "continues", "'continues' needs the id it continues");
  }

  void check_maturity(const Question& q) {
    const auto& m = *q.maturity;
    auto known = [](const std::vector<Dimension>& dims, const std::string& id) {
      return std::any_of(dims.begin(), dims.end(), [&](const Dimension& d) { return d.id == id; });
    };
    if (!m.target_group.empty() && !known(in_.target_groups, m.target_group))
      error(InstrumentMaturity, q.pos, "target_group",
            fmt::format("indicator '{}': unknown target group '{}'", q.id, m.target_group));
    if (m.perspective.empty() || !known(in_.perspectives, m.perspective))
      error(InstrumentMaturity, q.pos, "perspective",
            fmt::format("indicator '{}': unknown or missing perspective '{}'", q.id, m.perspective));
    if (m.area.empty() || !known(in_.areas, m.area))
      error(InstrumentMaturity, q.pos, "area",
            fmt::format("indicator '{}': unknown or missing area '{}'", q.id, m.area));
    double last = std::numeric_limits<double>::infinity();
    for (const auto& b : m.register_bands) {
      bool scored = std::any_of(in_.scale.begin(), in_.scale.end(),
                                [&](const Option& o) { return o.id == b.rating && o.score.has_value(); });
      if (!scored)
        error(InstrumentMaturity, b.pos, "register_bands",
              fmt::format("indicator '{}': register band rating '{}' is not a scored scale option", q.id, b.rating));
      if (b.min >= last)
        error(InstrumentBadNumber, b.pos, "register_bands",
              fmt::format("indicator '{}': register bands must go from the highest min down", q.id));
      last = b.min;
    }
  }

  // Topological order of questions by their condition dependencies; reports cycles.
  void order() {
    std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
    std::vector<std::string> out;
    std::vector<std::string> stack;
    std::function<void(const std::string&)> visit = [&](const std::string& id) {
      int& st = state[id];
      if (st == 2) return;
      if (st == 1) {
        auto from = std::find(stack.begin(), stack.end(), id);
        std::string cycle;
        for (auto it = from; it != stack.end(); ++it) cycle += *it + " -> ";
        cycle += id;
        const Question* q = questions_.count(id) ? questions_[id] : nullptr;
        error(InstrumentConditionCycle, q ? q->pos : Pos{}, id, fmt::format("conditions form a cycle: {}", cycle));
        return;
      }
      st = 1;
      stack.push_back(id);
      for (const auto& dep : deps_[id]) visit(dep);
      stack.pop_back();
      state[id] = 2;
      out.push_back(id);
    };
    for (const auto& s : in_.sections)
      for (const auto& q : s.questions)
        if (!q.id.empty()) visit(q.id);
    // Duplicated ids would appear once; keep only first occurrences.
    std::set<std::string> seen;
    in_.evaluation_order.clear();
    for (auto& id : out)
      if (seen.insert(id).second) in_.evaluation_order.push_back(id);
  }
};

}  // namespace

void validate(Instrument& in, Diagnostics& diags) { Validator(in, diags).run(); }

}  // namespace dp::instrument
