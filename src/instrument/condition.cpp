#include "instrument/condition.h"

#include <cctype>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "instrument/value.h"

namespace dp::instrument {
namespace {

// Grammar (precedence from low to high):
//   expr    := and ("or" and)*
//   and     := unary ("and" unary)*
//   unary   := "not" unary | compare
//   compare := operand (("=="|"!="|"<"|"<="|">"|">="|"in"|"has") operand)?
//   operand := ref | string | number | "true" | "false" | list | "(" expr ")"
//            | "answered" "(" ref ")" | "count" "(" ref ")"
//   ref     := name ("." name)*      name := [A-Za-z_][A-Za-z0-9_]*
//   list    := "[" literal ("," literal)* "]"
class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  ExprPtr parse(ParseError* err) {
    try {
      auto e = parse_or();
      skip_ws();
      if (i_ != s_.size()) fail("unexpected '" + s_.substr(i_, 10) + "'");
      return e;
    } catch (const ParseError& pe) {
      if (err) *err = pe;
      return nullptr;
    }
  }

 private:
  const std::string& s_;
  size_t i_ = 0;
  int depth_ = 0;

  [[noreturn]] void fail(const std::string& msg) { throw ParseError{(int)i_, msg}; }

  void skip_ws() {
    while (i_ < s_.size() && std::isspace((unsigned char)s_[i_])) ++i_;
  }

  bool peek_word(const char* w) {
    skip_ws();
    size_t n = std::strlen(w);
    if (s_.compare(i_, n, w) != 0) return false;
    if (i_ + n < s_.size() && (std::isalnum((unsigned char)s_[i_ + n]) || s_[i_ + n] == '_')) return false;
    return true;
  }

  bool eat_word(const char* w) {
    if (!peek_word(w)) return false;
    i_ += std::strlen(w);
    return true;
  }

  bool eat(const char* tok) {
    skip_ws();
    size_t n = std::strlen(tok);
    if (s_.compare(i_, n, tok) != 0) return false;
    i_ += n;
    return true;
  }

  std::shared_ptr<Expr> node(Expr::Op op, int off) {
    auto e = std::make_shared<Expr>();
    e->op = op;
    e->offset = off;
    return e;
  }

  void enter() {
    if (++depth_ > 64) fail("condition is nested too deeply");
  }

  ExprPtr parse_or() {
    enter();
    auto left = parse_and();
    while (eat_word("or")) {
      auto n = node(Expr::Op::Or, left->offset);
      n->args = {left, parse_and()};
      left = n;
    }
    --depth_;
    return left;
  }

  ExprPtr parse_and() {
    auto left = parse_unary();
    while (eat_word("and")) {
      auto n = node(Expr::Op::And, left->offset);
      n->args = {left, parse_unary()};
      left = n;
    }
    return left;
  }

  ExprPtr parse_unary() {
    skip_ws();
    int off = (int)i_;
    if (eat_word("not")) {
      enter();
      auto n = node(Expr::Op::Not, off);
      n->args = {parse_unary()};
      --depth_;
      return n;
    }
    return parse_compare();
  }

  ExprPtr parse_compare() {
    auto left = parse_operand();
    skip_ws();
    int off = (int)i_;
    struct {
      const char* tok;
      Expr::Op op;
      bool word;
    } ops[] = {{"==", Expr::Op::Eq, false}, {"!=", Expr::Op::Ne, false}, {"<=", Expr::Op::Le, false},
               {">=", Expr::Op::Ge, false}, {"<", Expr::Op::Lt, false},  {">", Expr::Op::Gt, false},
               {"in", Expr::Op::In, true},  {"has", Expr::Op::Has, true}};
    for (auto& o : ops) {
      bool matched = o.word ? eat_word(o.tok) : eat(o.tok);
      if (matched) {
        auto n = node(o.op, off);
        auto right = parse_operand();
        if (o.op == Expr::Op::In && right->op != Expr::Op::List) fail("'in' needs a list: q01 in ['a', 'b']");
        n->args = {left, right};
        return n;
      }
    }
    if (eat("=")) {
      i_ = off;  // point at the '=', not past it
      fail("use '==' to compare");
    }
    return left;
  }

