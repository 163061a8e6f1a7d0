#include "core/mail_status.h"

#include <nlohmann/json.hpp>

#include "core/named_enum.h"

namespace dp {

const char* to_string(MailStatus s) {
  switch (s) {
    case MailStatus::Queued: return "queued";
    case MailStatus::Sent: return "sent";
    case MailStatus::Failed: return "failed";
    case MailStatus::Dead: return "dead";
    case MailStatus::Logged: return "logged";
  }
  return "";
}

MailStatus parse_mail_status(std::string_view text, const Location& where) {
  return parse_named(kAllMailStatuses, text, "mail status", where);
}

void to_json(nlohmann::json& j, MailStatus s) { j = to_string(s); }

}  // namespace dp
