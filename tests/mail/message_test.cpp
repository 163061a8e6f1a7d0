#include "mail/message.h"

#include <gtest/gtest.h>

using namespace dp::mail;

static std::string decode_b64(const std::string& in) {
  static const std::string tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int val = 0, bits = -8;
  for (char c : in) {
    auto p = tbl.find(c);
    if (p == std::string::npos) continue;
    val = (val << 6) + (int)p;
    bits += 6;
    if (bits >= 0) {
      out += char((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

TEST(Base64, RoundTripsEveryLengthModuloThree) {
  for (std::string s : {"", "a", "ab", "abc", "abcd", "Åäö – e-hälsa"}) EXPECT_EQ(decode_b64(base64(s)), s) << s;
  EXPECT_EQ(base64("abc"), "YWJj");
  EXPECT_EQ(base64("ab"), "YWI=");
}

TEST(Base64, WrapsLongBodiesAt76Characters) {
  std::string out = base64(std::string(300, 'x'), true);
  size_t start = 0;
  while (start < out.size()) {
    auto nl = out.find("\r\n", start);
    size_t len = (nl == std::string::npos ? out.size() : nl) - start;
    EXPECT_LE(len, 76u);
    if (nl == std::string::npos) break;
    start = nl + 2;
  }
}

TEST(Address, AcceptsOrdinaryAddressesAndRefusesHeaderInjection) {
  EXPECT_TRUE(valid_address("anna.svensson@kommun.se"));
  EXPECT_TRUE(valid_address("a+tag@sub.example.org"));
  EXPECT_FALSE(valid_address("no-at-sign.se"));
  EXPECT_FALSE(valid_address("two@@kommun.se"));
  EXPECT_FALSE(valid_address("a@b@kommun.se"));
  EXPECT_FALSE(valid_address("a@localhost"));
  EXPECT_FALSE(valid_address("a@kommun.se\r\nBcc: victim@example.org"));
  EXPECT_FALSE(valid_address("a b@kommun.se"));
  EXPECT_FALSE(valid_address("<a@kommun.se>"));
  EXPECT_FALSE(valid_address(std::string(250, 'a') + "@kommun.se"));
}

TEST(Mime, EncodesANonAsciiSubjectAsUtf8EncodedWords) {
  Message m{"Digipuls <noreply@digipuls.se>", "anna@kommun.se", "Påminnelse: e-hälsa 2022", "Hej!", "", ""};
  std::string mime = to_mime(m, "Mon, 01 Jan 2024 00:00:00 +0000");
  EXPECT_NE(mime.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(mime.find("Påminnelse"), std::string::npos) << "raw UTF-8 must not appear in headers";
  EXPECT_NE(mime.find("To: anna@kommun.se\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Content-Transfer-Encoding: base64"), std::string::npos);
}

TEST(Mime, ASubjectWithLineBreaksCannotAddHeaders) {
  Message m{"noreply@digipuls.se", "anna@kommun.se", "Hej\r\nBcc: victim@example.org åäö", "x", "", ""};
  std::string mime = to_mime(m);
  EXPECT_EQ(mime.find("\r\nBcc:"), std::string::npos);
}

TEST(Mime, SendsTextAndHtmlAsAlternatives) {
  Message m{"noreply@digipuls.se", "anna@kommun.se", "Kvitto", "Text body", "<p>HTML body</p>", ""};
  std::string mime = to_mime(m);
  EXPECT_NE(mime.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(mime.find("text/plain"), std::string::npos);
  EXPECT_NE(mime.find("text/html"), std::string::npos);
  EXPECT_NE(mime.find(base64("Text body", true)), std::string::npos);
}
