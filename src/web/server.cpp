#include "web/server.h"

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <cmath>
#include <list>
#include <memory>
#include <mutex>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "web/client_address.h"
#include "web/crypto.h"
#include "web/http_message.h"
#include "web/logging.h"

namespace dp::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

bool build_request(Request& req, const std::string& content_type) {
  auto qpos = req.target.find('?');
  std::string raw_path = req.target.substr(0, qpos);
  req.path = url_decode(raw_path, false);
  if (qpos != std::string::npos) req.query = parse_urlencoded(req.target.substr(qpos + 1));
  if (auto c = req.headers.find("cookie"); c != req.headers.end()) req.cookies = parse_cookies(c->second);
  std::string ct = to_lower_ascii(content_type);
  if (ct.rfind("application/x-www-form-urlencoded", 0) == 0) {
    req.form = parse_urlencoded(req.body);
  } else if (ct.rfind("multipart/form-data", 0) == 0) {
    if (!parse_multipart(req.body, content_type, req.form, req.files)) return false;
  }
  return true;
}

namespace {

class Session;

// Counters the metrics endpoint reads, and what a closing connection must tell the server;
// shared, so that a connection closed while the server is being destroyed touches nothing dead.
struct ServerStats {
  std::atomic<int> open{0};
  std::atomic<int> heavy_waiting{0};
  std::atomic<uint64_t> evicted{0};
  std::atomic<uint64_t> accept_errors{0};
  std::atomic<uint64_t> refused_busy{0};      // heavy requests refused because their queue was full
  std::atomic<uint64_t> refusals_delayed{0};  // 429 answers held back by refusal_delay_ms
  std::atomic<bool> draining{false};
  std::mutex mu;
  std::function<void()> on_empty;  // while stopping: the last connection has closed

  void connection_closed() {
    if (--open != 0 || !draining) return;
    std::lock_guard lock(mu);
    if (on_empty) on_empty();
  }
};

}  // namespace

struct Server::Impl {
  struct Listener {
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<net::steady_timer> backoff;
    std::chrono::milliseconds delay{0};
    bool internal = false;  // the operator's metrics listener
  };

  App& app;
  const Config& cfg;
  net::io_context ioc;
  net::thread_pool light;
  net::thread_pool heavy;
  Listener main, metrics;
  net::signal_set signals{ioc};
  net::steady_timer grace{ioc};
  TrustedProxies proxies;
  std::shared_ptr<ServerStats> stats = std::make_shared<ServerStats>();
  std::atomic<bool>& draining = stats->draining;
  std::atomic<uint64_t> next_request{0};
  std::string id_prefix = random_token(6);
  int cap = 1;  // open connections at most (max_connections, bounded by the open-file limit)
  Clock::time_point last_accept_log{};

  std::mutex mu;  // guards sessions
  std::list<std::weak_ptr<Session>> sessions;

  Impl(App& a)
      : app(a),
        cfg(a.config()),
        light((size_t)std::max(1, a.config().threads)),
        heavy((size_t)std::max(1, a.config().limits.heavy_threads)),
        proxies(a.config().trusted_proxies) {
    stats->on_empty = [this] { net::post(ioc, [this] { stop_waiting(); }); };
  }
  ~Impl() {
    std::lock_guard lock(stats->mu);
    stats->on_empty = nullptr;
  }

  // Nothing left to wait for: let ioc.run() return.
  void stop_waiting() {
    grace.cancel();
    signals.cancel();
  }

  void run_io();
  void open_listener(Listener& l, const std::string& host, int port, bool internal);
  void accept(Listener& l);
  void on_accept_error(Listener& l, const beast::error_code& ec);
  bool evict_one();
  void add(const std::shared_ptr<Session>& s);
  void begin_shutdown();
  int raise_file_limit();

  // The first SIGTERM or SIGINT stops gracefully, a second one at once.
  void wait_for_signal() {
    signals.async_wait([this](beast::error_code ec, int) {
      if (ec) return;
      if (draining) return ioc.stop();
      begin_shutdown();
      if (!draining || stats->open > 0) wait_for_signal();
    });
  }
  std::string next_id() { return id_prefix + "-" + std::to_string(++next_request); }
};

