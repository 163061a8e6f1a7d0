#include "instrument/visibility.h"

#include <algorithm>

namespace dp::instrument {

namespace {
EvalContext context(const Answers* answers, const std::map<std::string, Shown>* shown, const OrgAttributes& org) {
  EvalContext ctx;
  ctx.item = [answers, shown](const std::string& key) -> const Value* {
    if (!answers) return nullptr;
    if (shown) {
      auto s = shown->find(key);
      if (s == shown->end() || s->second != Shown::Yes) return nullptr;
    }
    auto it = answers->find(key);
    return it == answers->end() ? nullptr : &it->second;
  };
  ctx.attr = [&org](const std::string& name) -> Scalar {
    auto it = org.find(name);
    return it == org.end() ? Scalar{} : it->second;
  };
  return ctx;
}
}  // namespace

Visibility::Visibility(const Instrument& in, const Answers& answers, const OrgAttributes& org) {
  auto ctx = context(&answers, &items_, org);
  std::map<const Section*, Shown> section_state;
  auto section_visible = [&](const Section& s) {
    auto it = section_state.find(&s);
    if (it != section_state.end()) return it->second;
    Shown st = !evaluate(s.eligible_if, ctx) ? Shown::NotEligible
               : !evaluate(s.show_if, ctx)   ? Shown::ConditionFalse
                                             : Shown::Yes;
    // Section show_if may depend on answers from questions evaluated later; only cache once its
    // dependencies are known, which evaluation_order guarantees for its own questions.
    section_state[&s] = st;
    if (st == Shown::Yes) sections_shown_.insert(s.id);
    return st;
  };

  auto order = in.evaluation_order;
  if (order.empty())
    for (const auto* q : in.questions()) order.push_back(q->id);
  for (const auto& qid : order) {
    const Question* q = in.question(qid);
    const Section* s = in.section_of(qid);
    if (!q || !s) continue;
    Shown st = section_visible(*s);
    if (st == Shown::Yes) {
      if (!evaluate(q->eligible_if, ctx)) st = Shown::NotEligible;
      else if (!evaluate(q->show_if, ctx)) st = Shown::ConditionFalse;
    }
    if (st == Shown::Yes) questions_shown_.insert(q->id);
    auto set_item = [&](const std::string& key, Shown v, const Row* row) {
      items_[key] = v;
      if (v != Shown::Yes) return;
      // Text annexes: an option's "ange vad" is shown when that option is chosen.
      auto ans = answers.find(key);
      for (const auto& o : q->options) {
        if (!o.specify) continue;
        if (row && !row->options.empty() &&
            std::find(row->options.begin(), row->options.end(), o.id) == row->options.end())
          continue;
        bool chosen = ans != answers.end() && ans->second.has(o.id);
        items_[specify_key(key, o.id)] = chosen ? Shown::Yes : Shown::ConditionFalse;
      }
    };
    if (q->is_matrix()) {
      bool any_row = false;
      for (const auto& r : q->rows) {
        Shown rs = st;
        if (rs == Shown::Yes) {
          if (!evaluate(r.eligible_if, ctx)) rs = Shown::NotEligible;
          else if (!evaluate(r.show_if, ctx)) rs = Shown::ConditionFalse;
        }
        any_row = any_row || rs == Shown::Yes;
        set_item(item_key(*q, &r), rs, &r);
      }
      if (!any_row && st == Shown::Yes) questions_shown_.erase(q->id);
      if (q->comment) items_[comment_key(*q)] = any_row ? Shown::Yes : st == Shown::Yes ? Shown::ConditionFalse : st;
    } else {
      set_item(q->id, st, nullptr);
      if (q->comment) items_[comment_key(*q)] = st;
    }
  }
}

Shown Visibility::item(const std::string& key) const {
  auto it = items_.find(key);
  return it == items_.end() ? Shown::NotEligible : it->second;
}

bool Visibility::question_shown(const std::string& id) const { return questions_shown_.count(id) > 0; }
bool Visibility::section_shown(const std::string& id) const { return sections_shown_.count(id) > 0; }

Answers Visibility::effective(const Answers& answers) const {
  Answers out;
  for (const auto& [k, v] : answers)
    if (shown(k) && !v.empty()) out.emplace(k, v);
  return out;
}

bool eligible(const Instrument& in, const Item& item, const OrgAttributes& org) {
  auto ctx = context(nullptr, nullptr, org);
  const Section* s = in.section_of(item.question->id);
  if (s && !evaluate(s->eligible_if, ctx)) return false;
  if (!evaluate(item.question->eligible_if, ctx)) return false;
  if (item.row && !evaluate(item.row->eligible_if, ctx)) return false;
  return true;
}

}  // namespace dp::instrument
