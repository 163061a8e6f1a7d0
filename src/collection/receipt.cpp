#include "collection/receipt.h"

#include <set>

#include "collection/accounts.h"
#include "collection/form_values.h"
#include "core/ui_text.h"
#include "instrument/visibility.h"
#include "mail/outbox.h"
#include "storage/response_store.h"
#include "storage/user_store.h"

namespace dp::collection {

std::set<std::string> outside_routing_items(const std::vector<storage::StoredAnswer>& answers) {
  std::set<std::string> out;
  for (const auto& a : answers)
    if (a.outside_routing && !a.value.empty()) out.insert(a.item);
  return out;
}

nlohmann::json answer_summary(const CampaignContext& ctx, const std::string& org_code,
                              const instrument::Answers& answers, Lang lang,
                              const std::set<std::string>& outside_routing) {
  bool has_outside = false;
  instrument::Visibility vis(ctx.instrument, answers, ctx.attributes(org_code));
  auto items = instrument::items(ctx.instrument);
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : ctx.instrument.sections) {
    nlohmann::json qs = nlohmann::json::array();
    for (const auto& q : s.questions) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& it : items) {
        if (it.question != &q) continue;
        bool outside = !vis.shown(it.key);
        if (outside && !outside_routing.count(it.key)) continue;
        auto a = answers.find(it.key);
        if (a == answers.end() || a->second.empty()) continue;
        std::string text = display_of(it, a->second, lang);
        nlohmann::json entry = {{"text", text}, {"outside", outside}};
        has_outside = has_outside || outside;
        if (it.row) entry["row"] = it.row->label.get(lang);
        if (it.specify) {
          // "Annat: the text" reads better than a separate line.
          entry["text"] = it.specify->label.get(lang) + ": " + text;
        }
        if (it.is_comment) entry["row"] = ui::text("receipt_words.comment", lang);
        rows.push_back(entry);
      }
      if (!rows.empty()) qs.push_back({{"id", q.id}, {"label", q.label.get(lang)}, {"answers", rows}});
    }
    if (!qs.empty()) sections.push_back({{"id", s.id}, {"title", s.title.get(lang)}, {"questions", qs}});
  }
  return {{"sections", sections}, {"has_sections", !sections.empty()}, {"has_outside", has_outside}};
}

void queue_receipts(storage::Store& store, const CampaignContext& ctx, int64_t response_id, int64_t submitter,
                    const std::string& base_url) {
  auto resp = store.responses().find(response_id);
  if (!resp) return;
  instrument::Answers answers;
  auto stored = store.responses().answers(response_id);
  for (const auto& a : stored) answers[a.item] = a.value;
  auto outside = outside_routing_items(stored);
  auto sub = store.users().find(submitter);
  std::vector<storage::User> to = store.users().list({Role::Respondent, resp->org_code, "", false});
  if (sub && sub->active && sub->org_code != resp->org_code) to.push_back(*sub);
  std::string org = org_name(store, resp->org_code);
  for (const auto& u : to) {
    Lang lang = parse_lang(u.lang);
    nlohmann::json data = answer_summary(ctx, resp->org_code, answers, lang, outside);
    data["campaign_title"] = ctx.campaign.title.get(lang);
    data["org_name"] = org;
    data["submitted_at"] = resp->submitted_at.empty()
                               ? ""
                               : resp->submitted_at.substr(0, 10) + " " + resp->submitted_at.substr(11, 5) + " UTC";
    data["submitted_by"] = sub ? (sub->name.empty() ? sub->email : sub->name + " (" + sub->email + ")") : "Digipuls";
    data["link"] = base_url + "/respond/" + ctx.campaign.slug + "/" + resp->org_code;
    mail::Letter l;
    l.kind = "receipt";
    l.to = u.email;
    l.lang = lang;
    l.data = data;
    l.user_id = u.id;
    l.campaign_id = ctx.campaign.id;
    l.org_code = resp->org_code;
    mail::queue(store, l);
  }
}

}  // namespace dp::collection