namespace {

// One connection: reads requests, queues each on a pool, writes the answers, logs them.
class Session : public std::enable_shared_from_this<Session> {
 public:
  enum class State { Reading, Handling, Writing };

  // The read buffer is capped: a header block or a chunked body's trailer must fit in it, so a
  // trailer is limited like the headers (Beast applies its header limit to headers only, and a
  // trailer field over 64 KiB would make it throw).
  Session(tcp::socket&& socket, Server::Impl& server, bool internal)
      : stream_(std::move(socket)),
        buffer_(server.cfg.limits.max_header_bytes),
        server_(server),
        stats_(server.stats),
        internal_(internal) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = ep.address().to_string();
  }
  ~Session() { stats_->connection_closed(); }

  void start() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this())); }

  // Closes the connection if it is waiting for a request (to make room, or when stopping).
  void close_if_reading() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ == State::Reading) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

  std::atomic<State> state_{State::Reading};
  std::atomic<bool> evicted_{false};       // chosen to make room; closing
  std::atomic<int64_t> reading_since_{0};  // steady-clock ticks when the current read began
  bool internal() const { return internal_; }

 private:
  struct Current {  // what the access log needs of the request being answered
    Clock::time_point started;
    std::string time, id, method, path, route, principal = "public";
    int status = 0;
    size_t bytes = 0;
  };

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Server::Impl& server_;
  std::shared_ptr<ServerStats> stats_;
  bool internal_;
  std::string peer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> res_;
  // Answers whose body is shared with a cache are written from it directly (no copy).
  std::shared_ptr<http::response<http::span_body<const char>>> shared_res_;
  std::shared_ptr<const std::string> shared_body_;
  Current cur_;
  std::unique_ptr<std::array<char, 64 * 1024>> discard_;

  void read() {
    if (server_.draining) return close();
    state_ = State::Reading;
    reading_since_ = Clock::now().time_since_epoch().count();
    parser_.emplace();
    apply_limits(*parser_, server_.cfg.limits);
    stream_.expires_after(std::chrono::seconds(server_.cfg.limits.request_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::connection_reset ||
        ec == net::error::operation_aborted || ec == net::error::bad_descriptor)
      return close();
    cur_ = Current{};
    cur_.started = Clock::now();
    cur_.time = utc_timestamp_ms();
    cur_.id = server_.next_id();
    if (ec) {
      int status = status_of_read_error(ec);
      return reply_raw(status, status == 413   ? "Request too large"
                               : status == 431 ? "Request header or trailer fields too large"
                                               : "Bad request");
    }
    try {
      serve(parser_->release());
    } catch (const std::exception& e) {
      // Nothing may escape a session: the I/O loop serves every other connection too.
      spdlog::error("session {}: {}", cur_.id, e.what());
      close();
    }
  }

  void serve(http::request<http::string_body>&& msg) {
    if (!framing_problem(msg).empty()) return reply_raw(400, "Bad request: ambiguous message framing");
    bool keep_alive = msg.keep_alive() && !server_.draining;
    unsigned version = msg.version();
    auto req = std::make_shared<Request>(to_request(std::move(msg), peer_, server_.proxies));
    req->request_id = cur_.id;
    cur_.method = req->method;
    cur_.path = req->target.substr(0, req->target.find('?'));
    bool head = req->method == "HEAD";
    auto& app = server_.app;
    if (!valid_utf8(req->target) || req->target.empty() || req->target[0] != '/') {
      req->path = "/";
      return send(app.refuse(*req, 400, "bad_input", "The request target is not a path."), keep_alive, version, head,
                  *req);
    }
    if (!build_request(*req, req->header("content-type")))
      return send(app.refuse(*req, 400, "bad_input", "The form data could not be read (malformed multipart body)."),
                  keep_alive, version, head, *req);
    Admission adm;
    if (!internal_) adm = app.admit(*req);
    if (adm.refusal) return send(std::move(*adm.refusal), keep_alive, version, head, *req);

    bool heavy = adm.cost == Cost::Heavy;
    auto& stats = *server_.stats;
    if (heavy && stats.heavy_waiting >= server_.cfg.limits.heavy_queue) {
      ++stats.refused_busy;
      auto res = app.refuse(*req, 503, "busy", "The server is busy. Try again in a few seconds.");
      res.set_header("Retry-After", "5");
      return send(std::move(res), keep_alive, version, head, *req);
    }
    state_ = State::Handling;
    if (heavy) ++stats.heavy_waiting;
    auto job = [self = shared_from_this(), req, keep_alive, version, head, heavy]() mutable {
      if (heavy) --self->server_.stats->heavy_waiting;
      auto res = std::make_shared<Response>(self->answer(*req));
      net::post(self->stream_.get_executor(), [self, req, res, keep_alive, version, head] {
        self->send(std::move(*res), keep_alive, version, head, *req);
      });
    };
    if (heavy) net::post(server_.heavy, std::move(job));
    else net::post(server_.light, std::move(job));
  }

  // Runs on a pool thread.
  Response answer(Request& req) {
    try {
      if (!internal_) return server_.app.handle(req);
      // The operator's listener: metrics and health, nothing of the application.
      if (req.path == "/metrics" && (req.method == "GET" || req.method == "HEAD"))
        return Response::text(server_.app.metrics().exposition(), 200, "text/plain; version=0.0.4; charset=utf-8");
      if (req.path == "/healthz" || req.path == "/readyz") return server_.app.handle(req);
      return Response::text("not found", 404);
    } catch (const std::exception& e) {
      spdlog::error("request {}: {}", req.request_id, e.what());
      return Response::text("internal error", 500);
    }
  }

  void send(Response res, bool keep_alive, unsigned version, bool head, const Request& req) {
    cur_.route = req.route.empty() ? "unmatched" : req.route;
    if (!req.log_path.empty()) cur_.path = req.log_path;
    cur_.principal = to_string(req.principal.role);
    cur_.status = res.status;
    int delay = server_.cfg.limits.refusal_delay_ms;
    if (res.status == 429 && delay > 0 && !server_.draining) {
      // A client over its allowance waits for its refusal on a timer (no thread is held): a
      // looping attacker then slows itself down rather than the I/O threads everyone shares.
      ++server_.stats->refusals_delayed;
      state_ = State::Reading;  // nothing is computed for it: it may give way to a new connection
      auto timer = std::make_shared<net::steady_timer>(stream_.get_executor(), std::chrono::milliseconds(delay));
      auto held = std::make_shared<Response>(std::move(res));
      timer->async_wait([self = shared_from_this(), timer, held, keep_alive, version, head](beast::error_code) {
        self->write(std::move(*held), keep_alive, version, head);
      });
      return;
    }
    write(std::move(res), keep_alive, version, head);
  }

  void write(Response res, bool keep_alive, unsigned version, bool head) {
    state_ = State::Writing;
    if (server_.draining) keep_alive = false;
    if (res.shared_body && !head) return send_shared(std::move(res), keep_alive, version);
    if (res.shared_body) res.body = *res.shared_body;
    res_ = std::make_shared<http::response<http::string_body>>();
    res_->version(version);
    res_->result(res.status);
    res_->set(http::field::server, "digipuls");
    if (res.status != 304 && res.status != 204) res_->set(http::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) res_->insert(k, v);
    res_->keep_alive(keep_alive);
    cur_.bytes = head ? 0 : res.body.size();
    write_expiry(cur_.bytes);
    auto self = shared_from_this();
    if (head) {
      res_->content_length(res.body.size());
      auto sr = std::make_shared<http::response_serializer<http::string_body>>(*res_);
      http::async_write_header(
          stream_, *sr, [self, sr, keep_alive](beast::error_code ec, std::size_t) { self->on_write(keep_alive, ec); });
      return;
    }
    res_->body() = std::move(res.body);
    res_->prepare_payload();
    http::async_write(stream_, *res_,
                      [self, keep_alive](beast::error_code ec, std::size_t) { self->on_write(keep_alive, ec); });
  }

  void send_shared(Response res, bool keep_alive, unsigned version) {
    shared_body_ = std::move(res.shared_body);
    shared_res_ = std::make_shared<http::response<http::span_body<const char>>>();
    auto& r = *shared_res_;
    r.version(version);
    r.result(res.status);
    r.set(http::field::server, "digipuls");
    if (res.status != 304 && res.status != 204) r.set(http::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) r.insert(k, v);
    r.keep_alive(keep_alive);
    r.body() = boost::beast::span<const char>(shared_body_->data(), shared_body_->size());
    r.prepare_payload();
    cur_.bytes = shared_body_->size();
    write_expiry(cur_.bytes);
    auto self = shared_from_this();
    http::async_write(stream_, r,
                      [self, keep_alive](beast::error_code ec, std::size_t) { self->on_write(keep_alive, ec); });
  }

  // A minute, and a second more for every 64 KiB: a large download to a slow reader finishes,
  // a reader that stops reading does not hold the connection forever.
  void write_expiry(size_t bytes) { stream_.expires_after(std::chrono::seconds(60 + (long)(bytes >> 16))); }

  void reply_raw(int status, const char* text) {
    Request req;
    req.request_id = cur_.id;
    req.path = "/";
    cur_.method = "-";
    cur_.path = "-";
    send(Response::text(text, status), false, 11, false, req);
  }

  void log_answer() {
    double seconds = std::chrono::duration<double>(Clock::now() - cur_.started).count();
    if (!internal_) server_.app.metrics().observe_request(cur_.route, cur_.status, seconds, cur_.bytes);
    log_access({{"time", cur_.time},
                {"id", cur_.id},
                {"method", cur_.method},
                {"path", cur_.path},
                {"route", cur_.route},
                {"status", cur_.status},
                {"bytes", cur_.bytes},
                {"ms", std::round(seconds * 10000) / 10},
                {"principal", cur_.principal}});
  }

  void on_write(bool keep_alive, beast::error_code ec) {
    log_answer();
    if (ec) return;
    if (!keep_alive || server_.draining) return close(!server_.draining);
    res_.reset();
    shared_res_.reset();
    shared_body_.reset();
    read();
  }

  // A lingering close, as nginx does: after the answer, read and discard what the client still
  // sends (the rest of a refused oversized body) until it closes or a deadline passes. Closing a
  // socket with unread data makes the kernel send a reset, and the client would see a broken
  // connection instead of the 413 it was sent.
  void close(bool linger = false) {
    state_ = State::Reading;  // nothing in flight: may be closed at once
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec || !linger) return;
    stream_.expires_after(std::chrono::seconds(10));
    drain();
  }

  void drain() {
    if (!discard_) discard_ = std::make_unique<std::array<char, 64 * 1024>>();
    stream_.async_read_some(net::buffer(*discard_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) self->drain();
    });
  }
};

}  // namespace

