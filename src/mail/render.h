#pragma once
// E-mail texts from templates: templates/mail/<kind>.<lang>.txt.mustache (first line
// "Subject: ...", a blank line, then the plain-text body; no escaping) and
// templates/mail/<kind>.<lang>.html.mustache (the HTML alternative, escaped, placed inside
// templates/mail/layout.html.mustache). Kinds: invitation, reminder, login_link, receipt.
#include <nlohmann/json.hpp>
#include <string>

#include "core/text.h"

namespace dp::mail {

struct Rendered {
  std::string subject;
  std::string text;
  std::string html;
};

// Throws dp::Error (Internal) when the template is missing or broken.
Rendered render(const std::string& kind, Lang lang, const nlohmann::json& ctx);

}  // namespace dp::mail
