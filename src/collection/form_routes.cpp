// The response form: the respondent's start page, a campaign's overview, one page per section
// (works without JavaScript: every button posts the form), the autosave endpoint for the script,
// the review page and the submission.
#include <fmt/format.h>
#include <set>

#include "collection/accounts.h"
#include "collection/autosave_body.h"
#include "collection/deadline.h"
#include "collection/form_values.h"
#include "collection/form_view.h"
#include "collection/module.h"
#include "collection/prefill.h"
#include "collection/receipt.h"
#include "collection/responding.h"
#include "collection/web_helpers.h"
#include "storage/campaign_store.h"
#include "storage/user_store.h"
#include "web/authorization.h"

namespace dp::collection {

namespace {

using CtxPtr = std::shared_ptr<const CampaignContext>;

struct Target {
  CtxPtr ctx;
  std::string org;
  std::string base;  // "/respond/<campaign>/<org>"
};

Target target(Module& m, web::Request& req) {
  Target t;
  t.ctx = m.contexts().get(req.param("campaign"));
  t.org = req.param("org");
  if (!t.ctx->org(t.org)) throw Error::not_found("the organisation is not part of this campaign");
  t.base = "/respond/" + web::url_encode(t.ctx->campaign.slug) + "/" + web::url_encode(t.org);
  return t;
}

Translate translator(Module& m, const web::Request& req) {
  return [&m, &req](const std::string& key, const std::map<std::string, std::string>& args) {
    return tr(m.app(), req, key, args);
  };
}

const instrument::Section* section_of(const CampaignContext& ctx, const std::string& id) {
  for (const auto& s : ctx.instrument.sections)
    if (s.id == id) return &s;
  return nullptr;
}

std::optional<PreviousAnswers> prefill_for(Module& m, const CampaignContext& ctx, const std::string& org) {
  auto pc = previous_campaign(m.store(), ctx);
  if (!pc) return std::nullopt;
  auto prev_in = m.contexts().instrument(pc->instrument_id);
  auto p = previous_answers(m.store(), ctx, *pc, *prev_in, org);
  if (p.values.empty()) return std::nullopt;
  return p;
}

// The items a section's page carries: every eligible item of its questions, with annexes.
std::vector<instrument::Item> page_items(const CampaignContext& ctx, const instrument::Section& s,
                                         const std::string& org) {
  auto attrs = ctx.attributes(org);
  std::vector<instrument::Item> out;
  for (auto& it : instrument::items(ctx.instrument)) {
    if (ctx.instrument.section_of(it.question->id) != &s) continue;
    if (!instrument::eligible(ctx.instrument, it, attrs)) continue;
    out.push_back(it);
  }
  return out;
}

nlohmann::json common(Module& m, web::Request& req, const Target& t, const ResponseState& state) {
  const auto& c = t.ctx->campaign;
  nlohmann::json ctx;
  ctx["campaign"] = {{"slug", c.slug}, {"title", c.title.get(req.lang)}, {"year", c.year}, {"closes_on", c.closes_on}};
  ctx["org"] = {{"code", t.org}, {"name", t.ctx->org(t.org)->name}};
  ctx["base"] = t.base;
  ctx["status"] = state.response.status;
  ctx["status_label"] = tr(m.app(), req, std::string("respond.status.") + to_string(state.response.status));
  ctx["editable"] = editable(c, t.org, state.response.status, deadline_today());
  ctx["last_day"] = last_day(c, t.org);
  return ctx;
}

EditState edit_state_of(const Target& t, const ResponseState& state) {
  return edit_state(t.ctx->campaign, t.org, state.response.status, deadline_today());
}

web::Response overview_page(Module& m, web::Request& req, int status);

web::Response not_editable(Module& m, web::Request& req, const Target& t, const ResponseState& state) {
  auto es = edit_state_of(t, state);
  if (es == EditState::PastDeadline) {
    // Refused, not redirected: whoever saves or submits late is told so, with the date.
    if (req.wants_json())
      return web::Response::json_error(409, "closed",
                                       "the closing date " + last_day(t.ctx->campaign, t.org) +
                                           " has passed; only the survey's administrator can extend it");
    if (req.method != "GET") return overview_page(m, req, 409);
  }
  if (req.wants_json())
    return web::Response::json_error(
        409, "locked",
        es == EditState::Submitted ? "the response has been submitted" : "the campaign is not open for answers");
  return web::Response::redirect(t.base);
}

web::Response section_page(Module& m, web::Request& req, const Target& t, const instrument::Section& s,
                           const ResponseState& all, const FormInput& input, int status) {
  // Answers kept outside the routing are not offered for editing (the summaries show them).
  const ResponseState state = form_state(all);
  auto tt = translator(m, req);
  auto ctx = common(m, req, t, state);
  auto prev = prefill_for(m, *t.ctx, t.org);
  auto view = section_view(*t.ctx, t.org, state, s, prev ? &*prev : nullptr, input, req.lang, tt);
  ctx["questions"] = view["questions"];
  ctx["errors"] = view["errors"];
  ctx["has_errors"] = view["has_errors"];
  auto progress = section_progress(*t.ctx, t.org, state.answers, s.id, t.base, req.lang, tt);
  ctx["sections"] = progress;
  int index = 0, count = (int)progress.size();
  std::string prev_url, next_url;
  for (int i = 0; i < count; ++i)
    if (progress[i]["id"] == s.id) {
      index = i + 1;
      if (i > 0) prev_url = progress[i - 1]["url"];
      if (i + 1 < count) next_url = progress[i + 1]["url"];
    }
  ctx["section"] = {
      {"id", s.id},     {"title", s.title.get(req.lang)}, {"help", s.help.get(req.lang)}, {"index", index},
      {"count", count}, {"has_prev", !prev_url.empty()},  {"has_next", !next_url.empty()}};
  ctx["has_prefill"] = prev.has_value();
  if (prev) ctx["prefill_year"] = prev->year;
  ctx["base_version"] = state.response.version;
  ctx["action"] = t.base + "/section/" + s.id;
  ctx["autosave_url"] = "/api" + t.base + "/autosave";
  ctx["saved"] = req.q("saved").has_value() && status == 200;
  ctx["title"] = s.title.get(req.lang) + " – " + t.ctx->campaign.title.get(req.lang);
  ctx["rules"] = json_for_script(form_rules(*t.ctx, t.org, state.answers));
  nlohmann::json strings = nlohmann::json::object();
  for (const char* k : {"js_saving", "js_saved", "js_failed", "js_offline", "js_conflicts", "js_updated_by",
                        "no_answer", "js_problems", "js_locked"})
    strings[k] = tr(m.app(), req, std::string("respond.") + k);
  ctx["strings"] = json_for_script(strings);
  ctx["is_en"] = req.lang == Lang::en;
  return page(m.app(), req, "respond_section", ctx, status, true);
}

// The raw value a page sent for an item, or nullopt when the item was not on the page.
std::optional<std::string> sent_raw(const web::Request& req, const instrument::Item& it) {
  if (!req.f("_o:" + it.key)) return std::nullopt;
  if (it.type == instrument::Type::Multi) {
    std::string joined;
    for (const auto& c : req.f_all(it.key))
      if (!c.empty()) joined += (joined.empty() ? "" : "|") + c;
    return joined;
  }
  return req.f(it.key).value_or("");
}

int64_t parse_version(const std::string& s, const std::string& field) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::bad_input("missing or malformed form field " + field + "; reload the page", Location{{}, 0, 0, field});
  return std::stoll(s);
}

web::Response post_section(Module& m, web::Request& req) {
  auto t = target(m, req);
  const auto* s = section_of(*t.ctx, req.param("section"));
  if (!s) throw Error::not_found("no such section");
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  if (edit_state_of(t, state) != EditState::Editable) return not_editable(m, req, t, state);
  int64_t base = parse_version(field(req, "_base"), "_base");
  std::string action = field(req, "_action");
  if (action.empty()) action = "save";
  auto colon = action.find(':');
  std::string verb = action.substr(0, colon);
  std::string arg = colon == std::string::npos ? "" : action.substr(colon + 1);

  std::optional<PreviousAnswers> prev;
  if (verb == "use_prev" || verb == "use_prev_all") prev = prefill_for(m, *t.ctx, t.org);

  std::vector<RawChange> changes;
  std::map<std::string, std::string> sent;
  for (const auto& it : page_items(*t.ctx, *s, t.org)) {
    auto raw = sent_raw(req, it);
    if (!raw) continue;
    std::string orig = field(req, "_o:" + it.key);
    if (verb == "keep_theirs" && arg == it.key) continue;  // the stored (their) value stays
    if (prev && (verb == "use_prev_all" || arg == it.key)) {
      auto pv = prev->values.find(it.key);
      bool unanswered = !state.answers.count(it.key) || state.answers.at(it.key).empty();
      if (pv != prev->values.end() && (verb == "use_prev" || unanswered)) raw = raw_of(it, pv->second);
    }
    sent[it.key] = *raw;
    if (*raw != orig) changes.push_back({it.key, *raw, base});
  }
  auto outcome = save_changes(m.store(), *t.ctx, state.response.id, changes, req.principal.user_id);
  if (!outcome.problems.empty() || !outcome.conflicts.empty()) {
    FormInput input;
    for (const auto& p : outcome.problems) input.raw[p.item] = sent[p.item];
    for (const auto& c : outcome.conflicts) {
      input.raw[c.item] = sent[c.item];
      input.user_names[c.updated_by] = author_label(m.store(), req.principal, c.updated_by, req.lang);
    }
    input.problems = outcome.problems;
    input.conflicts = outcome.conflicts;
    auto fresh = load_state(m.store(), t.ctx->campaign.id, t.org);
    return section_page(m, req, t, *s, fresh, input, outcome.problems.empty() ? 409 : 422);
  }
  // Where to go next.
  auto progress = section_progress(*t.ctx, t.org, load_state(m.store(), t.ctx->campaign.id, t.org).answers, s->id,
                                   t.base, req.lang, translator(m, req));
  std::string here = t.base + "/section/" + s->id;
  std::string dest = here + "?saved=1";
  for (size_t i = 0; i < progress.size(); ++i) {
    if (progress[i]["id"] != s->id) continue;
    if (verb == "next") dest = i + 1 < progress.size() ? progress[i + 1]["url"].get<std::string>() : t.base + "/review";
    if (verb == "prev" && i > 0) dest = progress[i - 1]["url"];
  }
  if (verb == "review") dest = t.base + "/review";
  if ((verb == "use_prev" || verb == "keep_theirs" || verb == "keep_mine") && !arg.empty() && arg.size() < 100)
    dest = here + "?saved=1#" + field_id(arg);
  return web::Response::redirect(dest);
}

web::Response autosave(Module& m, web::Request& req) {
  auto t = target(m, req);
  auto body = parse_autosave_body(req.body);
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  if (edit_state_of(t, state) != EditState::Editable) return not_editable(m, req, t, state);
  auto outcome = save_changes(m.store(), *t.ctx, state.response.id, body.changes, req.principal.user_id);
  auto tt = translator(m, req);
  auto index = instrument::item_index(t.ctx->instrument);
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : outcome.conflicts) {
    const auto& it = index.at(c.item);
    conflicts.push_back(
        {{"item", c.item},
         {"version", c.version},
         {"theirs_raw", c.theirs.kind == instrument::Value::Kind::Number ? number_for_form(c.theirs.number, req.lang)
                                                                         : raw_of(it, c.theirs)},
         {"theirs_text", c.theirs.empty() ? tr(m.app(), req, "respond.no_answer") : display_of(it, c.theirs, req.lang)},
         {"by", author_label(m.store(), req.principal, c.updated_by, req.lang)},
         {"at", c.updated_at.size() >= 16 ? c.updated_at.substr(11, 5) + " UTC" : c.updated_at}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : outcome.problems)
    problems.push_back(
        {{"item", p.item}, {"field_id", field_id(p.item)}, {"code", p.code}, {"message", problem_message(p, tt)}});
  // Changes others made since the script last heard from the server, so it can show them.
  nlohmann::json updates = nlohmann::json::array();
  std::set<std::string> mine(outcome.saved.begin(), outcome.saved.end());
  if (body.since >= 0)
    for (const auto& a : m.store().responses().answers(state.response.id)) {
      if (a.version <= body.since || mine.count(a.item) || a.updated_by == req.principal.user_id) continue;
      auto it = index.find(a.item);
      if (it == index.end()) continue;
      updates.push_back(
          {{"item", a.item},
           {"version", a.version},
           {"raw", a.value.kind == instrument::Value::Kind::Number ? number_for_form(a.value.number, req.lang)
                                                                   : raw_of(it->second, a.value)},
           {"by", author_label(m.store(), req.principal, a.updated_by, req.lang)}});
    }
  return web::Response::json({{"ok", outcome.problems.empty() && outcome.conflicts.empty()},
                              {"version", outcome.version},
                              {"saved", outcome.saved},
                              {"conflicts", conflicts},
                              {"problems", problems},
                              {"updates", updates}});
}

web::Response overview(Module& m, web::Request& req) { return overview_page(m, req, 200); }

web::Response overview_page(Module& m, web::Request& req, int status) {
  auto t = target(m, req);
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  auto tt = translator(m, req);
  auto ctx = common(m, req, t, state);
  auto progress = section_progress(*t.ctx, t.org, state.answers, "", t.base, req.lang, tt);
  ctx["sections"] = progress;
  int answered = 0, required = 0;
  for (const auto& p : progress) {
    answered += p["answered"].get<int>();
    required += p["required"].get<int>();
  }
  ctx["progress"] = {{"answered", answered},
                     {"required", required},
                     {"text", tr(m.app(), req, "respond.total_progress",
                                 {{"answered", std::to_string(answered)}, {"required", std::to_string(required)}})}};
  std::string first_open;
  for (const auto& p : progress)
    if (!p["done"].get<bool>() && first_open.empty()) first_open = p["url"];
  ctx["continue_url"] = first_open.empty() ? t.base + "/review" : first_open;
  ctx["started"] = state.response.status != ResponseStatus::NotStarted;
  ctx["description"] = t.ctx->instrument.description.get(req.lang);
  ctx["title"] = t.ctx->campaign.title.get(req.lang) + " – " + t.ctx->org(t.org)->name;
  ctx["submitted"] = state.response.status == ResponseStatus::Submitted;
  ctx["just_submitted"] = req.q("submitted").has_value();
  ctx["campaign_not_open"] = edit_state_of(t, state) == EditState::NotOpen;
  ctx["past_deadline"] = edit_state_of(t, state) == EditState::PastDeadline;
  ctx["campaign_state"] = tr(m.app(), req, std::string("states.") + to_string(t.ctx->campaign.state));
  if (!state.response.updated_at.empty()) {
    int64_t last_by = 0;
    for (const auto& [k, a] : state.stored)
      if (a.updated_at == state.response.updated_at) last_by = a.updated_by;
    ctx["last_saved"] = {
        {"at", state.response.updated_at.substr(0, 10) + " " + state.response.updated_at.substr(11, 5) + " UTC"},
        {"by", author_label(m.store(), req.principal, last_by, req.lang)}};
  }
  if (!state.response.submitted_at.empty())
    ctx["submitted_info"] = {{"at", state.response.submitted_at.substr(0, 10)},
                             {"by", author_label(m.store(), req.principal, state.response.submitted_by, req.lang)}};
  nlohmann::json colleagues = nlohmann::json::array();
  for (const auto& u : m.store().users().list({Role::Respondent, t.org, "", false}))
    colleagues.push_back(
        {{"name", u.name.empty() ? u.email : u.name}, {"email", u.email}, {"is_me", u.id == req.principal.user_id}});
  ctx["colleagues"] = colleagues;
  if (web::decide("org_manage:o", req.principal, {{"o", t.org}}, m.app().lookups) == web::Decision::Allow)
    ctx["team_url"] = "/team/" + web::url_encode(t.org);
  ctx["has_colleagues"] = !colleagues.empty();
  if (state.response.status == ResponseStatus::Submitted || !ctx["editable"].get<bool>())
    ctx["summary"] = answer_summary(*t.ctx, t.org, state.answers, req.lang, kept_outside_routing(state));
  return page(m.app(), req, "respond_overview", ctx, status);
}

web::Response review(Module& m, web::Request& req, int status, const std::string& error) {
  auto t = target(m, req);
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  if (edit_state_of(t, state) != EditState::Editable) return not_editable(m, req, t, state);
  auto tt = translator(m, req);
  auto ctx = common(m, req, t, state);
  ctx["title"] = tr(m.app(), req, "respond.review_title") + " – " + t.ctx->campaign.title.get(req.lang);
  ctx["sections"] = section_progress(*t.ctx, t.org, state.answers, "", t.base, req.lang, tt);
  auto index = instrument::item_index(t.ctx->instrument);
  nlohmann::json missing = nlohmann::json::array();
  auto entry = [&](const std::string& item, const std::string& msg) -> nlohmann::json {
    auto found = index.find(item);
    if (found == index.end()) return {{"label", msg}, {"message", ""}, {"section", ""}, {"url", t.base}};
    const auto& it = found->second;
    const auto* s = t.ctx->instrument.section_of(it.question->id);
    std::string label = it.question->label.get(req.lang);
    if (it.row) label += " – " + it.row->label.get(req.lang);
    return {{"label", label},
            {"message", msg},
            {"section", s->title.get(req.lang)},
            {"url", t.base + "/section/" + s->id + "#" + field_id(item)}};
  };
  auto check_message = [&](const std::string& id) {
    for (const auto& c : t.ctx->instrument.checks)
      if (c.id == id) return c.message.get(req.lang);
    return id;
  };
  for (const auto& p : submission_problems(*t.ctx, t.org, state.answers)) {
    std::string msg = p.code == "missing" ? tr(m.app(), req, "respond.not_answered")
                      : p.code == "check" ? check_message(p.args.at("check"))
                                          : problem_message({p.item, p.code, p.message, p.args}, tt);
    missing.push_back(entry(p.item, msg));
  }
  ctx["missing"] = missing;
  ctx["has_missing"] = !missing.empty();
  ctx["missing_count"] = missing.size();
  // Warnings do not stop the submission: the respondent confirms or corrects, and the analyst
  // sees the flag in the verification list.
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto* c : flagged_checks(*t.ctx, t.org, state.answers))
    if (!c->blocking) warnings.push_back(entry(check_item(*t.ctx, *c), c->message.get(req.lang)));
  ctx["warnings"] = warnings;
  ctx["has_warnings"] = !warnings.empty();
  ctx["summary"] = answer_summary(*t.ctx, t.org, state.answers, req.lang, kept_outside_routing(state));
  ctx["base_version"] = state.response.version;
  // Only the approver signs off and submits (web::decide, policy org_submit); everyone else is
  // told who can, or that nobody can until the contact appoints an approver.
  ctx["may_submit"] =
      web::decide("org_submit:o", req.principal, {{"o", t.org}}, m.app().lookups) == web::Decision::Allow;
  std::string approvers;
  for (const auto& u : m.store().users().list({Role::Respondent, t.org, "", false}))
    if (u.duties.has(Role::Approver))
      approvers += (approvers.empty() ? "" : ", ") + (u.name.empty() ? u.email : u.name);
  ctx["no_approver"] = approvers.empty();
  ctx["approvers"] = approvers;
  if (!error.empty()) {
    ctx["submit_error"] = error;
  }
  return page(m.app(), req, "respond_review", ctx, status);
}

web::Response landing(Module& m, web::Request& req) {
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "respond.landing_title");
  nlohmann::json rows = nlohmann::json::array();
  std::string org = req.principal.org_code;
  if (!org.empty()) {
    for (const auto& c : m.store().campaigns().list()) {
      if (c.state == CampaignState::Draft) continue;
      auto ctxp = m.contexts().get(std::to_string(c.id));
      if (!ctxp->org(org)) continue;
      ResponseStatus status = ResponseStatus::NotStarted;
      for (const auto& r : m.store().responses().list(c.id))
        if (r.org_code == org) status = r.status;
      rows.push_back({{"title", c.title.get(req.lang)},
                      {"url", "/respond/" + web::url_encode(c.slug) + "/" + web::url_encode(org)},
                      {"closes_on", c.closes_on},
                      {"state", tr(m.app(), req, std::string("states.") + to_string(c.state))},
                      {"status", tr(m.app(), req, std::string("respond.status.") + to_string(status))},
                      {"editable", editable(c, org, status, deadline_today())}});
    }
    ctx["org_name"] = org_name(m.store(), org);
  }
  ctx["campaigns"] = rows;
  ctx["has_campaigns"] = !rows.empty();
  ctx["is_admin"] = req.principal.is(Role::Admin);
  return page(m.app(), req, "respond_landing", ctx);
}