// ---- the server ---------------------------------------------------------------------------

// Runs the I/O loop on this thread. An exception out of a handler ends only that handler (and
// its connection); run() is entered again, as Asio allows, so the server goes on serving.
void Server::Impl::run_io() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("I/O loop: {}", e.what());
    }
  }
}

void Server::Impl::add(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(mu);
  if (sessions.size() > (size_t)stats->open * 2 + 64) sessions.remove_if([](auto& w) { return w.expired(); });
  sessions.push_back(s);
  ++stats->open;
}

// Makes room for a new connection: closes the public connection that has waited longest for
// its request (an idle keep-alive, or a client sending its request very slowly). Connections
// whose answer is being computed or written are never cut.
bool Server::Impl::evict_one() {
  std::shared_ptr<Session> victim;
  int64_t oldest = INT64_MAX;
  {
    std::lock_guard lock(mu);
    for (auto& w : sessions)
      if (auto s = w.lock();
          s && !s->internal() && !s->evicted_ && s->state_ == Session::State::Reading && s->reading_since_ < oldest) {
        oldest = s->reading_since_;
        victim = s;
      }
  }
  if (!victim) return false;
  ++stats->evicted;
  victim->evicted_ = true;
  victim->close_if_reading();
  return true;
}

void Server::Impl::on_accept_error(Listener& l, const beast::error_code& ec) {
  ++stats->accept_errors;
  // Out of file descriptors (or memory): retrying at once would spin the CPU. Free a
  // connection, wait, try again; say so at most every ten seconds.
  auto now = Clock::now();
  if (now - last_accept_log > std::chrono::seconds(10)) {
    last_accept_log = now;
    spdlog::warn("accepting a connection failed ({}); {} open; retrying after a pause", ec.message(),
                 stats->open.load());
  }
  // Free a few descriptors at once: the open-file limit was met before the connection cap.
  bool freed = false;
  for (int i = 0; i < 8; ++i) freed = evict_one() || freed;
  l.delay = freed ? std::chrono::milliseconds(2)
                  : std::min(std::chrono::milliseconds(1000), std::max(std::chrono::milliseconds(10), l.delay * 2));
  l.backoff->expires_after(l.delay);
  l.backoff->async_wait([this, &l](beast::error_code e) {
    if (!e && !draining) accept(l);
  });
}

