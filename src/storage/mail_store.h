#pragma once
// The outbox: every message Digipuls sends, its attempts and its outcome. Messages are written
// here first (in the same transaction as whatever caused them) and sent by a background sender,
// so a failing mail server never loses a message and never fails a web request.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/mail_status.h"

namespace dp::storage {

struct OutboxMessage {
  int64_t id = 0;
  std::string kind;  // invitation | reminder | login_link | receipt | ...
  std::string recipient;
  std::string subject;
  std::string body_text;
  std::string body_html;
  // A one-time link inside the body. It is replaced by a placeholder once the message is sent, so
  // that the database does not keep usable sign-in links.
  std::string secret;
  MailStatus status = MailStatus::Queued;
  int attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::string created_at;
  std::string sent_at;
  int64_t user_id = 0;
  int64_t campaign_id = 0;
  std::string org_code;
};

struct MailAttempt {
  std::string at;
  bool ok = false;
  std::string error;
};

struct OutboxFilter {
  std::optional<MailStatus> status;  // none = any
  bool problems = false;             // only failed or dead messages
  std::string kind;
  int64_t campaign_id = 0;
  int limit = 200;
};

struct OutboxCounts {
  int queued = 0, sent = 0, failed = 0, dead = 0, logged = 0;
  const int& of(MailStatus s) const {
    switch (s) {
      case MailStatus::Queued: return queued;
      case MailStatus::Sent: return sent;
      case MailStatus::Failed: return failed;
      case MailStatus::Dead: return dead;
      case MailStatus::Logged: break;
    }
    return logged;
  }
  int& of(MailStatus s) { return const_cast<int&>(std::as_const(*this).of(s)); }
};

class MailStore {
 public:
  virtual ~MailStore() = default;
  // Stores a new message (status queued unless given) and returns its id.
  virtual int64_t enqueue(const OutboxMessage& m) = 0;
  // Messages whose turn has come: queued or failed with next_attempt_at <= now, oldest first.
  virtual std::vector<OutboxMessage> due(const std::string& now, int limit) = 0;
  virtual void mark_sent(int64_t id, const std::string& now) = 0;
  // Records a failed attempt. next_attempt_at empty = give up (status dead).
  virtual void mark_failed(int64_t id, const std::string& now, const std::string& error,
                           const std::string& next_attempt_at) = 0;
  // Records that the message was not sent because no mail server is configured.
  virtual void mark_logged(int64_t id, const std::string& now) = 0;
  // Puts a failed, dead or logged message back in the queue (the administrator's "send again").
  virtual void requeue(int64_t id, const std::string& now) = 0;
  virtual std::optional<OutboxMessage> find(int64_t id) = 0;
  virtual std::vector<OutboxMessage> list(const OutboxFilter& f) = 0;
  virtual std::vector<MailAttempt> attempts(int64_t id) = 0;
  virtual OutboxCounts counts() = 0;

  // Scheduled reminders: claims a campaign's reminder date so that it runs once (true the first
  // time), and records how many messages it produced.
  virtual bool claim_reminder_run(int64_t campaign_id, const std::string& on_date, const std::string& now) = 0;
  virtual void set_reminder_messages(int64_t campaign_id, const std::string& on_date, int messages) = 0;
  // Dates that have run, with their message counts.
  virtual std::vector<std::pair<std::string, int>> reminder_runs(int64_t campaign_id) = 0;
};

}  // namespace dp::storage
