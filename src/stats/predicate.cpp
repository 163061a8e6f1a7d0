#include "stats/predicate.h"

#include <cmath>

#include "core/error.h"

namespace dp::stats {

using instrument::Expr;
using instrument::Scalar;
using Op = Expr::Op;

namespace {

// The evaluator's comparison: -1/0/1, or not comparable (mismatched types, a missing value).
bool scalar_compare(const Scalar& a, const Scalar& b, int* out) {
  if (a.index() != b.index() || std::holds_alternative<std::monostate>(a)) return false;
  if (auto* x = std::get_if<double>(&a)) {
    double y = std::get<double>(b);
    *out = *x < y ? -1 : (*x > y ? 1 : 0);
  } else if (auto* x = std::get_if<bool>(&a)) {
    *out = (int)*x - (int)std::get<bool>(b);
  } else {
    int c = std::get<std::string>(a).compare(std::get<std::string>(b));
    *out = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return true;
}

bool holds(Op op, int c) {
  switch (op) {
    case Op::Eq: return c == 0;
    case Op::Ne: return c != 0;
    case Op::Lt: return c < 0;
    case Op::Le: return c <= 0;
    case Op::Gt: return c > 0;
    case Op::Ge: return c >= 0;
    default: return false;
  }
}

Op mirror(Op op) {
  switch (op) {
    case Op::Lt: return Op::Gt;
    case Op::Le: return Op::Ge;
    case Op::Gt: return Op::Lt;
    case Op::Ge: return Op::Le;
    default: return op;
  }
}

bool is_attr(const Expr& e) { return e.op == Op::Ref && e.ref.rfind("org.", 0) == 0; }

bool truthy_scalar(const Scalar& s) {
  if (auto* b = std::get_if<bool>(&s)) return *b;
  if (auto* d = std::get_if<double>(&s)) return *d != 0;
  if (auto* str = std::get_if<std::string>(&s)) return !str->empty() && *str != "0" && *str != "false";
  return false;
}

// A dictionary value of an attribute as the evaluator's scalar.
Scalar attr_scalar(const AttrColumn& col, uint32_t code) {
  if (!code) return {};
  const std::string& v = col.values[code - 1];
  if (col.type == "bool") return v == "true";
  return v;
}

}  // namespace

const PredicateCompiler::ItemSets* PredicateCompiler::item_sets(const std::string& key) {
  auto it = items_.find(key);
  if (it != items_.end()) return it->second.get();
  const ItemColumn* col = ds_.item(key);
  if (!col) {
    items_.emplace(key, nullptr);
    return nullptr;
  }
  auto sets = std::make_unique<ItemSets>();
  size_t n = ds_.size();
  sets->answered = OrgSet(n);
  sets->single = OrgSet(n);
  if (col->kind == ItemColumn::Kind::Number) {
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(col->numbers[i])) {
        sets->answered.set(i);
        sets->single.set(i);
      }
  } else {
    sets->has.assign(col->options.size(), OrgSet(n));
    // One pass over the column: a word of 64 organisations at a time per output set.
    col->codes.visit([&](const auto& v) {
      size_t nb = col->options.size();
      std::vector<uint64_t> acc(nb);
      for (size_t w = 0; w * 64 < n; ++w) {
        size_t lo = w * 64, hi = std::min(n, lo + 64);
        uint64_t ans = 0, one = 0;
        std::fill(acc.begin(), acc.end(), 0);
        for (size_t i = lo; i < hi; ++i) {
          uint64_t c = v[i];
          if (!c) continue;
          uint64_t bit = 1ull << (i - lo);
          ans |= bit;
          if ((c & (c - 1)) == 0) one |= bit;
          for (uint64_t x = c; x; x &= x - 1) acc[(size_t)std::countr_zero(x)] |= bit;
        }
        sets->answered.data()[w] = ans;
        sets->single.data()[w] = one;
        for (size_t b = 0; b < nb; ++b) sets->has[b].data()[w] = acc[b];
      }
    });
    if (col->none_chosen.size() == n) sets->answered |= col->none_chosen;
  }
  auto* raw = sets.get();
  items_.emplace(key, std::move(sets));
  return raw;
}

const OrgSet& PredicateCompiler::answered(const std::string& item) {
  static const OrgSet kEmpty;
  const ItemSets* s = item_sets(item);
  if (s) return s->answered;
  auto key = "answered(" + item + ")";
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, std::make_unique<OrgSet>(none())).first;
  return *it->second;
}

const OrgSet& PredicateCompiler::eval(const instrument::Condition& c) {
  if (!c.expr) return all();
  auto it = cache_.find(c.source);
  if (it != cache_.end()) return *it->second;
  auto set = std::make_unique<OrgSet>(eval(*c.expr));
  return *cache_.emplace(c.source, std::move(set)).first->second;
}

OrgSet PredicateCompiler::truthy(const Expr& ref) {
  size_t n = ds_.size();
  if (is_attr(ref)) {
    std::string name = ref.ref.substr(4);
    if (name == "responded") return ds_.responded;
    const AttrColumn* col = ds_.attr(name);
    OrgSet out(n);
    if (!col) return out;
    if (col->type == "number") {
      for (size_t i = 0; i < n; ++i)
        if (!std::isnan(col->numbers[i]) && col->numbers[i] != 0) out.set(i);
      return out;
    }
    std::vector<char> ok(col->values.size() + 1, 0);
    for (size_t k = 0; k < col->values.size(); ++k) ok[k + 1] = truthy_scalar(attr_scalar(*col, (uint32_t)k + 1));
    for (size_t i = 0; i < n; ++i)
      if (ok[col->codes[i]]) out.set(i);
    return out;
  }
  const ItemSets* s = item_sets(ref.ref);
  if (!s) return none();
  const ItemColumn* col = ds_.item(ref.ref);
  if (col->kind == ItemColumn::Kind::Number) {
    OrgSet out(n);
    for (size_t i = 0; i < n; ++i)
      if (!std::isnan(col->numbers[i]) && col->numbers[i] != 0) out.set(i);
    return out;
  }
  OrgSet out = s->single;
  for (size_t b = 0; b < col->options.size(); ++b)
    if (!truthy_scalar(col->options[b])) out.and_not(s->has[b]);
  return out;
}

