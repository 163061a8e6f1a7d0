// The analyst's invitation and reminder texts for a campaign: each kind and language with its
// current text (the campaign's own or the bundled default), the placeholders it may use, and a
// preview rendered with example data; saving checks the text first (collection/mail_texts.h).
#include "collection/mail_texts.h"
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "mail/render.h"

namespace dp::collection {

namespace {

nlohmann::json preview(const std::string& kind, Lang lang, const std::string& text) {
  try {
    auto r = mail::render(kind, lang, sample_mail_data(kind, lang), text);
    return {{"subject", r.subject}, {"text", r.text}};
  } catch (const Error&) {
    return nullptr;  // the error is shown with the field
  }
}

web::Response texts_page(Module& m, web::Request& req, const std::string& edited_kind, const std::string& edited_lang,
                         const std::string& edited_text, const nlohmann::json& errors, int status) {
  auto ctxp = m.contexts().get(req.param("campaign"));
  const auto& c = ctxp->campaign;
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "mail_texts.title") + " – " + c.title.get(req.lang);
  ctx["nav_campaigns"] = true;
  ctx["campaign"] = {{"title", c.title.get(req.lang)}, {"url", "/admin/campaigns/" + web::url_encode(c.slug)}};
  nlohmann::json blocks = nlohmann::json::array();
  for (const auto& kind : editable_mail_kinds()) {
    for (Lang lang : {Lang::sv, Lang::en}) {
      std::string code = lang_code(lang), own = campaign_mail_text(c, kind, lang);
      bool edited = kind == edited_kind && code == edited_lang;
      std::string text = edited ? edited_text : own.empty() ? mail::default_text(kind, lang) : own;
      nlohmann::json placeholders = nlohmann::json::array();
      for (const auto& p : mail_placeholders(kind)) placeholders.push_back("{{" + p + "}}");
      nlohmann::json b = {{"kind", kind},
                          {"lang", code},
                          {"id", kind + "-" + code},
                          {"heading", tr(m.app(), req, "mail_texts.kind_" + kind) + " (" + code + ")"},
                          {"text", text},
                          {"custom", !own.empty()},
                          {"placeholders", placeholders},
                          {"preview", preview(kind, lang, text)}};
      if (edited && !errors.empty()) b["error"] = errors[0]["message"];
      blocks.push_back(b);
    }
  }
  ctx["blocks"] = blocks;
  if (req.q("done").value_or("") == "saved") ctx["notice"] = tr(m.app(), req, "mail_texts.saved");
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_campaign_texts", ctx, status);
}

web::Response show(Module& m, web::Request& req) {
  return texts_page(m, req, "", "", "", nlohmann::json::array(), 200);
}

web::Response save(Module& m, web::Request& req) {
  std::string kind = field(req, "kind"), lang_text = field(req, "lang"), text = field(req, "text");
  if (mail_placeholders(kind).empty() || (lang_text != "sv" && lang_text != "en"))
    throw Error::not_found("no such message");
  Lang lang = parse_lang(lang_text);
  if (req.f("preview").has_value()) {
    auto problems = mail::check_text(text, mail_placeholders(kind));
    nlohmann::json errors = nlohmann::json::array();
    if (!problems.empty())
      errors.push_back(
          error_entry(m.app(), req, kind + "-" + lang_text, "mail_text_invalid", {{"detail", join(problems, "; ")}}));
    return texts_page(m, req, kind, lang_text, text, errors, problems.empty() ? 200 : 422);
  }
  try {
    set_campaign_mail_text(m.store(), req.param("campaign"), kind, lang, req.f("reset").has_value() ? "" : text,
                           req.principal.user_id);
  } catch (const FieldError& e) {
    return texts_page(
        m, req, kind, lang_text, text,
        nlohmann::json::array({error_entry(m.app(), req, kind + "-" + lang_text, e.message_key(), e.args())}), 422);
  }
  m.contexts().invalidate();
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(req.param("campaign")) + "/texts?done=saved#" +
                                 kind + "-" + lang_text);
}

}  // namespace

void register_mail_text_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin/campaigns/{campaign}/texts", "admin", handler(m, show));
  add_route(r, "POST", "/admin/campaigns/{campaign}/texts", "admin", handler(m, save));
}

}  // namespace dp::collection
