#include "web/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <memory>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/text.h"

namespace dp::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

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

class Session : public std::enable_shared_from_this<Session> {
 public:
  // The read buffer is capped: a header block or a chunked body's trailer must fit in it, so a
  // trailer is limited like the headers (Beast applies its header limit to headers only, and a
  // trailer field over 64 KiB would make it throw).
  Session(tcp::socket&& socket, App& app)
      : stream_(std::move(socket)), buffer_(app.config().max_header_bytes), app_(app) {}

  void start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
  }

 private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  App& app_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> res_;
  // Answers whose body is shared with a cache are written from it directly (no copy).
  std::shared_ptr<http::response<http::span_body<const char>>> shared_res_;
  std::shared_ptr<const std::string> shared_body_;

  void read() {
    parser_.emplace();
    parser_->body_limit(app_.config().max_body_bytes);
    parser_->header_limit(app_.config().max_header_bytes);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::connection_reset) return close();
    if (ec) {
      if (ec == http::error::body_limit) return reply_raw(413, "Request too large");
      if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return reply_raw(431, "Request header or trailer fields too large");
      return reply_raw(400, "Bad request");
    }
    try {
      serve(parser_->release());
    } catch (const std::exception& e) {
      // Nothing may escape a session: the I/O loop serves every other connection too.
      spdlog::error("session: {}", e.what());
      close();
    }
  }

  void serve(http::request<http::string_body>&& msg) {
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& f : msg) req.headers[to_lower_ascii(std::string(f.name_string()))] = std::string(f.value());
    req.body = std::move(msg.body());
    beast::error_code rec;
    auto ep = stream_.socket().remote_endpoint(rec);
    if (!rec) req.remote_ip = ep.address().to_string();
    if (auto xff = req.headers.find("x-forwarded-for"); xff != req.headers.end() && req.remote_ip == "127.0.0.1")
      req.remote_ip = trim(split(xff->second, ',')[0]);
    bool keep_alive = msg.keep_alive();
    unsigned version = msg.version();

    Response res;
    if (!valid_utf8(req.target) || req.target.empty() || req.target[0] != '/') {
      res = Response::text("Bad request target", 400);
    } else if (!build_request(req, req.header("content-type"))) {
      res = Response::text("Malformed form body", 400);
    } else {
      res = app_.handle(req);
    }
    send(std::move(res), keep_alive, version, req.method == "HEAD");
  }

  void send(Response res, bool keep_alive, unsigned version, bool head) {
    if (res.shared_body && !head) return send_shared(std::move(res), keep_alive, version);
    if (res.shared_body) res.body = *res.shared_body;
    res_ = std::make_shared<http::response<http::string_body>>();
    res_->version(version);
    res_->result(res.status);
    res_->set(http::field::server, "digipuls");
    if (res.status != 304 && res.status != 204) res_->set(http::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) res_->insert(k, v);
    res_->keep_alive(keep_alive);
    if (head) {
      res_->content_length(res.body.size());
    } else {
      res_->body() = std::move(res.body);
      res_->prepare_payload();
    }
    auto self = shared_from_this();
    if (head) {
      // Write the header only.
      auto sr = std::make_shared<http::response_serializer<http::string_body>>(*res_);
      http::async_write_header(stream_, *sr, [self, sr, keep_alive](beast::error_code ec, std::size_t) {
        self->on_write(keep_alive, ec);
      });
      return;
    }
    http::async_write(stream_, *res_, [self, keep_alive](beast::error_code ec, std::size_t) { self->on_write(keep_alive, ec); });
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
    auto self = shared_from_this();
    http::async_write(stream_, r, [self, keep_alive](beast::error_code ec, std::size_t) { self->on_write(keep_alive, ec); });
  }

  void reply_raw(int status, const char* text) {
    Response r = Response::text(text, status);
    send(std::move(r), false, 11, false);
  }

  void on_write(bool keep_alive, beast::error_code ec) {
    if (ec) return;
    if (!keep_alive) return close(true);
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
  std::unique_ptr<std::array<char, 64 * 1024>> discard_;
};

}  // namespace

struct Server::Impl {
  net::io_context ioc;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<net::signal_set> signals;
  App* app = nullptr;

  // Runs the I/O loop on this thread. An exception out of a handler ends only that handler (and
  // its connection); run() is entered again, as Asio allows, so the server goes on serving.
  void run() {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("I/O loop: {}", e.what());
      }
    }
  }

  void accept() {
    acceptor->async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor->is_open()) return;
      if (!ec) std::make_shared<Session>(std::move(socket), *app)->start();
      accept();
    });
  }
};

Server::Server(App& app) : app_(app), impl_(new Impl) { impl_->app = &app; }
Server::~Server() { delete impl_; }

void Server::run(const std::function<void(int)>& on_listening) {
  const auto& cfg = app_.config();
  beast::error_code ec;
  auto addr = net::ip::make_address(cfg.host, ec);
  if (ec) throw Error::usage("bad --host " + cfg.host);
  tcp::endpoint ep{addr, (unsigned short)cfg.port};
  impl_->acceptor = std::make_unique<tcp::acceptor>(net::make_strand(impl_->ioc));
  impl_->acceptor->open(ep.protocol(), ec);
  if (!ec) impl_->acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor->bind(ep, ec);
  if (!ec) impl_->acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw Error::bad_input("cannot listen on " + cfg.host + ":" + std::to_string(cfg.port) + ": " + ec.message());
  int port = impl_->acceptor->local_endpoint().port();
  impl_->signals = std::make_unique<net::signal_set>(impl_->ioc, SIGINT, SIGTERM);
  impl_->signals->async_wait([this](beast::error_code, int) { stop(); });
  impl_->accept();
  if (on_listening) on_listening(port);
  int n = std::max(1, cfg.threads);
  std::vector<std::thread> pool;
  for (int i = 1; i < n; ++i) pool.emplace_back([this] { impl_->run(); });
  impl_->run();
  for (auto& t : pool) t.join();
}

void Server::stop() {
  net::post(impl_->ioc, [this] {
    beast::error_code ec;
    if (impl_->acceptor) impl_->acceptor->close(ec);
    impl_->ioc.stop();
  });
}

}  // namespace dp::web
