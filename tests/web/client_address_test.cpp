// Whose address a request is: X-Forwarded-For only from proxies the operator trusts, read from
// the right, so that a client cannot choose its own address by writing the header.
#include "web/client_address.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
using dp::web::TrustedProxies;

TEST(ClientAddress, WithoutTrustedProxiesTheHeaderIsIgnored) {
  TrustedProxies none;
  EXPECT_EQ(none.client_of("127.0.0.1", "198.51.100.7"), "127.0.0.1");
  EXPECT_EQ(none.client_of("203.0.113.5", "198.51.100.7, 10.0.0.1"), "203.0.113.5");
}

TEST(ClientAddress, FromATrustedProxyTheRightMostUntrustedHopIsTheClient) {
  TrustedProxies p({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(p.client_of("127.0.0.1", "198.51.100.7"), "198.51.100.7");
  // A client that writes its own header cannot hide: its proxy appends the real address.
  EXPECT_EQ(p.client_of("127.0.0.1", "1.2.3.4, 198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(p.client_of("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3"), "198.51.100.7")
      << "a chain of trusted proxies";
  EXPECT_EQ(p.client_of("203.0.113.5", "198.51.100.7"), "203.0.113.5") << "an untrusted peer's header is ignored";
  EXPECT_EQ(p.client_of("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(p.client_of("127.0.0.1", "10.0.0.2, 10.0.0.3"), "10.0.0.2") << "only proxies: the left-most";
  EXPECT_EQ(p.client_of("127.0.0.1", "garbage, 198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(p.client_of("127.0.0.1", "198.51.100.7, garbage"), "127.0.0.1") << "garbage from a trusted hop: stop there";
}

TEST(ClientAddress, NetworksAndIpv6) {
  TrustedProxies p({"192.168.4.0/22", "fd00::/8", "::1"});
  EXPECT_TRUE(p.contains("192.168.7.255"));
  EXPECT_FALSE(p.contains("192.168.8.0"));
  EXPECT_TRUE(p.contains("fd12:3456::1"));
  EXPECT_TRUE(p.contains("::1"));
  EXPECT_TRUE(p.contains("::ffff:192.168.5.1")) << "IPv4-mapped addresses are IPv4";
  EXPECT_EQ(p.client_of("::1", "2001:db8::7"), "2001:db8::7");
}

TEST(ClientAddress, BadSpecsAreUsageErrors) {
  for (const std::string bad : {"nonsense", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::1/129"})
    EXPECT_THROW(TrustedProxies({bad}), Error) << bad;
}
