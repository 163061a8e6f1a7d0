#include "mail/sender.h"

#include <spdlog/spdlog.h>

#include "core/utc_time.h"
#include "storage/mail_store.h"

namespace dp::mail {

long long retry_delay_seconds(int attempts) {
  static const long long delays[] = {60, 5 * 60, 15 * 60, 60 * 60, 3 * 3600, 6 * 3600, 12 * 3600};
  if (attempts < 1 || attempts >= kMaxAttempts) return 0;
  return delays[std::min<size_t>(attempts - 1, std::size(delays) - 1)];
}

Sender::Sender(storage::Store& store, Config config, std::shared_ptr<Transport> transport)
    : store_(store),
      config_(std::move(config)),
      transport_(std::move(transport)),
      task_([this] { run_once(); }, [](const std::string& e) { spdlog::error("mail sender: {}", e); }) {}

SendStats Sender::run_once(const std::string& now_in) {
  SendStats stats;
  std::string now = now_in.empty() ? utc_now_string() : now_in;
  for (;;) {
    auto batch = store_.mail().due(now, 50);
    if (batch.empty()) break;
    for (const auto& m : batch) {
      if (!transport_) {
        store_.mail().mark_logged(m.id, now);
        ++stats.logged;
        continue;
      }
      try {
        transport_->send(Message{config_.from, m.recipient, m.subject, m.body_text, m.body_html, ""});
        store_.mail().mark_sent(m.id, now);
        ++stats.sent;
      } catch (const Rejected& e) {
        store_.mail().mark_failed(m.id, now, std::string(kRejectedPrefix) + e.what(), "");
        spdlog::warn("mail {} to {} rejected permanently: {}", m.id, m.recipient, e.what());
        ++stats.dead;
      } catch (const std::exception& e) {
        long long delay = retry_delay_seconds(m.attempts + 1);
        std::string next = delay ? utc_plus(now, delay) : "";
        store_.mail().mark_failed(m.id, now, e.what(), next);
        spdlog::warn("mail {} to {} failed (attempt {}): {}{}", m.id, m.recipient, m.attempts + 1, e.what(),
                     next.empty() ? "; giving up" : "; retrying at " + next);
        ++(next.empty() ? stats.dead : stats.failed);
      }
    }
    if (batch.size() < 50) break;
  }
  return stats;
}

void Sender::start(std::chrono::milliseconds interval) { task_.start(interval); }

void Sender::wake() { task_.wake(); }

void Sender::stop() { task_.stop(); }

}  // namespace dp::mail
