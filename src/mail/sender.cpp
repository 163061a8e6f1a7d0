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
    : store_(store), config_(std::move(config)), transport_(std::move(transport)) {}

Sender::~Sender() { stop(); }

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

void Sender::start(std::chrono::milliseconds interval) {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this, interval] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      lock.unlock();
      try {
        run_once();
      } catch (const std::exception& e) {
        // The database may be busy or briefly unavailable; the next round tries again.
        spdlog::error("mail sender: {}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, interval, [this] { return stop_ || woken_; });
      woken_ = false;
    }
  });
}

void Sender::wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Sender::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace dp::mail
