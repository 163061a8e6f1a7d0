// The survey owner's campaign pages: the list, creating a campaign from an instrument version,
// the dashboard (status per organisation, response rates in the shape of Bilaga 1, filters, CSV,
// reminders, state changes) and the settings (dates, reminder schedule, eligibility attributes).
// County coordinators see the list and the dashboard for their county, read-only.
#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "collection/accounts.h"
#include "collection/campaign_admin.h"
#include "collection/campaigns.h"
#include "collection/dashboard.h"
#include "collection/deadline.h"
#include "collection/module.h"
#include "collection/reminders.h"
#include "collection/web_helpers.h"
#include "core/swedish_time.h"
#include "core/utc_time.h"
#include "instrument/org_attributes.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/mail_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"
#include "storage/stats_store.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

std::string pct(double v, Lang lang) { return format_number(v, 1, lang) + " %"; }

nlohmann::json rate_json(const RateRow& r, Lang lang) {
  return {
      {"key", r.key}, {"label", r.label}, {"orgs", r.orgs}, {"answers", r.answers}, {"share", pct(r.share(), lang)}};
}

std::string scoped_county(const web::Request& req) {
  if (req.principal.is(Role::Coordinator)) return req.principal.county_code;
  auto c = req.q("county").value_or("");
  return c.size() <= 4 && valid_utf8(c) ? c : "";
}

web::Response campaign_list(Module& m, web::Request& req) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "campaigns.title");
  ctx["nav_campaigns"] = true;
  bool admin = req.principal.is(Role::Admin);
  std::string county = req.principal.is(Role::Coordinator) ? req.principal.county_code : "";
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& c : m.store().campaigns().list()) {
    if (!admin && c.state == CampaignState::Draft) continue;
    auto ctxp = m.contexts().get(std::to_string(c.id));
    int orgs = 0, submitted = 0;
    std::map<std::string, ResponseStatus> st;
    for (const auto& r : m.store().responses().list(c.id)) st[r.org_code] = r.status;
    for (const auto& o : ctxp->orgs) {
      if (!county.empty() && o.county_code != county) continue;
      ++orgs;
      submitted += st[o.code] == ResponseStatus::Submitted;
    }
    rows.push_back({{"slug", c.slug},
                    {"url", "/admin/campaigns/" + web::url_encode(c.slug)},
                    {"title", c.title.get(req.lang)},
                    {"year", c.year},
                    {"state", tr(m.app(), req, std::string("states.") + to_string(c.state))},
                    {"opens_on", c.opens_on},
                    {"closes_on", c.closes_on},
                    {"orgs", orgs},
                    {"submitted", submitted}});
  }
  ctx["campaigns"] = rows;
  ctx["has_campaigns"] = !rows.empty();
  ctx["is_admin"] = admin;
  if (!county.empty()) ctx["county_name"] = county_name(m.store(), county);
  if (admin) {
    auto c = m.store().mail().counts();
    ctx["mail_problems"] = c.failed + c.dead;
    ctx["has_mail_problems"] = c.failed + c.dead > 0;
    ctx["mail_configured"] = m.mail_config().configured();
  }
  return page(m.app(), req, "admin_campaigns", ctx);
}

web::Response new_campaign_page(Module& m, web::Request& req, nlohmann::json form, const nlohmann::json& errors,
                                int status) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "campaigns.new_title");
  ctx["nav_campaigns"] = true;
  std::string chosen = form.value("instrument", "");
  nlohmann::json instruments = nlohmann::json::array();
  std::set<std::string> attrs;
  for (const auto& i : m.store().instruments().list()) {
    if (i.kind != "survey") continue;
    instruments.push_back({{"id", i.id}, {"title", i.title.get(req.lang)}, {"selected", i.id == chosen}});
    try {
      for (const auto& a : m.contexts().instrument(i.id)->attributes)
        if (a.type == "bool") attrs.insert(a.id);
    } catch (const std::exception&) {}
  }
  ctx["instruments"] = instruments;
  nlohmann::json attr_opts = nlohmann::json::array();
  for (const auto& a : attrs)
    attr_opts.push_back({{"id", a}, {"selected", form.value("mandatory_attribute", "") == a}});
  ctx["attributes"] = attr_opts;
  std::set<std::string> chosen_counties;
  if (form.contains("counties"))
    for (const auto& c : form["counties"]) chosen_counties.insert(c.get<std::string>());
  nlohmann::json counties = nlohmann::json::array();
  for (const auto& c : m.store().registry().counties())
    counties.push_back({{"code", c.code},
                        {"name", c.name},
                        {"checked", chosen_counties.count(c.code) > 0},
                        {"input_id", "county-" + c.code}});
  ctx["counties"] = counties;
  std::string scope = form.value("scope", "all");
  ctx["scope_is"] = {{scope, true}};
  ctx["form"] = form;
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_campaign_new", ctx, status);
}