void Server::Impl::accept(Listener& l) {
  if (!l.internal && stats->open >= cap) {
    // Full: make room before taking the next connection from the kernel's queue. The one
    // waiting longest for its request gives way (it closes within a moment); when every
    // connection is busy answering, new ones wait in the queue until one finishes.
    auto wait = evict_one() ? std::chrono::milliseconds(1) : std::chrono::milliseconds(20);
    l.backoff->expires_after(wait);
    l.backoff->async_wait([this, &l](beast::error_code e) {
      if (!e && !draining) accept(l);
    });
    return;
  }
  l.acceptor->async_accept(net::make_strand(ioc), [this, &l](beast::error_code ec, tcp::socket socket) {
    if (!l.acceptor->is_open() || draining) return;
    if (ec) return on_accept_error(l, ec);
    l.delay = std::chrono::milliseconds(0);
    auto s = std::make_shared<Session>(std::move(socket), *this, l.internal);
    add(s);
    s->start();
    accept(l);
  });
}

void Server::Impl::open_listener(Listener& l, const std::string& host, int port, bool internal) {
  beast::error_code ec;
  auto addr = net::ip::make_address(host, ec);
  if (ec) throw Error::usage("bad listening address " + host);
  tcp::endpoint ep{addr, (unsigned short)port};
  l.internal = internal;
  l.acceptor = std::make_unique<tcp::acceptor>(net::make_strand(ioc));
  l.backoff = std::make_unique<net::steady_timer>(l.acceptor->get_executor());
  l.acceptor->open(ep.protocol(), ec);
  if (!ec) l.acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) l.acceptor->bind(ep, ec);
  if (!ec) l.acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw Error::bad_input("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
}

