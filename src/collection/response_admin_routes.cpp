// One organisation's response as the survey owner and the county coordinator see it: the
// answers (read-only), the audit log of every change, and, for the administrator, reopening a
// submitted response for corrections with a reason.
#include "collection/accounts.h"
#include "collection/form_values.h"
#include "collection/module.h"
#include "collection/receipt.h"
#include "collection/responding.h"
#include "collection/web_helpers.h"
#include "instrument/answer_check.h"
#include "storage/response_store.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

int64_t response_id(const web::Request& req) {
  const auto& s = req.param("response");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found("no such response");
  return std::stoll(s);
}

web::Response view(Module& m, web::Request& req, const nlohmann::json& errors, int status) {
  auto resp = m.store().responses().find(response_id(req));
  if (!resp) throw Error::not_found("no such response");
  auto ctxp = m.contexts().get(std::to_string(resp->campaign_id));
  nlohmann::json ctx;
  const auto& c = ctxp->campaign;
  ctx["title"] = org_name(m.store(), resp->org_code) + " – " + c.title.get(req.lang);
  ctx["nav_campaigns"] = true;
  ctx["campaign"] = {{"title", c.title.get(req.lang)}, {"url", "/admin/campaigns/" + web::url_encode(c.slug)}};
  ctx["org"] = {{"code", resp->org_code}, {"name", org_name(m.store(), resp->org_code)}};
  ctx["response_id"] = resp->id;
  ctx["status"] = tr(m.app(), req, std::string("respond.status.") + to_string(resp->status));
  ctx["submitted"] = resp->status == ResponseStatus::Submitted;
  ctx["can_reopen"] =
      req.principal.is(Role::Admin) && resp->status == ResponseStatus::Submitted && c.state != CampaignState::Published;
  ctx["is_admin"] = req.principal.is(Role::Admin);
  ctx["respond_url"] = "/respond/" + web::url_encode(c.slug) + "/" + web::url_encode(resp->org_code);
  instrument::Answers answers;
  auto stored = m.store().responses().answers(resp->id);
  for (const auto& a : stored) answers[a.item] = a.value;
  ctx["summary"] = answer_summary(*ctxp, resp->org_code, answers, req.lang, outside_routing_items(stored));
  // The verification list for this response: what the instrument's consistency checks flag.
  nlohmann::json flags = nlohmann::json::array();
  for (const auto* chk : flagged_checks(*ctxp, resp->org_code, answers))
    flags.push_back(
        {{"id", chk->id},
         {"severity", tr(m.app(), req, chk->blocking ? "responses.check_error" : "responses.check_warning")},
         {"message", chk->message.get(req.lang)}});
  ctx["flags"] = flags;
  ctx["has_flags"] = !flags.empty();
  auto index = instrument::item_index(ctxp->instrument);
  std::map<int64_t, std::string> names;
  auto name_of = [&](int64_t id) {
    if (id == 0) return tr(m.app(), req, "campaigns.command_line");
    auto it = names.find(id);
    if (it != names.end()) return it->second;
    return names[id] = author_label(m.store(), req.principal, id, req.lang);
  };
  auto shown = [&](const std::string& item, const std::string& json) -> std::string {
    if (json.empty()) return "–";
    auto it = index.find(item);
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (it == index.end() || j.is_discarded()) return json;
    instrument::Value v;
    if (j.is_string())
      v = it->second.type == instrument::Type::Text ? instrument::Value::text(j.get<std::string>())
                                                    : instrument::Value::code(j.get<std::string>());
    else if (j.is_number()) v = instrument::Value::num(j.get<double>());
    else if (j.is_array()) {
      std::vector<std::string> codes;
      for (auto& x : j)
        if (x.is_string()) codes.push_back(x.get<std::string>());
      v = instrument::Value::codes_of(codes);
    }
    return display_of(it->second, v, req.lang);
  };
  nlohmann::json log = nlohmann::json::array();
  auto audit = m.store().responses().audit(resp->id);
  for (auto it = audit.rbegin(); it != audit.rend() && log.size() < 300; ++it) {
    const auto& e = *it;
    bool status_change = e.item.empty();
    log.push_back({{"at", e.at.substr(0, 10) + " " + e.at.substr(11, 5)},
                   {"by", name_of(e.user_id)},
                   {"action", tr(m.app(), req, "responses.actions." + e.action)},
                   {"item", e.item},
                   {"old", status_change ? e.old_value : shown(e.item, e.old_value)},
                   {"new", status_change ? e.new_value : shown(e.item, e.new_value)},
                   {"note", e.note}});
  }
  ctx["audit"] = log;
  ctx["audit_count"] = audit.size();
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_response", ctx, status);
}

web::Response response_page(Module& m, web::Request& req) { return view(m, req, nlohmann::json::array(), 200); }

web::Response reopen(Module& m, web::Request& req) {
  int64_t id = response_id(req);
  auto resp = m.store().responses().find(id);
  if (!resp) throw Error::not_found("no such response");
  try {
    reopen_response(m.store(), id, req.principal.user_id, field(req, "reason"));
  } catch (const FieldError& e) {
    return view(m, req, nlohmann::json::array({error_entry(m.app(), req, e)}), 422);
  }
  return web::Response::redirect("/admin/responses/" + std::to_string(id));
}

}  // namespace

void register_response_admin_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin/responses/{response}", "response_read:response", handler(m, response_page));
  add_route(r, "POST", "/admin/responses/{response}/reopen", "admin", handler(m, reopen));
}

}  // namespace dp::collection
