// The background loop of the server's jobs (core/periodic_task.h). No test measures time: each
// waits on a counter, and "stops promptly" is proven by stopping a task whose interval is a day
// (were the wait not interrupted, the test would hang until ctest's timeout).
#include "core/periodic_task.h"

#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace dp {
namespace {

using namespace std::chrono_literals;

// Counts the runs of a task and lets the test wait for the n-th.
struct Runs {
  std::mutex mu;
  std::condition_variable cv;
  int count = 0;

  void add() {
    std::lock_guard<std::mutex> lock(mu);
    ++count;
    cv.notify_all();
  }
  void wait_for_at_least(int n) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return count >= n; });
  }
  int now() {
    std::lock_guard<std::mutex> lock(mu);
    return count;
  }
};

TEST(PeriodicTask, RunsAtStartAndThenEveryInterval) {
  Runs runs;
  PeriodicTask task([&] { runs.add(); });
  task.start(1ms);
  runs.wait_for_at_least(5);  // hangs (and ctest fails it) if the task ran only once
  task.stop();
  EXPECT_GE(runs.now(), 5);
}

TEST(PeriodicTask, StopInterruptsAWaitOfADayAndNothingRunsAfterIt) {
  Runs runs;
  PeriodicTask task([&] { runs.add(); });
  task.start(24h);
  runs.wait_for_at_least(1);
  task.stop();  // returns only once the thread has ended
  EXPECT_EQ(runs.now(), 1);
  task.stop();  // twice is harmless
  EXPECT_EQ(runs.now(), 1);
}

TEST(PeriodicTask, WakeRunsItBeforeTheIntervalEnds) {
  Runs runs;
  PeriodicTask task([&] { runs.add(); });
  task.start(24h);
  runs.wait_for_at_least(1);
  task.wake();
  runs.wait_for_at_least(2);
  task.stop();
  EXPECT_EQ(runs.now(), 2);
}

TEST(PeriodicTask, AFailedRunIsReportedAndTheLoopGoesOn) {
  Runs runs;
  std::vector<std::string> errors;
  PeriodicTask task(
      [&] {
        bool first = runs.now() == 0;
        runs.add();
        if (first) throw std::runtime_error("database is locked");
      },
      [&](const std::string& e) { errors.push_back(e); });
  task.start(1ms);
  runs.wait_for_at_least(3);
  task.stop();
  EXPECT_EQ(errors, (std::vector<std::string>{"database is locked"}));
}

TEST(PeriodicTask, StartsOnceAndAgainAfterStop) {
  Runs runs;
  PeriodicTask task([&] { runs.add(); });
  task.start(24h);
  task.start(1ms);  // already running: no second thread, no second run
  runs.wait_for_at_least(1);
  task.stop();
  EXPECT_EQ(runs.now(), 1);
  task.start(24h);
  runs.wait_for_at_least(2);
  task.stop();
  EXPECT_EQ(runs.now(), 2);
}

TEST(PeriodicTask, DestroyingARunningTaskStopsIt) {
  Runs runs;
  {
    PeriodicTask task([&] { runs.add(); });
    task.start(24h);
    runs.wait_for_at_least(1);
  }
  EXPECT_EQ(runs.now(), 1);
}

}  // namespace
}  // namespace dp
