#pragma once
// Operational metrics in the Prometheus text format (served on the operator's metrics listener,
// `serve --metrics-port`, never on the public port): requests and latencies per route and status
// class, and values other modules report through callbacks (cache hit rates, the database, the
// mail queue, open connections). Thread-safe.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace dp::web {

class Metrics {
 public:
  // One answered request: the route's name ("GET /login"; "unmatched" for 404s), its status and
  // how long it took from the last byte read to the last byte written.
  void observe_request(const std::string& route, int status, double seconds, size_t bytes);

  // A value read when the metrics are scraped. `type` is "gauge" or "counter"; `labels` as
  // {{"state", "queued"}}.
  void add_callback(const std::string& name, const std::string& help, const std::string& type,
                    std::function<double()> value, std::map<std::string, std::string> labels = {});

  // The exposition text (text/plain; version=0.0.4).
  std::string exposition() const;

  // The buckets of the latency histogram, in seconds.
  static const std::vector<double>& buckets();

 private:
  struct Route {
    std::map<std::string, uint64_t> by_status;  // "2xx" -> count
    std::vector<uint64_t> bucket_counts;        // cumulative at exposition
    double seconds = 0;
    uint64_t count = 0;
    uint64_t bytes = 0;
  };
  struct Callback {
    std::string name, help, type;
    std::map<std::string, std::string> labels;
    std::function<double()> value;
  };
  mutable std::mutex mu_;
  std::map<std::string, Route> routes_;
  std::vector<Callback> callbacks_;
};

}  // namespace dp::web
