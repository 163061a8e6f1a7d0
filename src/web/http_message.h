#pragma once
// From bytes on the wire to a Request, as the server reads them: Beast's parser with the
// server's limits (headers, trailers, body), the framing rules it adds, and the conversion to
// the program's Request. The server (server.cpp) and the request-layer fuzz target both use it.
#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

#include "web/app.h"
#include "web/client_address.h"
#include "web/http.h"

namespace dp::web {

using RawRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Sets a parser's limits from the server's.
void apply_limits(boost::beast::http::request_parser<boost::beast::http::string_body>& parser, const Limits& limits);

// The status a read error answers: 413 (body), 431 (headers or trailer), 400 (anything else).
int status_of_read_error(const boost::beast::error_code& ec);

// "" when the message's framing is unambiguous, else why not: a Transfer-Encoding that does not
// end in chunked, or one next to a Content-Length (RFC 9112, 6.1 and 6.3). A proxy in front
// could read such a message another way, so it is refused and the connection closed.
std::string framing_problem(const RawRequest& msg);

// The message as a Request: method, target, headers (lower-case names; a repeated header is one
// comma-separated list, cookies joined with "; "), body, and the client's address through
// trusted proxies. Query, cookies and form are parsed by build_request (server.h).
Request to_request(RawRequest&& msg, const std::string& peer, const TrustedProxies& proxies);

// One request read from `bytes` as the server reads it (a read buffer capped at the header
// limit, the parser's limits): status 0 and the message, or the error status (413, 431, 400),
// or 0 with complete = false when the bytes end before the request does.
struct ReadResult {
  int status = 0;
  bool complete = false;
  RawRequest message;
};
ReadResult read_request(std::string_view bytes, const Limits& limits);

}  // namespace dp::web
