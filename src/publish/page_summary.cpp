// The summary of a campaign's results: the public page (/rapporter/{campaign}/sammanfattning, in
// the visitor's language) and the analyst's editor (/admin/campaigns/{campaign}/summary), which
// shows each paragraph's generated text beside the text the public sees and saves or removes an
// edited text per paragraph and language.
#include "core/error.h"
#include "core/ui_text.h"
#include "figures/campaign_data.h"
#include "publish/page_support.h"
#include "publish/pages.h"
#include "publish/summary.h"
#include "storage/campaign_store.h"

namespace dp::publish {

using nlohmann::json;

namespace {

// Paragraphs of a text separated by blank lines, for <p> elements.
json paragraphs(const std::string& text) {
  json out = json::array();
  std::string cur;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += (cur.empty() ? "" : "\n") + line;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct Summary {
  RevisionInfo info;
  storage::Campaign campaign;
  std::vector<SummaryParagraph> generated;
  std::map<std::string, std::map<std::string, SummaryEdit>> edits;
};

Summary summary_of(web::App& app, Site& site, const std::string& slug) {
  Summary s;
  s.info = published_or_404(site, slug);
  s.campaign = figures::find_campaign(site.store(), slug);  // it has a published revision
  s.generated = generated_summary(site, *site.snapshot(), app.templates(), s.campaign, s.info);
  s.edits = summary_edits(s.campaign);
  return s;
}

const SummaryEdit* edit_of(const Summary& s, const std::string& paragraph, Lang lang) {
  auto p = s.edits.find(paragraph);
  if (p == s.edits.end()) return nullptr;
  auto e = p->second.find(lang_code(lang));
  return e == p->second.end() ? nullptr : &e->second;
}

web::Response editor(web::App& app, Site& site, const web::Request& req, const std::string& failed_id,
                     const std::string& failed_text, const std::string& error, int status) {
  Summary s = summary_of(app, site, req.param("campaign"));
  const auto& t = app.templates();
  json blocks = json::array();
  for (const auto& p : s.generated)
    for (Lang lang : {Lang::sv, Lang::en}) {
      const SummaryEdit* e = edit_of(s, p.id, lang);
      std::string id = p.id + "-" + lang_code(lang);
      const std::string& generated = lang == Lang::sv ? p.generated.sv : p.generated.en;
      json b = {{"id", id},
                {"paragraph", p.id},
                {"lang", lang_code(lang)},
                {"heading", p.heading.get(lang) + " (" + lang_code(lang) + ")"},
                {"generated", generated},
                {"text", id == failed_id ? failed_text
                         : e             ? e->text
                                         : generated},
                {"edited", e != nullptr},
                {"stale", e && e->generated != generated}};
      if (id == failed_id) b["error"] = error;
      blocks.push_back(b);
    }
  json ctx = {{"title", t.t(req.lang, "summary.editor_title") + " – " + campaign_title(s.campaign, req.lang)},
              {"nav_campaigns", true},
              {"campaign",
               {{"title", campaign_title(s.campaign, req.lang)},
                {"url", "/admin/campaigns/" + web::url_encode(s.campaign.slug)}}},
              {"public_url", "/rapporter/" + web::url_encode(s.campaign.slug) + "/sammanfattning"},
              {"blocks", blocks},
              {"styles", json::array({{{"href", "/static/collection.css"}}})}};
  if (req.q("done").value_or("") == "saved") ctx["notice"] = t.t(req.lang, "summary.saved");
  return app.page(req, "publish/summary_edit", ctx, status);
}

}  // namespace

web::Response summary_page(web::App& app, Site& site, const web::Request& req) {
  // Not through the page cache: an edit changes the page without a new publication.
  Summary s = summary_of(app, site, req.param("campaign"));
  Lang lang = req.lang;
  json parts = json::array();
  for (const auto& p : s.generated) {
    const SummaryEdit* e = edit_of(s, p.id, lang);
    parts.push_back({{"id", p.id},
                     {"heading", p.heading.get(lang)},
                     {"paragraphs", paragraphs(e ? e->text : p.generated.get(lang))}});
  }
  json ctx = publication_time(s.info.published_at);
  ctx["title"] = app.templates().t(lang, "summary.title") + ": " + campaign_title(s.campaign, lang);
  ctx["campaign_url"] = "/rapporter/" + web::url_encode(s.campaign.slug);
  ctx["revision"] = s.info.revision;
  ctx["parts"] = parts;
  return app.page(req, "publish/summary", ctx);
}

web::Response summary_editor(web::App& app, Site& site, const web::Request& req) {
  return editor(app, site, req, "", "", "", 200);
}

web::Response summary_save(web::App& app, Site& site, const web::Request& req) {
  const std::string paragraph = req.f("paragraph").value_or(""), lang_text = req.f("lang").value_or("");
  Summary s = summary_of(app, site, req.param("campaign"));
  auto p = std::find_if(s.generated.begin(), s.generated.end(), [&](const auto& g) { return g.id == paragraph; });
  if (p == s.generated.end() || (lang_text != "sv" && lang_text != "en"))
    throw Error::not_found("The summary has no paragraph '" + paragraph + "' in '" + lang_text + "'.");
  Lang lang = parse_lang(lang_text);
  const std::string& generated = lang == Lang::sv ? p->generated.sv : p->generated.en;
  std::string text = req.f("reset").has_value() ? "" : req.f("text").value_or("");
  // The generated text saved unchanged is no edit: the paragraph keeps following the figures.
  if (text == generated) text.clear();
  try {
    set_summary_edit(site.store(), s.campaign, paragraph, lang, text, generated);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::BadInput) throw;
    return editor(app, site, req, paragraph + "-" + lang_text, text,
                  ui::fill(app.templates().t(req.lang, "summary.too_long"), {{"max", std::to_string(kMaxSummaryText)}}),
                  422);
  }
  return web::Response::redirect("/admin/campaigns/" + web::url_encode(s.campaign.slug) + "/summary?done=saved#" +
                                 paragraph + "-" + lang_text);
}

}  // namespace dp::publish
