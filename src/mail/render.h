#pragma once
// E-mail texts from templates: templates/mail/<kind>.<lang>.txt.mustache (first line
// "Subject: ...", a blank line, then the plain-text body; no escaping) and
// templates/mail/<kind>.<lang>.html.mustache (the HTML alternative, escaped, placed inside
// templates/mail/layout.html.mustache). Kinds: invitation, reminder, login_link, receipt.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/text.h"

namespace dp::mail {

struct Rendered {
  std::string subject;
  std::string text;
  std::string html;
};

// Throws dp::Error (Internal) when the template is missing or broken. `custom`, when not empty,
// replaces the .txt template (an analyst's text for a campaign); its HTML alternative is then the
// text's paragraphs in templates/mail/custom.html.mustache.
Rendered render(const std::string& kind, Lang lang, const nlohmann::json& ctx, const std::string& custom = "");

// The bundled .txt template of a kind and language (the default an analyst starts from).
std::string default_text(const std::string& kind, Lang lang);

// Checks an analyst's text: starts with "Subject: ", is valid mustache, and uses only the
// placeholders given. Returns the problems (empty = good), in English.
std::vector<std::string> check_text(const std::string& text, const std::vector<std::string>& placeholders);

}  // namespace dp::mail