  Scalar parse_literal_scalar() {
    skip_ws();
    if (i_ >= s_.size()) fail("a value is missing");
    char c = s_[i_];
    if (c == '\'' || c == '"') {
      char q = c;
      size_t start = ++i_;
      while (i_ < s_.size() && s_[i_] != q) ++i_;
      if (i_ >= s_.size()) fail("string is not closed");
      std::string v = s_.substr(start, i_ - start);
      ++i_;
      return v;
    }
    if (std::isdigit((unsigned char)c) || c == '-' || c == '.') {
      size_t start = i_;
      if (c == '-') ++i_;
      while (i_ < s_.size() && (std::isdigit((unsigned char)s_[i_]) || s_[i_] == '.')) ++i_;
      std::string num = s_.substr(start, i_ - start);
      char* end = nullptr;
      double d = std::strtod(num.c_str(), &end);
      if (num.empty() || num == "-" || *end != '\0' || !std::isfinite(d)) fail("bad number '" + num + "'");
      return d;
    }
    if (eat_word("true")) return true;
    if (eat_word("false")) return false;
    fail("expected a value ('text', a number, true or false)");
  }

  ExprPtr parse_operand() {
    skip_ws();
    int off = (int)i_;
    if (i_ >= s_.size()) fail("the condition ends too early");
    char c = s_[i_];
    if (c == '(') {
      ++i_;
      enter();
      auto e = parse_or();
      --depth_;
      if (!eat(")")) fail("')' is missing");
      return e;
    }
    if (c == '[') {
      ++i_;
      auto n = node(Expr::Op::List, off);
      skip_ws();
      if (!eat("]")) {
        do {
          n->list.push_back(parse_literal_scalar());
        } while (eat(","));
        if (!eat("]")) fail("']' is missing");
      }
      return n;
    }
    if (c == '\'' || c == '"' || std::isdigit((unsigned char)c) || c == '-' || peek_word("true") ||
        peek_word("false")) {
      auto n = node(Expr::Op::Literal, off);
      n->literal = parse_literal_scalar();
      return n;
    }
    for (auto [word, op] : {std::pair{"answered", Expr::Op::Answered}, std::pair{"count", Expr::Op::Count}}) {
      if (peek_word(word)) {
        size_t save = i_;
        eat_word(word);
        if (eat("(")) {
          auto n = node(op, off);
          auto r = parse_ref();
          n->args = {r};
          if (!eat(")")) fail("')' is missing");
          return n;
        }
        i_ = save;
      }
    }
    return parse_ref();
  }

