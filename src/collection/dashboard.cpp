#include "collection/dashboard.h"

#include <map>

#include "core/csv.h"
#include "core/ui_text.h"
#include "mail/transport.h"
#include "storage/mail_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"
#include "storage/user_store.h"

namespace dp::collection {

Dashboard build_dashboard(storage::Store& store, const CampaignContext& ctx, const std::string& county, Lang lang) {
  Dashboard d;
  std::map<std::string, storage::Response> responses;
  for (auto& r : store.responses().list(ctx.campaign.id)) responses[r.org_code] = r;
  std::map<std::string, int> accounts;
  std::map<std::string, bool> approvers;
  for (const auto& u : store.users().list({Role::Respondent, "", "", false})) {
    ++accounts[u.org_code];
    approvers[u.org_code] = approvers[u.org_code] || u.duties.has(Role::Approver);
  }
  std::map<std::string, std::string> county_names;
  for (const auto& c : store.registry().counties()) county_names[c.code] = c.name;
  std::map<std::string, RateRow> counties, sizes;
  for (const auto& o : ctx.orgs) {
    if (!county.empty() && o.county_code != county) continue;
    OrgStatus s;
    s.code = o.code;
    s.name = o.name;
    s.county_code = o.county_code;
    s.county_name = county_names[o.county_code];
    s.size_group = o.size_group;
    if (const auto* g = ctx.size_groups.find(o.size_group)) s.size_label = g->label.get(lang);
    auto sc = ctx.scope.find(o.code);
    s.mandatory = sc == ctx.scope.end() || sc->second.mandatory;
    if (auto r = responses.find(o.code); r != responses.end()) {
      s.status = r->second.status;
      s.response_id = r->second.id;
      s.updated_at = r->second.updated_at;
      s.submitted_at = r->second.submitted_at;
    }
    s.respondents = accounts[o.code];
    s.approver = approvers[o.code];
    if (!s.approver) ++d.without_approver;
    bool answered = s.status == ResponseStatus::Submitted;
    switch (s.status) {
      case ResponseStatus::NotStarted: ++d.not_started; break;
      case ResponseStatus::Draft: ++d.draft; break;
      case ResponseStatus::Submitted: ++d.submitted; break;
      case ResponseStatus::Reopened: ++d.reopened; break;
    }
    for (auto* row : {&d.overall, &counties[o.county_code], &sizes[o.size_group]}) {
      ++row->orgs;
      row->answers += answered;
    }
    if (s.mandatory) {
      ++d.mandatory.orgs;
      d.mandatory.answers += answered;
    }
    d.orgs.push_back(std::move(s));
  }
  // Refused addresses of the organisations in view: the message's organisation, or its account's.
  std::map<std::string, std::string> in_view;
  for (const auto& o : d.orgs) in_view[o.code] = o.name;
  std::map<std::string, size_t> seen;  // newest first: keep the first per address
  for (const auto& m : store.mail().list({MailStatus::Dead, false, "", 0, 5000})) {
    if (m.last_error.rfind(mail::kRejectedPrefix, 0) != 0 || seen.count(to_lower_ascii(m.recipient))) continue;
    std::string org = m.org_code;
    if (org.empty() && m.user_id)
      if (auto u = store.users().find(m.user_id)) org = u->org_code;
    auto it = in_view.find(org);
    if (it == in_view.end()) continue;
    seen[to_lower_ascii(m.recipient)] = d.rejected.size();
    d.rejected.push_back({m.recipient, org, it->second, m.last_error.substr(std::string(mail::kRejectedPrefix).size()),
                          m.created_at, m.id});
  }
  d.overall.key = "all";
  d.overall.label = ui::text("dashboard_words.all", lang);
  d.mandatory.key = "mandatory";
  for (auto& [code, row] : counties) {
    row.key = code;
    row.label = county_names[code];
    d.by_county.push_back(row);
  }
  for (const auto& g : ctx.size_groups.groups) {
    auto it = sizes.find(g.id);
    if (it == sizes.end()) continue;
    it->second.key = g.id;
    it->second.label = g.label.get(lang);
    d.by_size.push_back(it->second);
  }
  if (auto it = sizes.find(""); it != sizes.end()) {
    it->second.key = "";
    it->second.label = ui::text("dashboard_words.unknown_size", lang);
    d.by_size.push_back(it->second);
  }
  sort_sv_by(d.orgs.begin(), d.orgs.end(), [](const OrgStatus& s) { return s.name; });
  return d;
}

std::string status_csv(const Dashboard& d) {
  std::string out = csv::line({"org_code", "name", "county_code", "county", "size_group", "mandatory", "status",
                               "updated_at", "submitted_at", "respondents"});
  for (const auto& s : d.orgs)
    out += csv::line({s.code, s.name, s.county_code, s.county_name, s.size_group, s.mandatory ? "true" : "false",
                      to_string(s.status), s.updated_at, s.submitted_at, std::to_string(s.respondents)});
  return out;
}

}  // namespace dp::collection
