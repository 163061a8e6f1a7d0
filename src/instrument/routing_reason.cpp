#include "instrument/routing_reason.h"

#include <algorithm>
#include <fmt/format.h>

namespace dp::instrument {

namespace {

std::string scalar_text(const Scalar& s) {
  if (std::holds_alternative<std::monostate>(s)) return "not given";
  if (auto* b = std::get_if<bool>(&s)) return *b ? "true" : "false";
  if (auto* d = std::get_if<double>(&s)) return fmt::format("{}", *d);
  return "'" + std::get<std::string>(s) + "'";
}

std::string code_text(const Question* q, const std::string& code, Lang lang) {
  const Option* o = q ? q->option(code) : nullptr;
  return o ? fmt::format("'{}' ({})", code, o->label.get(lang)) : "'" + code + "'";
}

RoutingInput input_of(const Instrument& in, const std::string& ref, const Answers& answers, const Visibility& vis,
                      const OrgAttributes& org, Lang lang) {
  RoutingInput x;
  x.ref = ref;
  if (ref.rfind("org.", 0) == 0) {
    x.attribute = true;
    auto it = org.find(ref.substr(4));
    x.value = scalar_text(it == org.end() ? Scalar{} : it->second);
    return x;
  }
  auto a = answers.find(ref);
  if (a == answers.end() || a->second.empty()) {
    x.value = "no answer";
    return x;
  }
  if (!vis.shown(ref)) {
    x.value = "not asked itself";
    return x;
  }
  const Question* q = in.question(ref.substr(0, ref.find('.')));
  const Value& v = a->second;
  switch (v.kind) {
    case Value::Kind::Code:
      x.value = code_text(q, v.str, lang);
      x.chosen = {v.str};
      break;
    case Value::Kind::Codes: {
      std::vector<std::string> parts;
      for (const auto& c : v.codes) parts.push_back(code_text(q, c, lang));
      x.value = parts.empty() ? "none chosen" : join(parts, ", ");
      x.chosen = v.codes;
      break;
    }
    case Value::Kind::Number: x.value = fmt::format("{}", v.number); break;
    default: x.value = "'" + v.str.substr(0, 40) + "'"; break;
  }
  return x;
}

}  // namespace

RoutingReason routing_reason(const Instrument& in, const std::string& key, const Answers& answers,
                             const OrgAttributes& org, Lang lang) {
  RoutingReason out;
  Visibility vis(in, answers, org);
  if (vis.shown(key)) return out;
  std::string base = key;
  // An "ange vad" text or a comment follows its item (or question).
  auto colon = key.find(':');
  if (colon != std::string::npos) {
    base = key.substr(0, colon);
    std::string option = key.substr(colon + 1);
    if (option != "comment" && vis.shown(base)) {
      out.rule = fmt::format("its option '{}' is not chosen in {}", option, base);
      out.inputs.push_back(input_of(in, base, answers, vis, org, lang));
      return out;
    }
  }
  std::string qid = base.substr(0, base.find('.'));
  const Question* q = in.question(qid);
  const Section* s = q ? in.section_of(qid) : nullptr;
  if (!q || !s) {
    out.rule = "it is not an item of " + in.id;
    return out;
  }
  const Row* row = base.size() > qid.size() ? q->row(base.substr(qid.size() + 1)) : nullptr;
  EvalContext ctx;
  ctx.item = [&](const std::string& k) -> const Value* {
    if (!vis.shown(k)) return nullptr;
    auto it = answers.find(k);
    return it == answers.end() ? nullptr : &it->second;
  };
  ctx.attr = [&](const std::string& name) -> Scalar {
    auto it = org.find(name);
    return it == org.end() ? Scalar{} : it->second;
  };
  struct Rule {
    const Condition* c;
    bool eligibility;
    std::string whose;
  };
  std::vector<Rule> rules = {{&s->eligible_if, true, "section " + s->id},
                             {&s->show_if, false, "section " + s->id},
                             {&q->eligible_if, true, q->id},
                             {&q->show_if, false, q->id}};
  if (row) {
    rules.push_back({&row->eligible_if, true, base});
    rules.push_back({&row->show_if, false, base});
  }
  for (const auto& r : rules) {
    if (r.c->empty() || evaluate(*r.c, ctx)) continue;
    out.eligibility = r.eligibility;
    out.rule = fmt::format("{} {} \"{}\" is false", r.eligibility ? "the eligibility rule of" : "the condition of",
                           r.whose, r.c->source);
    std::vector<std::string> seen;
    for (const auto& use : references(*r.c->expr)) {
      if (std::find(seen.begin(), seen.end(), use.name) != seen.end()) continue;
      seen.push_back(use.name);
      out.inputs.push_back(input_of(in, use.name, answers, vis, org, lang));
    }
    return out;
  }
  // A matrix comment is hidden when no row is shown.
  out.rule = fmt::format("no row of {} is asked", q->id);
  return out;
}

}  // namespace dp::instrument