  ExprPtr parse_ref() {
    skip_ws();
    int off = (int)i_;
    std::string name;
    for (;;) {
      size_t start = i_;
      if (i_ < s_.size() && (std::isalpha((unsigned char)s_[i_]) || s_[i_] == '_')) {
        ++i_;
        while (i_ < s_.size() && (std::isalnum((unsigned char)s_[i_]) || s_[i_] == '_')) ++i_;
      }
      if (start == i_) fail(name.empty() ? "expected a question id or org.<attribute>" : "expected a name after '.'");
      name += s_.substr(start, i_ - start);
      if (i_ < s_.size() && s_[i_] == '.') {
        name += '.';
        ++i_;
        continue;
      }
      break;
    }
    for (const char* kw : {"and", "or", "not", "in", "has", "true", "false"})
      if (name == kw) {
        i_ = off;
        fail("expected a question id or value, found '" + name + "'");
      }
    auto n = node(Expr::Op::Ref, off);
    n->ref = name;
    return n;
  }
};

void collect(const Expr& e, std::vector<RefUse>& out) {
  auto literal_codes = [](const Expr& x, RefUse& use) {
    if (x.op == Expr::Op::Literal) {
      if (auto* s = std::get_if<std::string>(&x.literal)) use.compared_codes.push_back(*s);
      if (std::holds_alternative<double>(x.literal)) use.numeric = true;
    } else if (x.op == Expr::Op::List) {
      for (auto& v : x.list)
        if (auto* s = std::get_if<std::string>(&v)) use.compared_codes.push_back(*s);
    }
  };
  switch (e.op) {
    case Expr::Op::Ref: out.push_back({e.ref, e.offset, {}, false}); return;
    case Expr::Op::Eq:
    case Expr::Op::Ne:
    case Expr::Op::In:
    case Expr::Op::Has:
    case Expr::Op::Lt:
    case Expr::Op::Le:
    case Expr::Op::Gt:
    case Expr::Op::Ge: {
      bool ordering = e.op == Expr::Op::Lt || e.op == Expr::Op::Le || e.op == Expr::Op::Gt || e.op == Expr::Op::Ge;
      for (int side = 0; side < 2; ++side) {
        const Expr& a = *e.args[side];
        const Expr& b = *e.args[1 - side];
        if (a.op == Expr::Op::Ref) {
          RefUse use{a.ref, a.offset, {}, ordering};
          literal_codes(b, use);
          out.push_back(use);
        } else if (a.op != Expr::Op::Literal && a.op != Expr::Op::List) {
          collect(a, out);
        }
      }
      return;
    }
    case Expr::Op::Count: out.push_back({e.args[0]->ref, e.args[0]->offset, {}, false}); return;
    default:
      for (auto& a : e.args) collect(*a, out);
  }
}

// A value as a scalar for comparisons; Codes are handled by the callers.
Scalar operand_value(const Expr& e, const EvalContext& ctx) {
  switch (e.op) {
    case Expr::Op::Literal: return e.literal;
    case Expr::Op::Ref: {
      if (e.ref.rfind("org.", 0) == 0) return ctx.attr ? ctx.attr(e.ref.substr(4)) : Scalar{};
      const Value* v = ctx.item ? ctx.item(e.ref) : nullptr;
      if (!v || v->empty()) return {};
      switch (v->kind) {
        case Value::Kind::Code:
        case Value::Kind::Text: return v->str;
        case Value::Kind::Number: return v->number;
        case Value::Kind::Codes: return v->codes.size() == 1 ? Scalar{v->codes[0]} : Scalar{};
        default: return {};
      }
    }
    case Expr::Op::Count: {
      const Value* v = ctx.item ? ctx.item(e.args[0]->ref) : nullptr;
      if (!v) return 0.0;
      if (v->kind == Value::Kind::Codes) return (double)v->codes.size();
      return v->empty() ? 0.0 : 1.0;
    }
    default: return evaluate(e, ctx);
  }
}

int compare_scalars(const Scalar& a, const Scalar& b, bool* comparable) {
  *comparable = false;
  if (a.index() != b.index() || std::holds_alternative<std::monostate>(a)) return 0;
  *comparable = true;
  if (auto* x = std::get_if<double>(&a)) {
    double y = std::get<double>(b);
    return *x < y ? -1 : (*x > y ? 1 : 0);
  }
  if (auto* x = std::get_if<bool>(&a)) return (int)*x - (int)std::get<bool>(b);
  return std::get<std::string>(a).compare(std::get<std::string>(b));
}

bool truthy(const Scalar& s) {
  if (auto* b = std::get_if<bool>(&s)) return *b;
  if (auto* d = std::get_if<double>(&s)) return *d != 0;
  if (auto* str = std::get_if<std::string>(&s)) return !str->empty() && *str != "0" && *str != "false";
  return false;
}

}  // namespace

ExprPtr parse_condition(const std::string& text, ParseError* error) {
  if (text.size() > 4000) {
    if (error) *error = ParseError{0, "condition is too long (over 4000 characters)"};
    return nullptr;
  }
  // Literals end up in JSON for the browser, which must be valid UTF-8.
  if (!valid_utf8(text)) {
    if (error) *error = ParseError{0, "condition is not valid UTF-8 (or contains a NUL byte)"};
    return nullptr;
  }
  return Parser(text).parse(error);
}

