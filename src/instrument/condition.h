#pragma once
// Show-if and eligibility conditions: a small expression language over answers and registry
// attributes (grammar in docs/instrument-format.md, "Conditions"). Parsed once into an AST that
// the server evaluates here and the browser evaluates from its JSON form (static/form.js), so
// both apply the same rules; the server is the authority.
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"

namespace dp::instrument {

struct Value;

using Scalar = std::variant<std::monostate, bool, double, std::string>;

struct Expr {
  enum class Op { Literal, List, Ref, Not, And, Or, Eq, Ne, Lt, Le, Gt, Ge, In, Has, Answered, Count };
  Op op = Op::Literal;
  Scalar literal;
  std::vector<Scalar> list;
  std::string ref;  // "q03", "q08.barn_unga", "org.county_code"
  std::vector<std::shared_ptr<const Expr>> args;
  int offset = 0;  // 0-based character offset in the condition's source text
};
using ExprPtr = std::shared_ptr<const Expr>;

struct Condition {
  std::string source;
  ExprPtr expr;  // null = no condition (always true)
  Pos pos;       // where the source string starts in the file

  bool empty() const { return !expr; }
};

struct ParseError {
  int offset;
  std::string message;
};

// Parses a condition. On a syntax error returns nullptr and fills `error`.
ExprPtr parse_condition(const std::string& text, ParseError* error);

// A reference to an item or attribute inside an expression, and the literals it is compared
// with (for the validator's "unknown option" check).
struct RefUse {
  std::string name;
  int offset = 0;
  std::vector<std::string> compared_codes;  // string literals in ==, !=, in, has
  bool numeric = false;                     // used in <, <=, >, >= or compared with a number
};
std::vector<RefUse> references(const Expr& e);

// What the evaluator needs from the world. `item` returns null when the item is unanswered or
// not shown; `attr` returns monostate for an attribute the organisation lacks.
struct EvalContext {
  std::function<const Value*(const std::string& key)> item;
  std::function<Scalar(const std::string& name)> attr;
};

// Evaluates a condition; an empty condition is true. Comparisons with a missing value are false.
bool evaluate(const Condition& c, const EvalContext& ctx);
bool evaluate(const Expr& e, const EvalContext& ctx);

// The AST as JSON for the browser: {"op":"eq","args":[{"op":"ref","ref":"q03"},{"op":"lit","value":"ja"}]}.
nlohmann::json to_json(const Expr& e);

}  // namespace dp::instrument
