#include "collection/mail_texts.h"

#include <fmt/format.h>

#include "collection/field_error.h"
#include "core/ui_text.h"
#include "core/utc_time.h"
#include "mail/render.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {
constexpr const char* kTexts = "mail_texts";
}

const std::vector<std::string>& editable_mail_kinds() {
  static const std::vector<std::string> kinds = {"invitation", "reminder"};
  return kinds;
}

const std::vector<std::string>& mail_placeholders(const std::string& kind) {
  static const std::vector<std::string> invitation = {"name",        "email", "role_label",  "org_name",
                                                      "county_name", "link",  "expires_days"};
  static const std::vector<std::string> reminder = {"campaign_title", "org_name", "closes_on", "has_draft", "link"};
  static const std::vector<std::string> none;
  if (kind == "invitation") return invitation;
  if (kind == "reminder") return reminder;
  return none;
}

std::string campaign_mail_text(const storage::Campaign& c, const std::string& kind, Lang lang) {
  auto texts = c.settings.find(kTexts);
  if (texts == c.settings.end() || !texts->is_object()) return "";
  auto k = texts->find(kind);
  if (k == texts->end() || !k->is_object()) return "";
  auto t = k->find(lang_code(lang));
  return t != k->end() && t->is_string() ? t->get<std::string>() : "";
}

void set_campaign_mail_text(storage::Store& store, const std::string& key, const std::string& kind, Lang lang,
                            const std::string& text_in, int64_t by_user) {
  if (mail_placeholders(kind).empty()) throw Error::not_found("no editable message " + kind.substr(0, 40));
  std::string text = text_in;
  // Browsers send CRLF from a textarea; the templates use LF.
  for (size_t p; (p = text.find("\r\n")) != std::string::npos;) text.erase(p, 1);
  if (!valid_utf8(text)) throw FieldError("text", "mail_text_invalid", "the text is not UTF-8", {{"detail", "UTF-8"}});
  if (!trim(text).empty()) {
    auto problems = mail::check_text(text, mail_placeholders(kind));
    if (!problems.empty())
      throw FieldError("text", "mail_text_invalid", join(problems, "; "), {{"detail", join(problems, "; ")}});
  }
  store.write_transaction([&] {
    auto c = store.campaigns().find(key);
    if (!c) throw Error::not_found("no campaign " + key);
    if (!c->settings.is_object()) c->settings = nlohmann::json::object();
    auto& texts = c->settings[kTexts];
    if (!texts.is_object()) texts = nlohmann::json::object();
    if (trim(text).empty()) {
      if (texts.contains(kind)) texts[kind].erase(lang_code(lang));
    } else {
      texts[kind][lang_code(lang)] = text;
    }
    store.campaigns().update(*c);
    store.users().log_event(
        {0, utc_now_string(), by_user, "mail_text", "campaign " + c->slug,
         fmt::format("{} ({}) {}", kind, lang_code(lang), trim(text).empty() ? "back to the default" : "edited")});
  });
}

nlohmann::json sample_mail_data(const std::string& kind, Lang lang) {
  if (kind == "invitation")
    return {{"name", "Anna Andersson"},
            {"email", "anna.andersson@ale.se"},
            {"role_label", ui::text("role_names.respondent", lang)},
            {"org_name", "Ale"},
            {"county_name", ""},
            {"link", "https://digipuls.example/invite/EXEMPEL"},
            {"expires_days", 14}};
  return {{"campaign_title", ui::text("mail_text_sample.campaign_title", lang)},
          {"org_name", "Ale"},
          {"closes_on", "2027-02-16"},
          {"has_draft", true},
          {"link", "https://digipuls.example/respond/ehalsa-2027/1440"}};
}

std::optional<storage::Campaign> invitation_campaign(storage::Store& store, const std::string& org_code) {
  if (org_code.empty()) return std::nullopt;
  std::optional<storage::Campaign> best;
  for (const auto& c : store.campaigns().list()) {
    if (c.state != CampaignState::Open || (best && best->id > c.id)) continue;
    for (const auto& o : store.campaigns().scope(c.id))
      if (o.org_code == org_code) {
        best = c;
        break;
      }
  }
  return best;
}

}  // namespace dp::collection
