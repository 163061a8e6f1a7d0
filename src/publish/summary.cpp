#include "publish/summary.h"

#include <algorithm>

#include "core/error.h"
#include "publish/charts.h"
#include "publish/page_support.h"
#include "storage/store.h"

namespace dp::publish {

namespace {

const char* kSettingsKey = "summary_texts";

// One key figure's sentence: its national value in `year`, the change since the previous
// published year and, where there is one, the panel's change.
std::string keyfigure_sentence(Site& site, const web::Templates& t, const KeyFigureMeta& kf, int year, Lang lang) {
  ValueQuery q;
  q.keyfigure = kf.id;
  q.breakdowns = {"national"};
  auto national = site.data().values(q);
  std::erase_if(national, [&](const Figure& v) { return v.key.year > year; });
  auto at = [&](const std::string& cell) -> const Figure* {
    for (const auto& v : national)
      if (v.key.cell == cell && v.key.year == year) return &v;
    return nullptr;
  };
  if (kf.cells.size() != 1) {
    // A cross table (cells "row.option") is detail for the key figure's page, not a summary.
    if (std::any_of(kf.cells.begin(), kf.cells.end(),
                    [](const CellMeta& c) { return c.id.find('.') != std::string::npos; }))
      return "";
    // Shown values by cell; with more than two, only the highest and the lowest of a share (the
    // parts of other key figures need not share a unit: kronor beside a number of municipalities).
    std::vector<std::pair<const CellMeta*, Figure>> shown;
    for (const auto& c : kf.cells)
      if (const Figure* v = at(c.id))
        if (Figure d = disclosed(*v); d.value) shown.emplace_back(&c, std::move(d));
    auto text = [&](const std::pair<const CellMeta*, Figure>& x) {
      return value_text(x.second.value, x.second.marker, x.second.decimals, kf.is_share(), lang);
    };
    if (shown.empty()) return "";
    if (shown.size() > 2 && !kf.has_count()) return "";  // shares of organisations only
    if (shown.size() <= 2) {
      std::string list;
      for (const auto& x : shown) list += (list.empty() ? "" : "; ") + x.first->label.get(lang) + " " + text(x);
      return ui::fill(t.t(lang, "summary.cells"), {{"title", kf.title.get(lang)}, {"list", list}});
    }
    auto [lo, hi] = std::minmax_element(shown.begin(), shown.end(),
                                        [](const auto& a, const auto& b) { return *a.second.value < *b.second.value; });
    return ui::fill(t.t(lang, "summary.range"), {{"title", kf.title.get(lang)},
                                                 {"high_label", hi->first->label.get(lang)},
                                                 {"high", text(*hi)},
                                                 {"low_label", lo->first->label.get(lang)},
                                                 {"low", text(*lo)},
                                                 {"count", std::to_string(shown.size())}});
  }
  const std::string& cell = kf.cells.front().id;
  const Figure* v = at(cell);
  if (!v) return "";
  Figure d = disclosed(*v);
  if (!d.value) return "";  // hidden or not available: nothing to say in a summary
  std::string s = ui::fill(
      t.t(lang, "summary.keyfigure"),
      {{"title", kf.title.get(lang)}, {"value", value_text(d.value, d.marker, d.decimals, kf.is_share(), lang)}});
  if (std::string change = change_text(kf, cell, national, t, lang); !change.empty())
    s += " " + ui::fill(t.t(lang, "summary.change"), {{"change", change}});
  if (kf.has_panel()) {
    ValueQuery pq{kf.id, {cell}, {"national"}, {}, {year}};
    for (const auto& p : site.data().panel(pq))
      if (auto ch = p.change(); ch && p.n) {
        s += " " + ui::fill(t.t(lang, kf.is_share() ? "summary.panel_points" : "summary.panel"),
                            {{"n", format_integer(*p.n, lang)},
                             {"previous", std::to_string(p.previous)},
                             {"change", signed_number(*ch, p.decimals, lang)}});
      }
  }
  return s;
}

}  // namespace

std::vector<SummaryParagraph> generated_summary(Site& site, const Snapshot& snap, const web::Templates& t,
                                                const storage::Campaign& campaign, const RevisionInfo& info) {
  std::vector<SummaryParagraph> out;
  SummaryParagraph intro{"intro", {t.t(Lang::sv, "summary.intro_heading"), t.t(Lang::en, "summary.intro_heading")}, {}};
  auto when = publication_time(info.published_at);
  for (Lang lang : {Lang::sv, Lang::en}) {
    std::string text = ui::fill(t.t(lang, "summary.intro"), {{"title", campaign_title(campaign, lang)},
                                                             {"year", std::to_string(info.year)},
                                                             {"date", when.value("date", "")},
                                                             {"revision", std::to_string(info.revision)}});
    (lang == Lang::sv ? intro.generated.sv : intro.generated.en) = text;
  }
  out.push_back(intro);
  for (const auto& kf : snap.keyfigures) {
    if (std::find(kf.years.begin(), kf.years.end(), info.year) == kf.years.end()) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.id == kf.theme; });
    if (it == out.end()) {
      out.push_back({kf.theme, kf.theme_label, {}});
      it = out.end() - 1;
    }
    for (Lang lang : {Lang::sv, Lang::en}) {
      std::string s = keyfigure_sentence(site, t, kf, info.year, lang);
      std::string& text = lang == Lang::sv ? it->generated.sv : it->generated.en;
      if (!s.empty()) text += (text.empty() ? "" : " ") + s;
    }
  }
  std::erase_if(out, [](const SummaryParagraph& p) { return p.generated.empty(); });
  return out;
}

std::map<std::string, std::map<std::string, SummaryEdit>> summary_edits(const storage::Campaign& c) {
  std::map<std::string, std::map<std::string, SummaryEdit>> out;
  auto all = c.settings.find(kSettingsKey);
  if (all == c.settings.end() || !all->is_object()) return out;
  for (const auto& [paragraph, langs] : all->items()) {
    if (!langs.is_object()) continue;
    for (const auto& [lang, e] : langs.items())
      if (e.is_object() && e.value("text", "") != "")
        out[paragraph][lang] = {e.value("text", ""), e.value("generated", "")};
  }
  return out;
}

void set_summary_edit(storage::Store& store, storage::Campaign c, const std::string& paragraph, Lang lang,
                      const std::string& text, const std::string& generated) {
  size_t characters = 0;
  for (unsigned char ch : text) characters += (ch & 0xC0) != 0x80;  // UTF-8: not a continuation byte
  if (characters > kMaxSummaryText)
    throw Error::bad_input("the text is longer than " + std::to_string(kMaxSummaryText) + " characters",
                           Location{"", 0, 0, "text"});
  if (!c.settings.is_object()) c.settings = nlohmann::json::object();
  auto& all = c.settings[kSettingsKey];
  if (!all.is_object()) all = nlohmann::json::object();
  auto& langs = all[paragraph];
  if (!langs.is_object()) langs = nlohmann::json::object();
  if (text.empty()) langs.erase(lang_code(lang));
  else langs[lang_code(lang)] = {{"text", text}, {"generated", generated}};
  if (langs.empty()) all.erase(paragraph);
  store.campaigns().update(c);
}

}  // namespace dp::publish
