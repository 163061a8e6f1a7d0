#include "figures/publication.h"

#include <fmt/format.h>
#include <map>
#include <tuple>

#include "core/error.h"
#include "core/utc_time.h"
#include "figures/earlier_figures.h"
#include "storage/campaign_store.h"
#include "storage/stats_store.h"
#include "storage/user_store.h"

namespace dp::figures {

RevisionAudit audit_revision(storage::Store& store, const std::string& campaign, int revision) {
  auto c = find_campaign(store, campaign);
  auto run = store.stats().run(c.id, revision);
  if (!run)
    throw Error::not_found(revision ? fmt::format("{} has no revision {}", c.slug, revision)
                                    : fmt::format("{} has no computed figures; run `digipuls stats compute`", c.slug));
  Computed now = compute_in_memory(store, c.slug, run->profile, {}, /*plan=*/false);
  if (now.input_hash != run->input_hash)
    throw Error::conflict(fmt::format(
        "revision {} of {} was computed from other answers or declarations than the campaign has now, and the audit "
        "needs the answers it counted: compute a new revision (`digipuls stats compute --campaign {}`) and audit that",
        run->revision, c.slug, c.slug));
  auto index = layout_index(now.results);
  for (const auto& f : store.stats().values(run->id)) {
    auto it = index.find({f.key.keyfigure, f.key.cell, f.key.breakdown, f.key.group});
    if (it != index.end())
      now.results.cells[it->second.first].figures[it->second.second] = static_cast<const FigureValue&>(f);
  }
  RevisionAudit out;
  out.run = *run;
  stats::DisclosureAuditor auditor(now.results, now.data.dataset, now.profile,
                                   earlier_published(store, c.id, run->revision, now.results));
  out.report = auditor.audit_all();
  for (const auto& d : out.report.disclosed) {
    std::string by;
    for (const auto& b : d.by) by += (by.empty() ? "" : "; ") + b;
    out.lines.push_back(fmt::format("{}: withheld, but lies in [{}, {}] given {}", auditor.figure_name(d.cell, d.group),
                                    d.low, d.high, by));
  }
  return out;
}

PublishOutcome publish_revision(storage::Store& store, const std::string& campaign, int revision, int64_t by_user,
                                const PublishWhen& when) {
  auto c = find_campaign(store, campaign);
  const std::string now = when.now.empty() ? utc_now_string() : when.now;
  if (!when.at.empty() && (!parse_utc(when.at) || when.at <= now))
    throw Error::bad_input(
        fmt::format("the publication time {} is not after now ({}); leave the time out to publish at once", when.at,
                    now),
        Location{"", 0, 0, "at"});
  if (c.state != CampaignState::Closed && c.state != CampaignState::Published)
    throw Error::conflict(
        fmt::format("{} is {}: figures are published only from a closed campaign, once the answers are in "
                    "(`digipuls campaigns close --campaign {}`)",
                    c.slug, to_string(c.state), c.slug));
  auto audit = audit_revision(store, campaign, revision);
  if (!audit.report.passed())
    throw Error::conflict(fmt::format(
        "revision {} of {} is not published: the disclosure audit finds {} withheld figure(s) "
        "that other published figures disclose, e.g. {} (see `digipuls stats "
        "disclosure-audit --campaign {} --revision {}`)",
        audit.run.revision, c.slug, audit.report.disclosed.size(), audit.lines.front(), c.slug, audit.run.revision));
  if (!when.at.empty() && !audit.run.published_at.empty() && audit.run.published_at <= now)
    throw Error::conflict(
        fmt::format("revision {} of {} has been public since {}; a public revision cannot be moved ahead",
                    audit.run.revision, c.slug, audit.run.published_at));
  PublishOutcome out;
  out.audit = audit.report;
  store.write_transaction([&] {
    store.stats().withdraw_scheduled(c.id, now);
    store.stats().publish_run(audit.run.id, when.at.empty() ? now : when.at);
    if (c.state == CampaignState::Closed) {
      store.campaigns().set_state(c.id, CampaignState::Published);
      store.users().log_event(
          {0, utc_now_string(), by_user, "campaign_state", "campaign " + c.slug, "closed -> published"});
      out.campaign_published = true;
    }
    store.users().log_event(
        {0, utc_now_string(), by_user, "stats_publish", "campaign " + c.slug,
         fmt::format("revision {} {}; disclosure audit passed ({} withheld figures audited)", audit.run.revision,
                     when.at.empty() ? "published" : "scheduled for " + when.at, audit.report.withheld)});
  });
  out.run = *store.stats().run(c.id, audit.run.revision);
  return out;
}

storage::StatRun cancel_scheduled(storage::Store& store, const std::string& campaign, int64_t by_user,
                                  const std::string& now_in) {
  auto c = find_campaign(store, campaign);
  const std::string now = now_in.empty() ? utc_now_string() : now_in;
  std::optional<storage::StatRun> scheduled;
  for (const auto& r : store.stats().runs(c.id))
    if (r.published_at > now) scheduled = r;
  if (!scheduled) throw Error::not_found(fmt::format("{} has no scheduled publication", c.slug));
  store.write_transaction([&] {
    store.stats().withdraw_scheduled(c.id, now);
    store.users().log_event({0, utc_now_string(), by_user, "stats_publish", "campaign " + c.slug,
                             fmt::format("scheduled publication of revision {} at {} withdrawn", scheduled->revision,
                                         scheduled->published_at)});
  });
  return *scheduled;
}

}  // namespace dp::figures