// Raises the soft limit of open files to the hard limit, and bounds the connections by it
// (leaving room for the database's files, one set per thread, and the rest of the process).
int Server::Impl::raise_file_limit() {
  struct rlimit rl {};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return cfg.limits.max_connections;
  if (rl.rlim_cur < rl.rlim_max) {
    rlim_t before = rl.rlim_cur;
    rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, 1 << 20);
    if (setrlimit(RLIMIT_NOFILE, &rl) == 0)
      spdlog::info("open-file limit raised from {} to {}", (unsigned long long)before, (unsigned long long)rl.rlim_cur);
    else getrlimit(RLIMIT_NOFILE, &rl);
  }
  long long reserve = 32 + 3LL * (cfg.threads + cfg.limits.heavy_threads + 4);
  long long room = (long long)std::min<rlim_t>(rl.rlim_cur, 1 << 20) - reserve;
  int n = (int)std::max(8LL, std::min<long long>(cfg.limits.max_connections, room));
  if (n < cfg.limits.max_connections)
    spdlog::warn("at most {} connections (not {}): the open-file limit is {}", n, cfg.limits.max_connections,
                 (unsigned long long)rl.rlim_cur);
  return n;
}

void Server::Impl::begin_shutdown() {
  if (draining.exchange(true)) return;
  beast::error_code ec;
  for (auto* l : {&main, &metrics}) {
    if (l->acceptor) l->acceptor->close(ec);
    if (l->backoff) l->backoff->cancel();
  }
  int open = stats->open;
  spdlog::info("stopping: no new connections; finishing the answers in flight on {} connection{} (at most {} s)", open,
               open == 1 ? "" : "s", cfg.limits.shutdown_grace_seconds);
  {
    std::lock_guard lock(mu);
    for (auto& w : sessions)
      if (auto s = w.lock()) s->close_if_reading();
  }
  grace.expires_after(std::chrono::seconds(cfg.limits.shutdown_grace_seconds));
  grace.async_wait([this](beast::error_code e) {
    if (e) return;  // every connection closed in time
    spdlog::warn("stopping: the grace period is over; {} connection{} cut", stats->open.load(),
                 stats->open == 1 ? "" : "s");
    ioc.stop();
  });
  if (stats->open == 0) stop_waiting();
}

