#include "web/health.h"

#include <filesystem>
#include <sys/statvfs.h>

namespace dp::web {

void Readiness::add(std::string name, Check check) {
  std::lock_guard lock(mu_);
  checks_.emplace_back(std::move(name), std::move(check));
  ran_ = false;
}

Readiness::Report Readiness::report(std::chrono::milliseconds max_age) {
  std::lock_guard lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (ran_ && now - at_ < max_age) return last_;
  Report r;
  for (const auto& [name, check] : checks_) {
    std::string problem;
    try {
      problem = check();
    } catch (const std::exception& e) {
      problem = e.what();
    }
    r.checks[name] = problem.empty() ? "ok" : problem;
    if (!problem.empty()) r.ready = false;
  }
  last_ = r;
  at_ = now;
  ran_ = true;
  return r;
}

std::string free_disk_problem(const std::string& path, long long min_free_mb) {
  std::filesystem::path p(path);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  struct statvfs s {};
  if (statvfs(dir.c_str(), &s) != 0) return "cannot read the free space of " + dir;
  long long free_mb = (long long)((unsigned long long)s.f_bavail * s.f_frsize / (1024 * 1024));
  if (free_mb < min_free_mb)
    return "only " + std::to_string(free_mb) + " MB free on the disk of the database (at least " +
           std::to_string(min_free_mb) + " MB wanted)";
  return "";
}

}  // namespace dp::web