web::Response create(Module& m, web::Request& req) {
  CampaignSpec spec;
  spec.instrument_id = field(req, "instrument");
  spec.slug = trim(field(req, "slug"));
  std::string year = trim(field(req, "year"));
  spec.opens_on = trim(field(req, "opens_on"));
  spec.closes_on = trim(field(req, "closes_on"));
  spec.mandatory_attribute = field(req, "mandatory_attribute");
  std::string scope = field(req, "scope");
  nlohmann::json form = {{"instrument", spec.instrument_id},
                         {"slug", spec.slug},
                         {"year", year},
                         {"opens_on", spec.opens_on},
                         {"closes_on", spec.closes_on},
                         {"reminders", field(req, "reminders")},
                         {"mandatory_attribute", spec.mandatory_attribute},
                         {"scope", scope},
                         {"org_codes", field(req, "org_codes")},
                         {"counties", req.f_all("counties")}};
  for (auto& [k, v] : form.items())
    if (v.is_string() && (!valid_utf8(v.get<std::string>()) || v.get<std::string>().size() > 5000)) v = "";
  if (!form["counties"].is_array()) form["counties"] = nlohmann::json::array();
  for (auto& c : form["counties"])
    if (!valid_utf8(c.get<std::string>())) c = "";
  try {
    if (!year.empty()) {
      auto y = parse_number(year);
      if (!y || *y != (int)*y) throw FieldError("year", "year_invalid", "the year must be a whole number");
      spec.year = (int)*y;
    }
    spec.reminder_dates = parse_reminder_dates(field(req, "reminders"));
    if (scope == "counties") {
      spec.county_codes = req.f_all("counties");
      if (spec.county_codes.empty()) throw FieldError("counties", "counties_required", "choose at least one county");
    } else if (scope == "codes") {
      for (auto& c : split(field(req, "org_codes"), '\n'))
        for (auto& c2 : split(c, ','))
          if (!trim(c2).empty()) spec.org_codes.push_back(trim(c2));
      if (spec.org_codes.empty())
        throw FieldError("org_codes", "org_codes_required", "list at least one organisation code");
    }
    check_spec(m.store(), spec);
    try {
      create_campaign(m.store(), spec);
    } catch (const FieldError&) {
      throw;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::BadInput && e.code() != ErrorCode::Conflict) throw;
      throw FieldError(scope == "codes" ? "org_codes" : "scope", "scope_invalid", e.message(),
                       {{"detail", e.message()}});
    }
  } catch (const FieldError& e) {
    return new_campaign_page(m, req, form, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  std::string slug = spec.slug.empty() ? spec.instrument_id : spec.slug;
  m.store().users().log_event({0, utc_now_string(), req.principal.user_id, "campaign_create", "campaign " + slug,
                               "from " + spec.instrument_id});
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(slug) + "?done=created");
}

struct Filters {
  std::string status, county, size, q;
};

Filters filters_of(const web::Request& req) {
  Filters f;
  f.status = req.q("status").value_or("");
  // A status's name, or not_submitted (every status but submitted); anything else shows all.
  bool known = f.status.empty() || f.status == "not_submitted" ||
               std::any_of(std::begin(kAllResponseStatuses), std::end(kAllResponseStatuses),
                           [&](ResponseStatus s) { return f.status == to_string(s); });
  if (!known) f.status = "";
  f.county = scoped_county(req);
  f.size = req.q("size").value_or("");
  if (f.size.size() > 40 || !valid_utf8(f.size)) f.size = "";
  f.q = req.q("q").value_or("");
  if (f.q.size() > 100 || !valid_utf8(f.q)) f.q = "";
  return f;
}

