#include "web/http_message.h"

#include <boost/beast/core/flat_buffer.hpp>

#include "core/text.h"

namespace dp::web {

namespace http = boost::beast::http;

void apply_limits(http::request_parser<http::string_body>& parser, const Limits& limits) {
  parser.body_limit(limits.max_body_bytes);
  parser.header_limit((std::uint32_t)limits.max_header_bytes);
}

int status_of_read_error(const boost::beast::error_code& ec) {
  if (ec == http::error::body_limit) return 413;
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow) return 431;
  return 400;
}

std::string framing_problem(const RawRequest& msg) {
  if (msg.find(http::field::transfer_encoding) == msg.end()) return "";
  if (!msg.chunked()) return "a Transfer-Encoding that does not end in chunked";
  if (msg.find(http::field::content_length) != msg.end()) return "both Transfer-Encoding and Content-Length";
  return "";
}

Request to_request(RawRequest&& msg, const std::string& peer, const TrustedProxies& proxies) {
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  for (const auto& f : msg) {
    std::string name = to_lower_ascii(std::string(f.name_string()));
    auto [it, fresh] = req.headers.emplace(name, std::string(f.value()));
    // A repeated header is one list (RFC 9110, 5.3); cookies are joined as a Cookie header is.
    if (!fresh) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
  }
  req.body = std::move(msg.body());
  req.remote_ip = proxies.client_of(peer, req.header("x-forwarded-for"));
  return req;
}

ReadResult read_request(std::string_view bytes, const Limits& limits) {
  ReadResult r;
  http::request_parser<http::string_body> parser;
  apply_limits(parser, limits);
  parser.eager(true);
  boost::beast::flat_buffer buffer(limits.max_header_bytes);
  size_t pos = 0;
  while (!parser.is_done()) {
    // Fill what the buffer has room for, as a read from the socket would.
    size_t room = buffer.max_size() - buffer.size();
    if (room == 0) {
      r.status = status_of_read_error(http::error::buffer_overflow);
      return r;
    }
    size_t n = std::min(room, bytes.size() - pos);
    if (n == 0) return r;  // the bytes end before the request
    auto dst = buffer.prepare(n);
    std::memcpy(dst.data(), bytes.data() + pos, n);
    buffer.commit(n);
    pos += n;
    boost::beast::error_code ec;
    while (!parser.is_done() && buffer.size() > 0) {
      size_t used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec == http::error::need_more) {
        ec = {};
        break;
      }
      if (ec) {
        r.status = status_of_read_error(ec);
        return r;
      }
      if (used == 0) break;
    }
  }
  r.complete = true;
  r.message = parser.release();
  return r;
}

}  // namespace dp::web
