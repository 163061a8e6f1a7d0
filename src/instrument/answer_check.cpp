#include "instrument/answer_check.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/text.h"

namespace dp::instrument {

std::map<std::string, Item> item_index(const Instrument& in) {
  std::map<std::string, Item> out;
  for (auto& it : items(in)) out.emplace(it.key, it);
  return out;
}

static bool offers(const Item& item, const std::string& code, bool import) {
  auto is = [&](const Option* o) { return o->id == code; };
  return std::any_of(item.options.begin(), item.options.end(), is) ||
         (import && std::any_of(item.import_options.begin(), item.import_options.end(), is));
}

std::optional<Value> parse_value(const Item& item, const std::string& raw_in, std::string* error) {
  std::string raw = item.type == Type::Text ? raw_in : trim(raw_in);
  if (raw.empty()) return Value{};
  if (!valid_utf8(raw)) {
    *error = "not valid UTF-8 text";
    return std::nullopt;
  }
  switch (item.type) {
    case Type::YesNo:
    case Type::Single: return Value::code(raw);
    case Type::Multi: {
      std::vector<std::string> codes;
      for (auto& c : split(raw, '|')) {
        auto t = trim(c);
        if (!t.empty() && std::find(codes.begin(), codes.end(), t) == codes.end()) codes.push_back(t);
      }
      return Value::codes_of(codes);
    }
    case Type::Number:
    case Type::Percent: {
      auto n = parse_number(raw);
      if (!n) {
        *error = fmt::format("'{}' is not a number", raw.substr(0, 40));
        return std::nullopt;
      }
      return Value::num(*n);
    }
    case Type::Text:
    case Type::Matrix: return Value::text(raw);
  }
  return Value{};
}

// `import`: historical microdata may also hold the item's import-only options.
static void check_value(const Item& item, const Value& v, std::vector<AnswerProblem>& out, bool import) {
  auto problem = [&](std::string code, std::string msg, std::map<std::string, std::string> args = {}) {
    out.push_back({item.key, std::move(code), std::move(msg), std::move(args)});
  };
  const Question& q = *item.question;
  switch (item.type) {
    case Type::YesNo:
    case Type::Single:
      if (v.kind != Value::Kind::Code) return problem("bad_value", "expected one option code");
      if (!offers(item, v.str, import))
        problem("unknown_option", fmt::format("'{}' is not an option of {}", v.str.substr(0, 60), item.key),
                {{"option", v.str}});
      return;
    case Type::Multi: {
      if (v.kind != Value::Kind::Codes) return problem("bad_value", "expected a list of option codes");
      bool exclusive_chosen = false;
      for (const auto& c : v.codes) {
        if (!offers(item, c, import)) {
          problem("unknown_option", fmt::format("'{}' is not an option of {}", c.substr(0, 60), item.key),
                  {{"option", c}});
          continue;
        }
        if (q.option(c)->exclusive) exclusive_chosen = true;
      }
      if (exclusive_chosen && v.codes.size() > 1)
        problem("exclusive", fmt::format("{}: an exclusive option cannot be combined with others", item.key));
      return;
    }
    case Type::Number:
    case Type::Percent: {
      if (v.kind != Value::Kind::Number) return problem("bad_value", "expected a number");
      if (!std::isfinite(v.number)) return problem("bad_value", "expected a finite number");
      if (q.integer && std::floor(v.number) != v.number)
        problem("not_integer", fmt::format("{}: {} is not a whole number", item.key, v.number));
      if (q.min && v.number < *q.min)
        problem("below_min", fmt::format("{}: {} is below the minimum {}", item.key, v.number, *q.min),
                {{"min", fmt::format("{}", *q.min)}});
      if (q.max && v.number > *q.max)
        problem("above_max", fmt::format("{}: {} is above the maximum {}", item.key, v.number, *q.max),
                {{"max", fmt::format("{}", *q.max)}});
      return;
    }
    case Type::Text:
    case Type::Matrix:
      if (v.kind != Value::Kind::Text) return problem("bad_value", "expected a text");
      if (!valid_utf8(v.str)) return problem("bad_text", fmt::format("{}: the text is not valid UTF-8", item.key));
      if (v.str.size() > kMaxTextLength)
        problem("too_long", fmt::format("{}: the text is longer than {} characters", item.key, kMaxTextLength),
                {{"max", std::to_string(kMaxTextLength)}});
      return;
  }
}

std::vector<AnswerProblem> check_value(const Item& item, const Value& value, bool import) {
  std::vector<AnswerProblem> out;
  if (!value.empty()) check_value(item, value, out, import);
  return out;
}

std::vector<AnswerProblem> check_answers(const Instrument& in, const Answers& answers, const OrgAttributes& org,
                                         CheckMode mode) {
  std::vector<AnswerProblem> out;
  auto index = item_index(in);
  Visibility vis(in, answers, org);
  for (const auto& [key, value] : answers) {
    auto it = index.find(key);
    if (it == index.end()) {
      out.push_back({key, "unknown_item", fmt::format("'{}' is not an item of {}", key.substr(0, 80), in.id)});
      continue;
    }
    if (value.empty()) continue;
    if (!vis.shown(key)) {
      if (mode == CheckMode::Import)
        out.push_back({key, "not_shown",
                       fmt::format("{} is answered, but it is not asked of this organisation ({})", key,
                                   vis.item(key) == Shown::NotEligible ? "not eligible" : "its condition is false")});
      continue;
    }
    check_value(it->second, value, out, mode == CheckMode::Import);
  }
  if (mode != CheckMode::Draft) {
    for (const auto& item : items(in)) {
      if (item.is_comment || item.specify) continue;
      if (!item.question->mandatory || !vis.shown(item.key)) continue;
      auto a = answers.find(item.key);
      // An empty selection of a multi is an answer ("none of these"); only absence is missing.
      bool missing = a == answers.end() || a->second.empty();
      if (missing) out.push_back({item.key, "missing", fmt::format("{} must be answered", item.key)});
    }
  }
  return out;
}

}  // namespace dp::instrument
