#include "collection/campaign_context.h"

#include <algorithm>

#include "core/error.h"
#include "instrument/load.h"
#include "instrument/org_attributes.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"

namespace dp::collection {

const registry::Organisation* CampaignContext::org(const std::string& code) const {
  auto it = std::lower_bound(orgs.begin(), orgs.end(), code,
                             [](const registry::Organisation& o, const std::string& c) { return o.code < c; });
  return (it != orgs.end() && it->code == code) ? &*it : nullptr;
}

instrument::OrgAttributes CampaignContext::attributes(const std::string& code) const {
  const auto* o = org(code);
  if (!o) return {};
  auto s = scope.find(code);
  static const std::map<std::string, std::string> none;
  return instrument::org_attributes(*o, s == scope.end() ? none : s->second.attributes, instrument);
}

instrument::Instrument load_instrument(storage::Store& store, const std::string& instrument_id) {
  auto src = store.instruments().source(instrument_id);
  if (!src) throw Error::not_found("instrument '" + instrument_id + "' is not in the database");
  return instrument::load_or_throw(*src, instrument_id + ".yaml");
}

static CampaignContext build(storage::Store& store, storage::Campaign c) {
  CampaignContext ctx;
  ctx.instrument = load_instrument(store, c.instrument_id);
  ctx.size_groups = store.registry().size_groups();
  for (auto& o : store.campaigns().scope(c.id)) ctx.scope.emplace(o.org_code, o);
  for (auto& o : store.registry().list(c.year, c.population_year, ctx.size_groups))
    if (ctx.scope.count(o.code)) ctx.orgs.push_back(std::move(o));
  ctx.campaign = std::move(c);
  return ctx;
}

CampaignContext load_campaign(storage::Store& store, const std::string& id_or_slug) {
  auto c = store.campaigns().find(id_or_slug);
  if (!c) throw Error::not_found("no campaign '" + id_or_slug + "' (see `digipuls campaigns list`)");
  return build(store, std::move(*c));
}

CampaignContext load_campaign(storage::Store& store, int64_t id) {
  auto c = store.campaigns().find(id);
  if (!c) throw Error::not_found("no campaign " + std::to_string(id));
  return build(store, std::move(*c));
}

}  // namespace dp::collection
