#include "collection/verification.h"

#include <algorithm>

#include "collection/responding.h"
#include "storage/response_store.h"

namespace dp::collection {

std::vector<Flag> verification_list(storage::Store& store, const CampaignContext& ctx) {
  std::vector<Flag> out;
  if (ctx.instrument.checks.empty()) return out;
  for (const auto& r : store.responses().list(ctx.campaign.id)) {
    instrument::Answers answers;
    for (auto& a : store.responses().answers(r.id)) answers[a.item] = a.value;
    const auto* org = ctx.org(r.org_code);
    for (const auto* c : flagged_checks(ctx, r.org_code, answers))
      out.push_back({r.org_code, org ? org->name : r.org_code, r.status, c->id, c->blocking, c->message});
  }
  std::stable_sort(out.begin(), out.end(), [](const Flag& a, const Flag& b) { return a.org_code < b.org_code; });
  return out;
}

}  // namespace dp::collection
