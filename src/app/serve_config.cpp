#include "app/serve_config.h"

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/yaml_reader.h"

namespace dp::app {

void add_serve_options(CLI::App* s, ServeOptions& o) {
  auto& w = o.web;
  auto& l = w.limits;
  s->add_option("--host", w.host, "Address to listen on")->capture_default_str();
  s->add_option("--port", w.port, "Port (0 = any free port)")->capture_default_str();
  s->add_option("--threads", w.threads, "Threads that answer ordinary requests")->capture_default_str();
  s->add_option("--base-url", w.base_url, "Public URL used in e-mailed links (default http://HOST:PORT)");
  s->add_flag("--secure-cookies", w.secure_cookies, "Mark cookies Secure (when served over HTTPS)");
  s->add_flag("--demo", w.demo, "Say on every page that the data are synthetic (the demo database)");
  s->add_flag("--read-only", w.read_only, "Serve a database that cannot be written; every change answers 503");
  s->add_option("--trusted-proxy", w.trusted_proxies,
                "Address or network (CIDR) of a reverse proxy whose X-Forwarded-For is believed; repeatable");
  s->add_option("--api-rate-limit", o.api_rate_limit, "Open API calls per client: CALLS/SECONDS, or 0 for no limit")
      ->capture_default_str();
  s->add_option("--heavy-rate-limit", o.heavy_rate_limit,
                "Heavy requests (sign-in, PNG charts, exports) per client: CALLS/SECONDS, or 0")
      ->capture_default_str();
  s->add_option("--heavy-threads", l.heavy_threads, "Threads that answer heavy requests")->capture_default_str();
  s->add_option("--heavy-queue", l.heavy_queue, "Heavy requests waiting at most; more are answered 503")
      ->capture_default_str();
  s->add_option("--refusal-delay-ms", l.refusal_delay_ms,
                "Milliseconds a 429 (a client over its allowance) waits before it is sent; 0 = at once")
      ->capture_default_str();
  s->add_option("--max-connections", l.max_connections, "Open connections at most")->capture_default_str();
  s->add_option("--max-body-bytes", l.max_body_bytes, "Largest request body")->capture_default_str();
  s->add_option("--max-header-bytes", l.max_header_bytes, "Largest request header block (and chunked trailer)")
      ->capture_default_str();
  s->add_option("--request-timeout", l.request_timeout_seconds, "Seconds to receive one whole request")
      ->capture_default_str();
  s->add_option("--shutdown-grace", l.shutdown_grace_seconds, "Seconds that answers in flight may take after SIGTERM")
      ->capture_default_str();
  s->add_option("--min-free-disk-mb", l.min_free_disk_mb, "Readiness fails below this much free disk for the database")
      ->capture_default_str();
  s->add_option("--signin-address-limit", o.signin.address_limit,
                "Failed passwords per e-mail address before password sign-in pauses for it")
      ->capture_default_str();
  s->add_option("--signin-client-limit", o.signin.ip_limit, "Failed sign-ins per client before it is refused")
      ->capture_default_str();
  s->add_option("--signin-window", o.signin.address_window_seconds, "Seconds the sign-in limits count over")
      ->capture_default_str();
  s->add_option("--metrics-port", w.metrics_port,
                "Port of the operator's listener (/metrics, /healthz, /readyz); -1 = none")
      ->capture_default_str();
  s->add_option("--metrics-host", w.metrics_host, "Address of the operator's listener")->capture_default_str();
  s->add_option("--log-level", o.logs.level, "trace, debug, info, warn, error, critical or off")->capture_default_str();
  s->add_option("--log-format", o.logs.format, "json, text, or auto (text on a terminal)")->capture_default_str();
  s->add_option("--access-log", o.logs.access, "Access log: - for stdout, a file to append to, or off")
      ->capture_default_str();
}

void apply_server_section(CLI::App* serve, const std::string& path) {
  YAML::Node section = yaml::config_section(path, "server");
  if (!section) return;
  for (auto it = section.begin(); it != section.end(); ++it) {
    std::string key = it->first.as<std::string>();
    const auto& v = it->second;
    Location where{path, v.Mark().line + 1, v.Mark().column + 1, "server." + key};
    std::string flag = key;
    for (auto& c : flag)
      if (c == '_') c = '-';
    CLI::Option* opt = nullptr;
    if (flag != "config" && flag != "db" && flag != "help") opt = serve->get_option_no_throw("--" + flag);
    if (!opt)
      throw Error::bad_input("unknown key server." + key + " (the keys are the flags of `digipuls serve --help`)",
                             where);
    if (opt->count() > 0) continue;  // the command line wins
    std::vector<std::string> values;
    if (v.IsSequence())
      for (const auto& x : v) values.push_back(x.as<std::string>());
    else if (v.IsScalar()) values.push_back(v.as<std::string>());
    else throw Error::bad_input("server." + key + " must be a value or a list of values", where);
    try {
      for (const auto& x : values) opt->add_result(x);
      opt->run_callback();
    } catch (const CLI::Error& e) {
      throw Error::bad_input("server." + key + ": " + e.what(), where);
    }
  }
}

}  // namespace dp::app