OrgSet PredicateCompiler::compare(const Expr& ref, Op op, const Scalar& lit) {
  size_t n = ds_.size();
  OrgSet out(n);
  if (ref.op == Op::Count) {
    const ItemColumn* col = ds_.item(ref.args[0]->ref);
    for (size_t i = 0; i < n; ++i) {
      double c = 0;
      if (col && col->kind == ItemColumn::Kind::Codes) c = (double)std::popcount(col->codes.get(i));
      else if (col && !std::isnan(col->numbers[i])) c = 1;
      int r;
      if (scalar_compare(Scalar{c}, lit, &r) && holds(op, r)) out.set(i);
    }
    return out;
  }
  if (is_attr(ref)) {
    std::string name = ref.ref.substr(4);
    if (name == "responded") {
      int r;
      if (scalar_compare(Scalar{true}, lit, &r) && holds(op, r)) out |= ds_.responded;
      if (scalar_compare(Scalar{false}, lit, &r) && holds(op, r)) out |= ds_.responded.complement();
      return out;
    }
    const AttrColumn* col = ds_.attr(name);
    if (!col) return out;
    if (col->type == "number") {
      for (size_t i = 0; i < n; ++i) {
        int r;
        if (!std::isnan(col->numbers[i]) && scalar_compare(Scalar{col->numbers[i]}, lit, &r) && holds(op, r))
          out.set(i);
      }
      return out;
    }
    std::vector<char> ok(col->values.size() + 1, 0);
    for (size_t k = 0; k < col->values.size(); ++k) {
      int r;
      ok[k + 1] = scalar_compare(attr_scalar(*col, (uint32_t)k + 1), lit, &r) && holds(op, r);
    }
    for (size_t i = 0; i < n; ++i)
      if (ok[col->codes[i]]) out.set(i);
    return out;
  }
  const ItemSets* s = item_sets(ref.ref);
  if (!s) return out;
  const ItemColumn* col = ds_.item(ref.ref);
  if (col->kind == ItemColumn::Kind::Number) {
    for (size_t i = 0; i < n; ++i) {
      int r;
      if (!std::isnan(col->numbers[i]) && scalar_compare(Scalar{col->numbers[i]}, lit, &r) && holds(op, r)) out.set(i);
    }
    return out;
  }
  // A code compares as text; only organisations with exactly one chosen option have a value.
  for (size_t b = 0; b < col->options.size(); ++b) {
    int r;
    if (scalar_compare(Scalar{col->options[b]}, lit, &r) && holds(op, r)) out |= s->has[b];
  }
  out &= s->single;
  return out;
}

OrgSet PredicateCompiler::compare_list(const Expr& ref, const std::vector<Scalar>& list) {
  OrgSet out(ds_.size());
  for (const auto& lit : list) out |= compare(ref, Op::Eq, lit);
  return out;
}

OrgSet PredicateCompiler::eval(const Expr& e) {
  switch (e.op) {
    case Op::And: return eval(*e.args[0]) & eval(*e.args[1]);
    case Op::Or: return eval(*e.args[0]) | eval(*e.args[1]);
    case Op::Not: return eval(*e.args[0]).complement();
    case Op::Answered: {
      const Expr& r = *e.args[0];
      if (is_attr(r)) return truthy(r);
      return answered(r.ref);
    }
    case Op::Has: {
      const Expr& l = *e.args[0];
      const Expr& r = *e.args[1];
      if (l.op != Op::Ref || is_attr(l) || r.op != Op::Literal) return none();
      auto* code = std::get_if<std::string>(&r.literal);
      const ItemSets* s = item_sets(l.ref);
      if (!code || !s) return none();
      int b = ds_.item(l.ref)->option_bit(*code);
      return b < 0 ? none() : s->has[(size_t)b];
    }
    case Op::In: {
      const Expr& l = *e.args[0];
      if (l.op != Op::Ref && l.op != Op::Count)
        throw Error::bad_input("the statistics engine needs 'in' on an item or attribute: " + std::string("..."));
      return compare_list(l, e.args[1]->list);
    }
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: {
      const Expr* l = e.args[0].get();
      const Expr* r = e.args[1].get();
      Op op = e.op;
      if (l->op == Op::Literal && r->op != Op::Literal) {
        std::swap(l, r);
        op = mirror(op);
      }
      if (r->op == Op::Literal && (l->op == Op::Ref || l->op == Op::Count)) return compare(*l, op, r->literal);
      if (l->op == Op::Literal && r->op == Op::Literal) {
        int c;
        return scalar_compare(l->literal, r->literal, &c) && holds(op, c) ? all() : none();
      }
      throw Error::bad_input("the statistics engine compares an item or attribute with a literal, not two items");
    }
    case Op::Literal: return truthy_scalar(e.literal) ? all() : none();
    case Op::Ref: return truthy(e);
    // count(x) on its own is true when anything was chosen (an empty selection is answered but
    // counts 0, as in the instrument's evaluator).
    case Op::Count: return compare(e, Op::Gt, Scalar{0.0});
    case Op::List: return e.list.empty() ? none() : all();
  }
  return none();
}

}  // namespace dp::stats
