#include "collection/reminders.h"

#include <map>
#include <spdlog/spdlog.h>

#include "collection/accounts.h"
#include "collection/deadline.h"
#include "collection/mail_texts.h"
#include "core/error.h"
#include "core/utc_time.h"
#include "mail/outbox.h"
#include "storage/campaign_store.h"
#include "storage/mail_store.h"
#include "storage/response_store.h"
#include "storage/user_store.h"

namespace dp::collection {

ReminderResult remind_non_responders(storage::Store& store, const CampaignContext& ctx, const std::string& base_url,
                                     int64_t by_user, const std::string& county) {
  if (ctx.campaign.state != CampaignState::Open)
    throw Error::conflict("reminders are sent only while the campaign is open");
  ReminderResult res;
  std::map<std::string, ResponseStatus> status;
  for (const auto& r : store.responses().list(ctx.campaign.id)) status[r.org_code] = r.status;
  store.write_transaction([&] {
    for (const auto& o : ctx.orgs) {
      if (!county.empty() && o.county_code != county) continue;
      ResponseStatus st = status.count(o.code) ? status[o.code] : ResponseStatus::NotStarted;
      if (st == ResponseStatus::Submitted) continue;
      auto people = store.users().list({Role::Respondent, o.code, "", false});
      if (people.empty()) {
        ++res.without_accounts;
        continue;
      }
      ++res.organisations;
      for (const auto& u : people) {
        Lang lang = parse_lang(u.lang);
        mail::Letter l;
        l.kind = "reminder";
        l.to = u.email;
        l.lang = lang;
        l.user_id = u.id;
        l.campaign_id = ctx.campaign.id;
        l.org_code = o.code;
        l.text = campaign_mail_text(ctx.campaign, "reminder", lang);
        l.data = {{"campaign_title", ctx.campaign.title.get(lang)},
                  {"org_name", o.name},
                  {"closes_on", last_day(ctx.campaign, o.code)},
                  {"has_draft", st == ResponseStatus::Draft || st == ResponseStatus::Reopened},
                  {"link", base_url + "/respond/" + ctx.campaign.slug + "/" + o.code}};
        mail::queue(store, l);
        ++res.messages;
      }
    }
    store.users().log_event({0, utc_now_string(), by_user, "remind", "campaign " + ctx.campaign.slug,
                             std::to_string(res.messages) + " message(s) to " + std::to_string(res.organisations) +
                                 " organisation(s)" + (county.empty() ? "" : " in county " + county)});
  });
  return res;
}

int run_scheduled_reminders(storage::Store& store, const std::string& today, const std::string& base_url) {
  int total = 0;
  for (const auto& c : store.campaigns().list()) {
    if (c.state != CampaignState::Open) continue;
    for (const auto& entry : c.reminder_dates) {
      // "-7" falls seven days before the closing date, wherever the closing date now is.
      std::string date = reminder_day(entry, c.closes_on);
      if (date.empty() || date > today) continue;
      // A missed date (the server was down) still runs once, but not one from long ago.
      if (date < date_of(utc_plus(today + "T00:00:00Z", -7 * 86400))) continue;
      if (!store.mail().claim_reminder_run(c.id, date, utc_now_string())) continue;
      auto ctx = load_campaign(store, c.id);
      auto r = remind_non_responders(store, ctx, base_url, 0);
      store.mail().set_reminder_messages(c.id, date, r.messages);
      spdlog::info("scheduled reminder {} for {}: {} message(s)", date, c.slug, r.messages);
      total += r.messages;
    }
  }
  return total;
}

Reminders::Reminders(storage::Store& store, std::string base_url, std::function<void()> on_queued)
    : store_(store),
      base_url_(std::move(base_url)),
      on_queued_(std::move(on_queued)),
      task_([this] { run(); }, [](const std::string& e) { spdlog::error("reminder schedule: {}", e); }) {}

void Reminders::run() {
  if (run_scheduled_reminders(store_, date_of(utc_now_string()), base_url_) > 0 && on_queued_) on_queued_();
}

}  // namespace dp::collection
