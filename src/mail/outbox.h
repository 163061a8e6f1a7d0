#pragma once
// Putting messages in the outbox: renders a mail template in the recipient's language and stores
// the result. Call it inside the write transaction of whatever causes the message (an
// invitation, a submission), so that the message exists exactly when the change does.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/text.h"
#include "storage/store.h"

namespace dp::mail {

struct Letter {
  std::string kind;  // invitation | reminder | login_link | receipt (templates/mail/<kind>.*)
  std::string to;
  Lang lang = Lang::sv;
  nlohmann::json data = nlohmann::json::object();  // the template's view model
  std::string secret;  // a one-time link in the body, removed from the stored copy after sending
  int64_t user_id = 0;
  int64_t campaign_id = 0;
  std::string org_code;
  // The analyst's own text for this campaign, in the form of the .txt template ("Subject: ..."
  // line, blank line, body; mustache placeholders); "" = the bundled template.
  std::string text;
};

// Renders and stores; returns the outbox id. Throws dp::Error (BadInput) for a bad address.
int64_t queue(storage::Store& store, const Letter& letter);

}  // namespace dp::mail
