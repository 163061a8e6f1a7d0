#include "instrument/consistency.h"

namespace dp::instrument {

std::vector<const Check*> flagged_checks(const Instrument& in, const Answers& answers, const OrgAttributes& org) {
  std::vector<const Check*> out;
  if (in.checks.empty()) return out;
  Answers shown = Visibility(in, answers, org).effective(answers);
  EvalContext ctx;
  ctx.item = [&shown](const std::string& key) -> const Value* {
    auto it = shown.find(key);
    return it == shown.end() || it->second.empty() ? nullptr : &it->second;
  };
  ctx.attr = [&org](const std::string& name) -> Scalar {
    auto it = org.find(name);
    return it == org.end() ? Scalar{} : it->second;
  };
  for (const auto& c : in.checks)
    if (!c.flag_if.empty() && evaluate(c.flag_if, ctx)) out.push_back(&c);
  return out;
}

}  // namespace dp::instrument
