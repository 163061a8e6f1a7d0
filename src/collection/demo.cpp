#include "collection/demo.h"

#include <functional>

#include "collection/accounts.h"
#include "collection/auth.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "core/error.h"
#include "core/ui_text.h"
#include "core/utc_time.h"
#include "instrument/answer_check.h"
#include "instrument/visibility.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"
#include "storage/user_store.h"
#include "web/crypto.h"

namespace dp::collection {
using instrument::Type;
using instrument::Value;

static const char* kOrg = "1440";  // Ale: requisitioned stimulus funds, has home health care: every section shows

instrument::Answers demo_answers(const CampaignContext& ctx, const std::string& org_code) {
  auto attrs = ctx.attributes(org_code);
  auto items = instrument::items(ctx.instrument);
  instrument::Answers answers;
  // Visibility depends on answers; a few rounds reach the fixed point (conditions point forward
  // along evaluation_order, so the chain is short).
  for (int round = 0; round < 10; ++round) {
    instrument::Visibility vis(ctx.instrument, answers, attrs);
    bool changed = false;
    for (const auto& it : items) {
      if (!vis.shown(it.key)) {
        if (answers.erase(it.key)) changed = true;
        continue;
      }
      if (answers.count(it.key)) continue;
      size_t h = std::hash<std::string>{}(it.key);
      Value v;
      switch (it.type) {
        case Type::YesNo:
        case Type::Single: {
          // Prefer the substantive options over "Vet ej"-style ones.
          std::vector<const instrument::Option*> real;
          for (const auto* o : it.options)
            if (o->missing == instrument::Missing::None) real.push_back(o);
          if (real.empty()) real = it.options;
          if (real.empty()) continue;
          v = Value::code(real[h % real.size()]->id);
          break;
        }
        case Type::Multi: {
          std::vector<std::string> codes;
          for (const auto* o : it.options)
            if (!o->exclusive && o->missing == instrument::Missing::None && !o->specify) codes.push_back(o->id);
          if (codes.empty()) {
            if (it.options.empty()) continue;
            codes.push_back(it.options.front()->id);
          }
          v = Value::codes_of({codes[h % codes.size()]});
          break;
        }
        case Type::Number:
        case Type::Percent: {
          double lo = it.question->min.value_or(0), hi = it.question->max.value_or(lo + 200);
          double n = lo + (double)(h % 40);
          if (n > hi) n = hi;
          v = Value::num(n);
          break;
        }
        case Type::Text:
        case Type::Matrix:
          if (it.is_comment) continue;  // comments are optional
          v = Value::text("Exempel");
          break;
      }
      answers[it.key] = v;
      changed = true;
    }
    if (!changed) break;
  }
  return answers;
}

static std::string ensure_user(storage::Store& store, Auth& auth, const NewUser& n) {
  auto u = store.users().find_by_email(n.email);
  int64_t id;
  if (u && u->active) id = u->id;
  else id = add_user(store, n, 0).id;
  // A new random password on every start: the printed one always works, and an old printout
  // never does.
  std::string password = "demo-" + web::random_token(9);
  auth.set_password(id, password);
  return password;
}

DemoSetup setup_demo(storage::Store& store) {
  DemoSetup d;
  Auth auth(store);
  d.org_code = kOrg;
  d.org_name = org_name(store, kOrg);
  d.admin_email = "admin@demo.digipuls.example";
  d.respondent_email = "respondent@demo.digipuls.example";
  d.admin_password =
      ensure_user(store, auth, {d.admin_email, ui::text("demo_users.admin", Lang::sv), "admin", "", "", "sv"});
  d.respondent_password = ensure_user(store, auth,
                                      {d.respondent_email, ui::text("demo_users.respondent", Lang::sv), "respondent",
                                       kOrg, "", "sv", "contact,approver"});

  d.campaign_slug = "ehalsa-2022";
  auto c = store.campaigns().find(d.campaign_slug);
  if (!c) {
    CampaignSpec spec;
    spec.slug = d.campaign_slug;
    spec.instrument_id = "ehalsa-2022";
    spec.year = 2022;
    std::string today = date_of(utc_now_string());
    spec.opens_on = today;
    spec.closes_on = date_of(utc_plus(utc_now_string(), 42 * 86400));
    spec.reminder_dates = {date_of(utc_plus(utc_now_string(), 28 * 86400)),
                           date_of(utc_plus(utc_now_string(), 38 * 86400))};
    spec.mandatory_attribute = "stimulus_requisitioned";
    create_campaign(store, spec);
    c = store.campaigns().find(d.campaign_slug);
  }
  if (c->state == CampaignState::Draft || c->state == CampaignState::Closed)
    change_state(store, d.campaign_slug, "open", 0);

  // Last year's answer for the demo municipality, unless it already has one.
  if (auto prev = store.campaigns().find(std::string("ehalsa-2021"))) {
    auto resp = store.responses().get_or_create(prev->id, kOrg);
    if (resp.status == ResponseStatus::NotStarted) {
      auto ctx = load_campaign(store, prev->id);
      auto answers = demo_answers(ctx, kOrg);
      store.responses().replace(resp.id, answers, ResponseStatus::Submitted, 0, "generate",
                                "demo answers so that the 2022 form can show last year's answers");
      d.seeded_previous = true;
    }
  }
  return d;
}

}  // namespace dp::collection
