#include "collection/prefill.h"

#include <algorithm>

#include "instrument/answer_check.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"

namespace dp::collection {
using instrument::Comparability;
using instrument::Lineage;

static bool comparable(const Lineage& l, const instrument::Instrument& previous) {
  if (!l.instrument.empty() && l.instrument != previous.id) return false;
  return l.comparability == Comparability::Same || l.comparability == Comparability::Reworded;
}

std::map<std::string, std::string> lineage_map(const instrument::Instrument& current,
                                               const instrument::Instrument& previous) {
  std::map<std::string, std::string> out;
  auto prev_items = instrument::item_index(previous);
  auto add = [&](const std::string& cur, const std::string& prev) {
    if (prev_items.count(prev)) out[cur] = prev;
  };
  for (const auto* q : current.questions()) {
    if (!q->prefill) continue;
    const Lineage* ql = q->continues ? &*q->continues : nullptr;
    if (q->is_matrix()) {
      for (const auto& r : q->rows) {
        if (!r.prefill.value_or(true)) continue;
        std::string prev;
        if (r.continues) {
          if (comparable(*r.continues, previous)) prev = r.continues->id;
        } else if (ql && comparable(*ql, previous)) {
          prev = ql->id + "." + r.id;
        }
        if (prev.empty()) continue;
        std::string cur = instrument::item_key(*q, &r);
        add(cur, prev);
        for (const auto& o : q->options)
          if (o.specify) add(instrument::specify_key(cur, o.id), instrument::specify_key(prev, o.id));
      }
    } else if (ql && comparable(*ql, previous)) {
      add(q->id, ql->id);
      for (const auto& o : q->options)
        if (o.specify) add(instrument::specify_key(q->id, o.id), instrument::specify_key(ql->id, o.id));
    }
    if (q->comment && ql && comparable(*ql, previous)) add(instrument::comment_key(*q), ql->id + ":comment");
  }
  return out;
}

std::optional<storage::Campaign> previous_campaign(storage::Store& store, const CampaignContext& ctx) {
  const auto& in = ctx.instrument;
  if (in.previous.empty()) return std::nullopt;
  std::optional<storage::Campaign> prev;
  for (const auto& c : store.campaigns().list())
    if (c.instrument_id == in.previous && c.id != ctx.campaign.id && (!prev || c.year > prev->year)) prev = c;
  return prev;
}

PreviousAnswers previous_answers(storage::Store& store, const CampaignContext& ctx, const storage::Campaign& campaign,
                                 const instrument::Instrument& previous, const std::string& org_code) {
  const auto& in = ctx.instrument;
  PreviousAnswers out;
  out.campaign_slug = campaign.slug;
  out.year = campaign.year;
  std::optional<storage::Response> resp;
  for (const auto& r : store.responses().list(campaign.id))
    if (r.org_code == org_code) resp = r;
  if (!resp || resp->status == ResponseStatus::NotStarted) return out;
  auto map = lineage_map(in, previous);
  instrument::Answers prev_answers;
  for (auto& a : store.responses().answers(resp->id)) prev_answers[a.item] = a.value;
  auto index = instrument::item_index(in);
  for (const auto& [cur, prev] : map) {
    auto a = prev_answers.find(prev);
    if (a == prev_answers.end() || a->second.empty()) continue;
    const auto& item = index.at(cur);
    instrument::Value v = a->second;
    if (item.type == instrument::Type::Multi && v.kind == instrument::Value::Kind::Code)
      v = instrument::Value::codes_of({v.str});
    // Keep only what the current item accepts: its kind of value and its options (an option may
    // have been dropped since last year).
    auto offers = [&](const std::string& c) {
      return std::any_of(item.options.begin(), item.options.end(), [&](const auto* o) { return o->id == c; });
    };
    using K = instrument::Value::Kind;
    using T = instrument::Type;
    bool ok = false;
    switch (item.type) {
      case T::YesNo:
      case T::Single: ok = v.kind == K::Code && offers(v.str); break;
      case T::Multi: {
        std::vector<std::string> kept;
        for (const auto& c : v.codes)
          if (offers(c)) kept.push_back(c);
        ok = v.kind == K::Codes && !kept.empty();
        v = instrument::Value::codes_of(kept);
        break;
      }
      case T::Number:
      case T::Percent: ok = v.kind == K::Number; break;
      case T::Text:
      case T::Matrix:
        ok = v.kind == K::Text || v.kind == K::Code;
        if (ok) v = instrument::Value::text(v.str);
        break;
    }
    if (ok) out.values[cur] = v;
  }
  return out;
}

}  // namespace dp::collection
