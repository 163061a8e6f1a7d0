#include "web/metrics.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace dp::web {

const std::vector<double>& Metrics::buckets() {
  static const std::vector<double> b = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return b;
}

void Metrics::observe_request(const std::string& route, int status, double seconds, size_t bytes) {
  std::string klass = std::to_string(std::clamp(status / 100, 1, 5)) + "xx";
  std::lock_guard lock(mu_);
  auto& r = routes_[route];
  if (r.bucket_counts.empty()) r.bucket_counts.assign(buckets().size(), 0);
  ++r.by_status[klass];
  ++r.count;
  r.seconds += seconds;
  r.bytes += bytes;
  for (size_t i = 0; i < buckets().size(); ++i)
    if (seconds <= buckets()[i]) {
      ++r.bucket_counts[i];
      break;
    }
}

void Metrics::add_callback(const std::string& name, const std::string& help, const std::string& type,
                           std::function<double()> value, std::map<std::string, std::string> labels) {
  std::lock_guard lock(mu_);
  callbacks_.push_back({name, help, type, std::move(labels), std::move(value)});
}

namespace {

// A label value with backslash, quote and line feed escaped, as the format requires.
std::string escaped(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double v) { return fmt::format("{}", v); }

}  // namespace

std::string Metrics::exposition() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP digipuls_http_requests_total Answered HTTP requests by route and status class.\n";
  out += "# TYPE digipuls_http_requests_total counter\n";
  for (const auto& [route, r] : routes_)
    for (const auto& [klass, n] : r.by_status)
      out += fmt::format("digipuls_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", escaped(route), klass, n);
  out += "# HELP digipuls_http_response_bytes_total Body bytes sent by route.\n";
  out += "# TYPE digipuls_http_response_bytes_total counter\n";
  for (const auto& [route, r] : routes_)
    out += fmt::format("digipuls_http_response_bytes_total{{route=\"{}\"}} {}\n", escaped(route), r.bytes);
  out += "# HELP digipuls_http_request_duration_seconds Time from the request read to the answer written.\n";
  out += "# TYPE digipuls_http_request_duration_seconds histogram\n";
  for (const auto& [route, r] : routes_) {
    uint64_t cumulative = 0;
    std::string label = escaped(route);
    for (size_t i = 0; i < buckets().size(); ++i) {
      cumulative += r.bucket_counts[i];
      out += fmt::format("digipuls_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                         number(buckets()[i]), cumulative);
    }
    out +=
        fmt::format("digipuls_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label, r.count);
    out += fmt::format("digipuls_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label, number(r.seconds));
    out += fmt::format("digipuls_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, r.count);
  }
  // Lines of one metric must be consecutive.
  std::vector<const Callback*> sorted;
  for (const auto& c : callbacks_) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::set<std::string> described;
  for (const Callback* cp : sorted) {
    const Callback& c = *cp;
    if (described.insert(c.name).second) {
      out += "# HELP " + c.name + " " + c.help + "\n";
      out += "# TYPE " + c.name + " " + c.type + "\n";
    }
    std::string labels;
    for (const auto& [k, v] : c.labels) labels += (labels.empty() ? "" : ",") + k + "=\"" + escaped(v) + "\"";
    double v = 0;
    try {
      v = c.value();
    } catch (const std::exception&) {
      continue;  // a source that cannot answer now is left out of this scrape
    }
    out += c.name + (labels.empty() ? "" : "{" + labels + "}") + " " + number(v) + "\n";
  }
  return out;
}

}  // namespace dp::web