web::Response section_form(Module& m, web::Request& req) {
  auto t = target(m, req);
  const auto* s = section_of(*t.ctx, req.param("section"));
  if (!s) throw Error::not_found("no such section");
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  if (edit_state_of(t, state) != EditState::Editable) return not_editable(m, req, t, state);
  return section_page(m, req, t, *s, state, {}, 200);
}

web::Response review_page(Module& m, web::Request& req) { return review(m, req, 200, ""); }

web::Response submit(Module& m, web::Request& req) {
  auto t = target(m, req);
  auto state = load_state(m.store(), t.ctx->campaign.id, t.org);
  if (edit_state_of(t, state) != EditState::Editable) return not_editable(m, req, t, state);
  try {
    submit_response(m.store(), *t.ctx, state.response.id, req.principal.user_id, m.app().config().base_url);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::BadInput) return review(m, req, 422, tr(m.app(), req, "respond.submit_blocked"));
    throw;
  }
  m.mail_queued();
  return web::Response::redirect(t.base + "?submitted=1");
}

}  // namespace

void register_form_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/respond", "respondent", handler(m, landing));
  add_route(r, "GET", "/respond/{campaign}/{org}", "org_write:org", handler(m, overview));
  add_route(r, "GET", "/respond/{campaign}/{org}/section/{section}", "org_write:org", handler(m, section_form));
  add_route(r, "POST", "/respond/{campaign}/{org}/section/{section}", "org_write:org", handler(m, post_section));
  add_route(r, "POST", "/api/respond/{campaign}/{org}/autosave", "org_write:org", handler(m, autosave));
  add_route(r, "GET", "/respond/{campaign}/{org}/review", "org_write:org", handler(m, review_page));
  add_route(r, "POST", "/respond/{campaign}/{org}/submit", "org_submit:org", handler(m, submit));
}

}  // namespace dp::collection