bool keep(const OrgStatus& s, const Filters& f) {
  if (!f.status.empty()) {
    if (f.status == "not_submitted" ? s.status == ResponseStatus::Submitted : to_string(s.status) != f.status)
      return false;
  }
  if (!f.size.empty() && s.size_group != f.size) return false;
  if (!f.q.empty()) {
    std::string needle = to_lower_ascii(f.q), hay = to_lower_ascii(s.name + " " + s.code);
    if (hay.find(needle) == std::string::npos) return false;
  }
  return true;
}

web::Response dashboard_page(Module& m, web::Request& req) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  const auto& c = ctxp->campaign;
  bool admin = req.principal.is(Role::Admin);
  if (!admin && c.state == CampaignState::Draft) throw Error::not_found("no such campaign");
  auto f = filters_of(req);
  auto d = build_dashboard(m.store(), *ctxp, f.county, req.lang);
  nlohmann::json ctx;
  ctx["title"] = c.title.get(req.lang);
  ctx["nav_campaigns"] = true;
  ctx["campaign"] = {{"slug", c.slug},
                     {"title", c.title.get(req.lang)},
                     {"year", c.year},
                     {"state", c.state},
                     {"state_label", tr(m.app(), req, std::string("states.") + to_string(c.state))},
                     {"instrument", c.instrument_id},
                     {"opens_on", c.opens_on},
                     {"closes_on", c.closes_on},
                     {"reminders", join(c.reminder_dates, ", ")},
                     {"url", "/admin/campaigns/" + web::url_encode(c.slug)},
                     {"published", c.state == CampaignState::Published}};
  ctx["is_admin"] = admin;
  ctx["county_name"] = f.county.empty() ? "" : county_name(m.store(), f.county);
  ctx["counts"] = {{"not_started", d.not_started},
                   {"draft", d.draft},
                   {"submitted", d.submitted},
                   {"reopened", d.reopened},
                   {"total", d.overall.orgs}};
  ctx["overall"] = rate_json(d.overall, req.lang);
  ctx["mandatory"] = rate_json(d.mandatory, req.lang);
  nlohmann::json by_county = nlohmann::json::array(), by_size = nlohmann::json::array();
  for (const auto& r : d.by_county) by_county.push_back(rate_json(r, req.lang));
  for (const auto& r : d.by_size) by_size.push_back(rate_json(r, req.lang));
  ctx["by_county"] = by_county;
  ctx["by_size"] = by_size;
  ctx["show_counties"] = by_county.size() > 1;
  ctx["without_approver"] = d.without_approver;
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& r : d.rejected)
    rejected.push_back({{"email", r.email},
                        {"org", r.org_name},
                        {"code", r.org_code},
                        {"error", r.error},
                        {"at", r.at.substr(0, 10)},
                        {"url", admin ? "/admin/mail/" + std::to_string(r.message_id) : ""}});
  ctx["rejected"] = rejected;
  ctx["has_rejected"] = !rejected.empty();
  nlohmann::json rows = nlohmann::json::array();
  int non_responders = 0;
  for (const auto& s : d.orgs) {
    non_responders += s.status != ResponseStatus::Submitted;
    if (!keep(s, f)) continue;
    std::string badge = s.status == ResponseStatus::Submitted    ? "ok"
                        : s.status == ResponseStatus::NotStarted ? "bad"
                                                                 : "warn";
    rows.push_back({{"code", s.code},
                    {"name", s.name},
                    {"county", s.county_name},
                    {"size", s.size_label},
                    {"mandatory", tr(m.app(), req, s.mandatory ? "campaigns.yes_label" : "campaigns.no_label")},
                    {"status", tr(m.app(), req, std::string("respond.status.") + to_string(s.status))},
                    {"badge", badge},
                    {"updated_at", s.updated_at.substr(0, 10)},
                    {"respondents", s.respondents},
                    {"response_url", s.response_id ? "/admin/responses/" + std::to_string(s.response_id) : ""},
                    {"users_url", "/admin/users?org=" + s.code}});
  }
  ctx["orgs"] = rows;
  ctx["shown"] = rows.size();
  ctx["non_responders"] = non_responders;
  ctx["can_remind"] = admin && c.state == CampaignState::Open && non_responders > 0;
  // Filters, kept in the form and the CSV link.
  ctx["f"] = {{"q", f.q}};
  ctx["status_is"] = {{f.status.empty() ? "any" : f.status, true}};
  nlohmann::json sizes = nlohmann::json::array();
  for (const auto& g : ctxp->size_groups.groups)
    sizes.push_back({{"id", g.id}, {"label", g.label.get(req.lang)}, {"selected", g.id == f.size}});
  ctx["sizes"] = sizes;
  nlohmann::json counties = nlohmann::json::array();
  if (admin)
    for (const auto& co : m.store().registry().counties())
      counties.push_back({{"code", co.code}, {"name", co.name}, {"selected", co.code == f.county}});
  ctx["counties"] = counties;
  std::string qs = "status=" + web::url_encode(f.status) + "&size=" + web::url_encode(f.size) +
                   "&q=" + web::url_encode(f.q) + (admin ? "&county=" + web::url_encode(f.county) : "");
  ctx["csv_url"] = "/admin/campaigns/" + web::url_encode(c.slug) + "/status.csv?" + qs;
  if (admin) {
    nlohmann::json transitions = nlohmann::json::array();
    for (CampaignState to : {CampaignState::Open, CampaignState::Closed, CampaignState::Published})
      if (allowed_transition(c.state, to, d.submitted > 0))
        transitions.push_back({{"to", to},
                               {"label", tr(m.app(), req, std::string("campaigns.to_") + to_string(to))},
                               {"confirm", to == CampaignState::Published},
                               {"publish", to == CampaignState::Published}});
    ctx["transitions"] = transitions;
    // A scheduled publication (figures::publish_revision with a time): announced, not yet public.
    std::string now = utc_now_string();
    for (const auto& r : m.store().stats().runs(c.id))
      if (r.published_at > now) {
        auto local = utc_to_swedish(r.published_at);
        ctx["scheduled"] = {
            {"revision", r.revision}, {"date", local.date}, {"time", local.time}, {"utc", r.published_at}};
      }
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : m.store().users().events("campaign " + c.slug, 15)) {
      auto u = e.user_id ? m.store().users().find(e.user_id) : std::nullopt;
      events.push_back({{"at", e.at.substr(0, 16)},
                        {"action", tr(m.app(), req, "campaigns.events." + e.action)},
                        {"by", u ? u->email : tr(m.app(), req, "campaigns.command_line")},
                        {"note", e.note}});
    }
    ctx["events"] = events;
    ctx["has_events"] = !events.empty();
    auto runs = m.store().mail().reminder_runs(c.id);
    nlohmann::json rj = nlohmann::json::array();
    for (const auto& [date, n] : runs) rj.push_back({{"date", date}, {"messages", n}});
    ctx["reminder_runs"] = rj;
  }
  std::string done = req.q("done").value_or("");
  if (!done.empty() && done.size() < 30) {
    std::string key = "campaigns.done_" + done;
    std::string msg = tr(m.app(), req, key, {{"n", req.q("n").value_or("0").substr(0, 6)}});
    if (msg != key) ctx["notice"] = msg;
  }
  return page(m.app(), req, "admin_dashboard", ctx);
}

