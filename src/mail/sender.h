#pragma once
// The background sender: takes due messages from the outbox and hands them to the transport.
// A failed attempt is recorded with the error and retried later with growing delays (1, 5, 15,
// 60 minutes, 3, 6, 12 hours); after the last attempt the message is "dead" and the
// administrator sees it (and can send it again). Without a transport (no SMTP configured) each
// message is marked "logged" and stays readable in the outbox.
#include <chrono>
#include <memory>
#include <string>

#include "core/periodic_task.h"
#include "mail/config.h"
#include "mail/transport.h"
#include "storage/store.h"

namespace dp::mail {

struct SendStats {
  int sent = 0, failed = 0, dead = 0, logged = 0;
};

// Delay before attempt number `attempts + 1` after `attempts` failures; 0 = give up.
long long retry_delay_seconds(int attempts);
constexpr int kMaxAttempts = 8;

class Sender {
 public:
  Sender(storage::Store& store, Config config, std::shared_ptr<Transport> transport);

  // Sends everything due at `now` (UTC timestamp; empty = the current time).
  SendStats run_once(const std::string& now = "");

  // Runs run_once in a thread every `interval` and whenever wake() is called.
  void start(std::chrono::milliseconds interval = std::chrono::seconds(5));
  void wake();
  void stop();

  const Config& config() const { return config_; }

 private:
  storage::Store& store_;
  Config config_;
  std::shared_ptr<Transport> transport_;
  PeriodicTask task_;  // last: its thread stops before the members it uses go
};

}  // namespace dp::mail
