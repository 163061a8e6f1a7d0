#pragma once
// The HTTP server (Boost.Beast over Asio): reads requests, hands them to App::handle, writes the
// answers. Keep-alive, body and header limits, timeouts; a thread pool runs the handlers.
#include <atomic>
#include <functional>

#include "web/app.h"

namespace dp::web {

class Server {
 public:
  explicit Server(App& app);
  ~Server();
  // Binds and serves until stop() or SIGINT/SIGTERM. Returns the bound port via on_listening.
  void run(const std::function<void(int port)>& on_listening = {});
  void stop();

 private:
  struct Impl;
  App& app_;
  Impl* impl_;
};

// Converts the raw parts of a request into a Request (query, cookies, form, multipart).
// Exposed for tests; returns false when the body is malformed.
bool build_request(Request& req, const std::string& content_type);

}  // namespace dp::web