web::Response settings_page(Module& m, web::Request& req, const nlohmann::json& errors, int status) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  const auto& c = ctxp->campaign;
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "campaigns.settings_title") + " – " + c.title.get(req.lang);
  ctx["nav_campaigns"] = true;
  ctx["campaign"] = {{"slug", c.slug},
                     {"title", c.title.get(req.lang)},
                     {"opens_on", c.opens_on},
                     {"closes_on", c.closes_on},
                     {"reminders", join(c.reminder_dates, ", ")},
                     {"url", "/admin/campaigns/" + web::url_encode(c.slug)},
                     {"published", c.state == CampaignState::Published}};
  nlohmann::json reminder_days = nlohmann::json::array();
  for (const auto& r : c.reminder_dates)
    if (relative_reminder(r)) reminder_days.push_back({{"entry", r}, {"day", reminder_day(r, c.closes_on)}});
  ctx["reminder_days"] = reminder_days;
  nlohmann::json extensions = nlohmann::json::array();
  for (const auto& [code, o] : ctxp->scope)
    if (last_day(c, code) != c.closes_on)
      extensions.push_back(
          {{"code", code}, {"name", ctxp->org(code) ? ctxp->org(code)->name : code}, {"until", last_day(c, code)}});
  ctx["extensions"] = extensions;
  ctx["has_extensions"] = !extensions.empty();
  nlohmann::json attrs = nlohmann::json::array();
  for (const auto& a : ctxp->instrument.attributes)
    attrs.push_back({{"id", a.id}, {"label", a.label.get(req.lang)}, {"is_bool", a.type == "bool"}});
  ctx["attributes"] = attrs;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& o : ctxp->orgs) {
    const auto& sc = ctxp->scope.at(o.code);
    nlohmann::json values = nlohmann::json::array();
    for (const auto& a : ctxp->instrument.attributes) {
      auto it = sc.attributes.find(a.id);
      std::string v = it == sc.attributes.end() ? "" : it->second;
      auto typed = instrument::typed_value(v, "bool");
      bool on = std::holds_alternative<bool>(typed) && std::get<bool>(typed);
      values.push_back({{"name", "a:" + a.id + ":" + o.code},
                        {"id", "a-" + a.id + "-" + o.code},
                        {"value", v},
                        {"checked", on},
                        {"is_bool", a.type == "bool"},
                        {"label", a.label.get(req.lang)}});
    }
    rows.push_back({{"code", o.code}, {"name", o.name}, {"mandatory", sc.mandatory}, {"values", values}});
  }
  ctx["orgs"] = rows;
  std::string header = "org_code,mandatory";
  for (const auto& a : ctxp->instrument.attributes) header += "," + a.id;
  ctx["csv_header"] = header;
  add_errors(ctx, errors);
  std::string done = req.q("done").value_or("");
  if (done == "schedule" || done == "scope" || done == "extend")
    ctx["notice"] = tr(m.app(), req, "campaigns.done_" + done, {{"n", req.q("n").value_or("").substr(0, 6)}});
  return page(m.app(), req, "admin_campaign_settings", ctx, status);
}

