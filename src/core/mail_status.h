#pragma once
// Where a message in the outbox stands. The database, URLs and templates spell the statuses as
// text ("queued", ...); code compares the enum, and the text is parsed once where it enters
// (storage reads, the outbox filter). In core because storage, below mail, carries it in its rows.
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "core/error.h"

namespace dp {

enum class MailStatus {
  Queued,  // waiting for (another) attempt
  Sent,
  Failed,  // the last attempt failed; another is scheduled
  Dead,    // gave up after the last attempt
  Logged,  // no mail server is configured; kept for the administrator to read
};

constexpr MailStatus kAllMailStatuses[] = {MailStatus::Queued, MailStatus::Sent, MailStatus::Failed, MailStatus::Dead,
                                           MailStatus::Logged};

// The stable names: "queued", "sent", "failed", "dead", "logged".
const char* to_string(MailStatus s);
// Anything else throws dp::Error (BadInput) naming the value, the accepted names and `where`.
MailStatus parse_mail_status(std::string_view text, const Location& where = {});
void to_json(nlohmann::json& j, MailStatus s);

// The administrator may put the message back in the queue ("send again").
inline bool can_retry(MailStatus s) {
  return s == MailStatus::Failed || s == MailStatus::Dead || s == MailStatus::Logged;
}

}  // namespace dp
