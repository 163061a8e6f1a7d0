#include "web/client_address.h"

#include <boost/asio/ip/address.hpp>
#include <cstring>

#include "core/error.h"
#include "core/text.h"

namespace dp::web {

namespace ip = boost::asio::ip;

namespace {

bool parse(const std::string& text, ip::address& out) {
  boost::system::error_code ec;
  out = ip::make_address(trim(text), ec);
  if (ec) return false;
  if (out.is_v6() && out.to_v6().is_v4_mapped()) out = ip::make_address_v4(ip::v4_mapped, out.to_v6());
  return true;
}

}  // namespace

std::string canonical_address(const std::string& text) {
  ip::address a;
  return parse(text, a) ? a.to_string() : "";
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& specs) {
  for (const auto& spec : specs) {
    auto slash = spec.find('/');
    ip::address a;
    if (!parse(spec.substr(0, slash), a))
      throw Error::usage("--trusted-proxy: '" + spec + "' is not an address or network");
    Net n;
    n.v6 = a.is_v6();
    int bits = n.v6 ? 128 : 32;
    n.prefix = bits;
    if (slash != std::string::npos) {
      std::string p = spec.substr(slash + 1);
      if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos || std::stoi(p) > bits)
        throw Error::usage("--trusted-proxy: '" + spec + "' has a bad prefix length");
      n.prefix = std::stoi(p);
    }
    if (n.v6) {
      auto b = a.to_v6().to_bytes();
      std::memcpy(n.bytes, b.data(), 16);
    } else {
      auto b = a.to_v4().to_bytes();
      std::memcpy(n.bytes, b.data(), 4);
    }
    nets_.push_back(n);
  }
}

bool TrustedProxies::contains(const std::string& address) const {
  ip::address a;
  if (nets_.empty() || !parse(address, a)) return false;
  unsigned char bytes[16] = {};
  if (a.is_v6()) {
    auto b = a.to_v6().to_bytes();
    std::memcpy(bytes, b.data(), 16);
  } else {
    auto b = a.to_v4().to_bytes();
    std::memcpy(bytes, b.data(), 4);
  }
  for (const auto& n : nets_) {
    if (n.v6 != a.is_v6()) continue;
    int full = n.prefix / 8, rest = n.prefix % 8;
    if (std::memcmp(bytes, n.bytes, (size_t)full) != 0) continue;
    if (rest && ((bytes[full] ^ n.bytes[full]) & (0xFF << (8 - rest)) & 0xFF)) continue;
    return true;
  }
  return false;
}

std::string TrustedProxies::client_of(const std::string& peer, const std::string& forwarded_for) const {
  std::string client = canonical_address(peer);
  if (client.empty()) client = peer;
  if (forwarded_for.empty() || !contains(client)) return client;
  // Walk from the right: each trusted hop vouches for the entry before it.
  auto hops = split(forwarded_for, ',');
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    std::string hop = canonical_address(*it);
    if (hop.empty()) return client;  // garbage: stop at the last address we could believe
    client = hop;
    if (!contains(hop)) return client;
  }
  return client;
}

}  // namespace dp::web
