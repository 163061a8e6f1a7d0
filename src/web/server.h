#pragma once
// The HTTP server (Boost.Beast over Asio). I/O threads only read and write; answers are computed
// on two pools of threads, one for light routes and a small bounded one for heavy routes
// (router.h, Cost), so that password hashing or image rendering never delays an autosave.
// Keep-alive, limits on headers, trailers, bodies and time (docs/security.md); at most
// Limits::max_connections open connections (the one waiting longest for its request gives way
// to a new one), back-off when accepting fails; the client's address through trusted proxies
// only; an access log line per request; and a graceful stop: SIGTERM (or stop()) stops
// accepting, lets the answers in flight finish within Limits::shutdown_grace_seconds, then
// returns. The operator's listener (Config::metrics_port) serves /metrics, /healthz, /readyz.
#include <functional>
#include <memory>

#include "web/app.h"

namespace dp::web {

class Server {
 public:
  explicit Server(App& app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and serves until stop(), SIGINT or SIGTERM, and the graceful stop has finished.
  // on_listening gets the bound port, on_metrics the metrics listener's (when configured).
  void run(const std::function<void(int port)>& on_listening = {},
           const std::function<void(int port)>& on_metrics = {});
  // Stops gracefully, as SIGTERM does. Safe from any thread.
  void stop();

  struct Impl;  // the connections and pools (server.cpp)

 private:
  std::unique_ptr<Impl> impl_;
};

// Converts the raw parts of a request into a Request (query, cookies, form, multipart).
// Exposed for tests; returns false when the body is malformed.
bool build_request(Request& req, const std::string& content_type);

}  // namespace dp::web
