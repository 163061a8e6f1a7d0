#pragma once
// Liveness and readiness, as an orchestrator or a load balancer asks them. Liveness (/healthz)
// answers from memory: the process serves requests. Readiness (/readyz) runs the registered
// checks (the database can be written, its disk has room), at most once a second however often
// it is asked, so that neither can be used to load the server. The full integrity check of the
// database is an operator's command (`digipuls db check`), never a request.
#include <chrono>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dp::web {

class Readiness {
 public:
  using Check = std::function<std::string()>;  // "" when fine, else what is wrong

  void add(std::string name, Check check);

  struct Report {
    bool ready = true;
    nlohmann::json checks = nlohmann::json::object();  // name -> "ok" or the problem
  };
  // The latest report, run again when older than `max_age`.
  Report report(std::chrono::milliseconds max_age = std::chrono::seconds(1));

 private:
  std::mutex mu_;
  std::vector<std::pair<std::string, Check>> checks_;
  Report last_;
  std::chrono::steady_clock::time_point at_{};
  bool ran_ = false;
};

// A check that the file system holding `path` has at least `min_free_mb` megabytes free for
// unprivileged writers ("" when it has).
std::string free_disk_problem(const std::string& path, long long min_free_mb);

}  // namespace dp::web