Server::Server(App& app) : impl_(std::make_unique<Impl>(app)) {
  std::weak_ptr<ServerStats> w = impl_->stats;
  auto gauge = [w](auto read) {
    return [w, read]() -> double {
      auto s = w.lock();
      if (!s) throw std::runtime_error("server stopped");
      return read(*s);
    };
  };
  auto& m = app.metrics();
  m.add_callback("digipuls_connections_open", "Open client connections.", "gauge",
                 gauge([](ServerStats& s) { return (double)s.open; }));
  m.add_callback("digipuls_heavy_requests_waiting", "Heavy requests queued or being answered.", "gauge",
                 gauge([](ServerStats& s) { return (double)s.heavy_waiting; }));
  m.add_callback("digipuls_connections_evicted_total", "Waiting connections closed to make room for new ones.",
                 "counter", gauge([](ServerStats& s) { return (double)s.evicted; }));
  m.add_callback("digipuls_accept_errors_total", "Failed accepts (e.g. out of file descriptors).", "counter",
                 gauge([](ServerStats& s) { return (double)s.accept_errors; }));
  m.add_callback("digipuls_refused_busy_total", "Heavy requests refused with 503 because their queue was full.",
                 "counter", gauge([](ServerStats& s) { return (double)s.refused_busy; }));
  m.add_callback("digipuls_refusals_delayed_total", "Answers 429 held back before sending (refusal_delay_ms).",
                 "counter", gauge([](ServerStats& s) { return (double)s.refusals_delayed; }));
}

Server::~Server() = default;

void Server::run(const std::function<void(int)>& on_listening, const std::function<void(int)>& on_metrics) {
  auto& I = *impl_;
  I.cap = I.raise_file_limit();
  I.open_listener(I.main, I.cfg.host, I.cfg.port, false);
  if (I.cfg.metrics_port >= 0) I.open_listener(I.metrics, I.cfg.metrics_host, I.cfg.metrics_port, true);
  I.signals.add(SIGINT);
  I.signals.add(SIGTERM);
  I.wait_for_signal();
  I.accept(I.main);
  if (I.metrics.acceptor) I.accept(I.metrics);
  if (on_listening) on_listening(I.main.acceptor->local_endpoint().port());
  if (on_metrics && I.metrics.acceptor) on_metrics(I.metrics.acceptor->local_endpoint().port());
  // Two I/O threads are plenty: they only move bytes.
  std::vector<std::thread> io;
  io.emplace_back([&I] { I.run_io(); });
  I.run_io();
  for (auto& t : io) t.join();
  I.light.join();
  I.heavy.join();
  spdlog::info("stopped");
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace dp::web
