#include "core/periodic_task.h"

namespace dp {

PeriodicTask::PeriodicTask(std::function<void()> task, std::function<void(const std::string&)> on_error)
    : task_(std::move(task)), on_error_(std::move(on_error)) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start(std::chrono::milliseconds interval) {
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    interval_ = interval;
    stop_ = false;
    woken_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void PeriodicTask::loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      task_();
    } catch (const std::exception& e) {
      // The database may be busy or briefly unavailable; the next round tries again.
      if (on_error_) on_error_(e.what());
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stop_ || woken_; });
    woken_ = false;
  }
}

void PeriodicTask::wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void PeriodicTask::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace dp