web::Response new_campaign(Module& m, web::Request& req) {
  return new_campaign_page(m, req, {{"year", ""}, {"scope", "all"}}, nlohmann::json::array(), 200);
}

web::Response status_csv_file(Module& m, web::Request& req) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  if (!req.principal.is(Role::Admin) && ctxp->campaign.state == CampaignState::Draft)
    throw Error::not_found("no such campaign");
  auto f = filters_of(req);
  auto d = build_dashboard(m.store(), *ctxp, f.county, req.lang);
  std::vector<OrgStatus> kept;
  for (auto& s : d.orgs)
    if (keep(s, f)) kept.push_back(s);
  d.orgs = kept;
  auto res = web::Response::bytes(status_csv(d), "text/csv; charset=utf-8");
  res.set_header("Content-Disposition", "attachment; filename=\"" + ctxp->campaign.slug + "-status.csv\"");
  return res;
}

web::Response change_campaign_state(Module& m, web::Request& req) {
  std::string slug = req.param("campaign");
  try {
    std::string to = field(req, "to");
    if (to == "published") {
      // The one publish rule (figures::publish_revision): closed, computed, and the audit passes.
      if (!m.publisher()) throw Error::conflict("publishing figures is not available in this server");
      // An optional time (Swedish time, as the form's datetime-local field sends it) schedules it.
      std::string at = field(req, "at");
      std::string utc;
      if (!at.empty()) {
        auto parsed = swedish_to_utc(at);
        if (!parsed) throw Error::bad_input(tr(m.app(), req, "campaigns.bad_publish_at"), Location{"", 0, 0, "at"});
        utc = *parsed;
      }
      m.publisher()(slug, req.principal.user_id, utc);
    } else {
      change_state(m.store(), slug, to, req.principal.user_id);
    }
  } catch (const FieldError& e) {
    throw Error::conflict(tr(m.app(), req, "collect.errors.bad_transition", e.args()));
  }
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(slug) + "?done=state");
}

web::Response remind(Module& m, web::Request& req) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  auto res =
      remind_non_responders(m.store(), *ctxp, m.app().config().base_url, req.principal.user_id, scoped_county(req));
  m.mail_queued();
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(ctxp->campaign.slug) +
                                 "?done=reminded&n=" + std::to_string(res.messages));
}

web::Response settings(Module& m, web::Request& req) { return settings_page(m, req, nlohmann::json::array(), 200); }

