#pragma once
// A task run on a background thread at start() and then every interval until stop(): the one loop
// of the server's background jobs (retention purge, reminder schedule, mail sender). wake() runs
// it early; stop() interrupts the wait at once and joins the thread (a run in progress finishes
// first). A run that throws does not end the loop: its message goes to `on_error` and the next
// round tries again. start() and stop() belong to the owner's thread; wake() may come from any.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace dp {

class PeriodicTask {
 public:
  explicit PeriodicTask(std::function<void()> task, std::function<void(const std::string& error)> on_error = {});
  ~PeriodicTask();  // stops
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Runs the task now and then every `interval`; nothing when already running.
  void start(std::chrono::milliseconds interval);
  void wake();  // runs it now instead of at the end of the current wait; nothing when not running
  void stop();  // returns once the thread has ended; start() may follow

 private:
  void loop();

  std::function<void()> task_;
  std::function<void(const std::string&)> on_error_;
  std::thread thread_;
  std::mutex mu_;  // guards what follows
  std::chrono::milliseconds interval_{0};
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
};

}  // namespace dp
