#pragma once
// Which address a request comes from, for the per-client limits (sign-in throttling, the API's
// rate limit, heavy requests). The TCP peer, unless the peer is a proxy the operator named
// (`serve --trusted-proxy`): then the right-most address in X-Forwarded-For that is not itself a
// trusted proxy. A client can write anything at the left of that header; only the entries its
// own proxies appended can be believed. With no trusted proxy the header is ignored.
#include <string>
#include <vector>

namespace dp::web {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Addresses ("127.0.0.1", "::1") or networks ("10.0.0.0/8", "fd00::/8"). Throws dp::Error
  // (Usage) naming a spec that is neither.
  explicit TrustedProxies(const std::vector<std::string>& specs);

  bool empty() const { return nets_.empty(); }
  bool contains(const std::string& address) const;
  // The client's address for a request from `peer` carrying `forwarded_for` ("" when absent).
  std::string client_of(const std::string& peer, const std::string& forwarded_for) const;

 private:
  struct Net {
    bool v6 = false;
    unsigned char bytes[16] = {};
    int prefix = 0;
  };
  std::vector<Net> nets_;
};

// An address in its canonical text form (IPv4-mapped IPv6 as IPv4), or "" when `text` is not an
// IP address.
std::string canonical_address(const std::string& text);

}  // namespace dp::web