web::Response schedule(Module& m, web::Request& req) {
  std::string slug = req.param("campaign");
  try {
    update_schedule(m.store(), slug, field(req, "opens_on"), field(req, "closes_on"), field(req, "reminders"),
                    req.principal.user_id);
  } catch (const FieldError& e) {
    return settings_page(m, req, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(slug) + "/settings?done=schedule");
}

// One organisation gets more time after the closing date (or, with an empty date, loses it).
web::Response extend(Module& m, web::Request& req) {
  std::string slug = req.param("campaign");
  try {
    extend_for_org(m.store(), slug, field(req, "org"), field(req, "until"), req.principal.user_id);
  } catch (const FieldError& e) {
    return settings_page(m, req, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  m.contexts().invalidate();
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(slug) + "/settings?done=extend");
}

web::Response scope(Module& m, web::Request& req) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  std::vector<storage::CampaignOrg> orgs;
  for (const auto& code : req.f_all("orgs")) {
    auto it = ctxp->scope.find(code);
    if (it == ctxp->scope.end()) continue;
    storage::CampaignOrg o = it->second;
    o.mandatory = req.f("m:" + code).has_value();
    for (const auto& a : ctxp->instrument.attributes) {
      std::string name = "a:" + a.id + ":" + code;
      if (a.type == "bool") {
        o.attributes[a.id] = req.f(name) ? "true" : "false";
      } else if (auto v = req.f(name)) {
        std::string t = trim(*v);
        if (!valid_utf8(t) || t.size() > 200) throw FieldError(name, "value_invalid", "not a short text");
        if (a.type == "number" && !t.empty() && !parse_number(t))
          throw FieldError(name, "value_invalid", "not a number");
        if (t.empty()) o.attributes.erase(a.id);
        else o.attributes[a.id] = t;
      }
    }
    orgs.push_back(o);
  }
  set_scope_values(m.store(), *ctxp, orgs, req.principal.user_id);
  m.contexts().invalidate();
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(ctxp->campaign.slug) +
                                 "/settings?done=scope&n=" + std::to_string(orgs.size()));
}

web::Response scope_csv(Module& m, web::Request& req) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  const web::UploadedFile* file = nullptr;
  for (const auto& f : req.files)
    if (f.field == "file") file = &f;
  if (!file || file->data.empty())
    return settings_page(m, req, nlohmann::json::array({error_entry(m.app(), req, "file", "file_required")}), 422);
  size_t n = 0;
  try {
    n = import_scope_csv(m.store(), *ctxp, file->data, file->filename.empty() ? "upload.csv" : file->filename,
                         req.principal.user_id);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::BadInput) throw;
    return settings_page(m, req,
                         nlohmann::json::array({error_entry(m.app(), req, "file", "csv_problems",
                                                            {{"detail", e.message()}}, e.message())}),
                         422);
  }
  m.contexts().invalidate();
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(ctxp->campaign.slug) +
                                 "/settings?done=scope&n=" + std::to_string(n));
}

}  // namespace

void register_campaign_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin", "staff", handler(m, campaign_list));
  add_route(r, "GET", "/admin/campaigns/new", "admin", handler(m, new_campaign));
  add_route(r, "POST", "/admin/campaigns", "admin", handler(m, create));
  add_route(r, "GET", "/admin/campaigns/{campaign}", "staff", handler(m, dashboard_page));
  add_route(r, "GET", "/admin/campaigns/{campaign}/status.csv", "staff", handler(m, status_csv_file));
  add_route(r, "POST", "/admin/campaigns/{campaign}/state", "admin", handler(m, change_campaign_state));
  add_route(r, "POST", "/admin/campaigns/{campaign}/remind", "admin", handler(m, remind));
  add_route(r, "GET", "/admin/campaigns/{campaign}/settings", "admin", handler(m, settings));
  add_route(r, "POST", "/admin/campaigns/{campaign}/schedule", "admin", handler(m, schedule));
  add_route(r, "POST", "/admin/campaigns/{campaign}/scope", "admin", handler(m, scope));
  add_route(r, "POST", "/admin/campaigns/{campaign}/extend", "admin", handler(m, extend));
  add_route(r, "POST", "/admin/campaigns/{campaign}/scope.csv", "admin", handler(m, scope_csv));
}

}  // namespace dp::collection