std::vector<RefUse> references(const Expr& e) {
  std::vector<RefUse> out;
  collect(e, out);
  return out;
}

bool evaluate(const Condition& c, const EvalContext& ctx) { return !c.expr || evaluate(*c.expr, ctx); }

bool evaluate(const Expr& e, const EvalContext& ctx) {
  switch (e.op) {
    case Expr::Op::And: return evaluate(*e.args[0], ctx) && evaluate(*e.args[1], ctx);
    case Expr::Op::Or: return evaluate(*e.args[0], ctx) || evaluate(*e.args[1], ctx);
    case Expr::Op::Not: return !evaluate(*e.args[0], ctx);
    case Expr::Op::Answered: {
      const Value* v = ctx.item ? ctx.item(e.args[0]->ref) : nullptr;
      // As in answer_check: an empty selection of a multi is an answer ("none of these").
      return v && !v->empty();
    }
    case Expr::Op::Has: {
      const Expr& l = *e.args[0];
      Scalar want = operand_value(*e.args[1], ctx);
      auto* w = std::get_if<std::string>(&want);
      if (!w) return false;
      if (l.op == Expr::Op::Ref && l.ref.rfind("org.", 0) != 0) {
        const Value* v = ctx.item ? ctx.item(l.ref) : nullptr;
        return v && v->has(*w);
      }
      return false;
    }
    case Expr::Op::In: {
      Scalar l = operand_value(*e.args[0], ctx);
      if (std::holds_alternative<std::monostate>(l)) return false;
      for (auto& item : e.args[1]->list) {
        bool ok;
        if (compare_scalars(l, item, &ok) == 0 && ok) return true;
      }
      return false;
    }
    case Expr::Op::Eq:
    case Expr::Op::Ne:
    case Expr::Op::Lt:
    case Expr::Op::Le:
    case Expr::Op::Gt:
    case Expr::Op::Ge: {
      Scalar a = operand_value(*e.args[0], ctx), b = operand_value(*e.args[1], ctx);
      bool ok;
      int c = compare_scalars(a, b, &ok);
      if (!ok) return false;  // a missing value or mismatched types: the comparison does not hold
      switch (e.op) {
        case Expr::Op::Eq: return c == 0;
        case Expr::Op::Ne: return c != 0;
        case Expr::Op::Lt: return c < 0;
        case Expr::Op::Le: return c <= 0;
        case Expr::Op::Gt: return c > 0;
        default: return c >= 0;
      }
    }
    case Expr::Op::Literal: return truthy(e.literal);
    case Expr::Op::Ref:
    case Expr::Op::Count: return truthy(operand_value(e, ctx));
    case Expr::Op::List: return !e.list.empty();
  }
  return false;
}

static nlohmann::json scalar_json(const Scalar& s) {
  if (auto* b = std::get_if<bool>(&s)) return *b;
  if (auto* d = std::get_if<double>(&s)) return *d;
  if (auto* str = std::get_if<std::string>(&s)) return *str;
  return nullptr;
}

nlohmann::json to_json(const Expr& e) {
  static const char* names[] = {"lit", "list", "ref", "not", "and", "or",  "eq",       "ne",
                                "lt",  "le",   "gt",  "ge",  "in",  "has", "answered", "count"};
  nlohmann::json j;
  j["op"] = names[(int)e.op];
  if (e.op == Expr::Op::Literal) j["value"] = scalar_json(e.literal);
  if (e.op == Expr::Op::List) {
    j["values"] = nlohmann::json::array();
    for (auto& v : e.list) j["values"].push_back(scalar_json(v));
  }
  if (e.op == Expr::Op::Ref) j["ref"] = e.ref;
  if (!e.args.empty()) {
    j["args"] = nlohmann::json::array();
    for (auto& a : e.args) j["args"].push_back(to_json(*a));
  }
  return j;
}

}  // namespace dp::instrument
