// The request parsers and answer helpers of src/web/http.cpp on their own: URL encoding,
// urlencoded forms, cookies, multipart bodies, cookies and headers of answers.
#include "web/http.h"

#include <gtest/gtest.h>

#include "web/server.h"

using namespace dp;
using namespace dp::web;

TEST(UrlEncoding, EncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(url_encode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
  EXPECT_EQ(url_encode_path("/kommuner/a b"), "/kommuner/a%20b");
  EXPECT_EQ(url_decode("a+b%20c%2f%zz%4"), "a b c/%zz%4") << "bad escapes stay as they are";
  EXPECT_EQ(url_decode("a+b", false), "a+b") << "a path keeps its plus signs";
}

TEST(Urlencoded, PairsKeysWithoutValuesAndRepeatedKeys) {
  auto f = parse_urlencoded("a=1&b=&c&a=2&&d=x%3Dy+z");
  ASSERT_EQ(f.count("a"), 2u);
  EXPECT_EQ(f.find("b")->second, "");
  EXPECT_EQ(f.find("c")->second, "");
  EXPECT_EQ(f.find("d")->second, "x=y z");
  EXPECT_EQ(f.size(), 5u);
}

TEST(Urlencoded, AtMostTenThousandFieldsAreRead) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "f=1&";
  EXPECT_EQ(parse_urlencoded(body).size(), 10000u);
}

TEST(Cookies, NamesAndValuesAreTrimmedAndMalformedPartsSkipped) {
  auto c = parse_cookies(" dp_session=abc ; dp_lang=en;junk; =x; a=b=c");
  EXPECT_EQ(c.at("dp_session"), "abc");
  EXPECT_EQ(c.at("dp_lang"), "en");
  EXPECT_EQ(c.at("a"), "b=c");
  EXPECT_FALSE(c.count("junk"));
}

TEST(AnswerCookies, CarryTheirFlags) {
  Response r;
  r.set_cookie({"dp_session", "tok", "/", 3600, true, true, "Lax"});
  r.set_cookie({"dp_lang", "en", "/", -1, false, false, ""});
  ASSERT_EQ(r.headers.size(), 2u) << "two cookies are two headers";
  EXPECT_EQ(r.headers[0].second, "dp_session=tok; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
  EXPECT_EQ(r.headers[1].second, "dp_lang=en; Path=/");
  r.set_header("x-frame-options", "DENY");
  r.set_header("X-Frame-Options", "SAMEORIGIN");
  EXPECT_EQ(r.header("X-FRAME-OPTIONS"), "SAMEORIGIN") << "header names ignore case";
}

namespace {

const std::string kType = "multipart/form-data; boundary=XyZ";

std::string part(const std::string& disposition, const std::string& body, const std::string& type = "") {
  std::string p = "--XyZ\r\nContent-Disposition: " + disposition + "\r\n";
  if (!type.empty()) p += "Content-Type: " + type + "\r\n";
  return p + "\r\n" + body + "\r\n";
}

}  // namespace

TEST(Multipart, FieldsAndFilesAreSeparated) {
  std::string body = part("form-data; name=\"_csrf\"", "tok") +
                     part("form-data; name=\"file\"; filename=\"scope.csv\"", "org_code\r\n1440\r\n", "text/csv") +
                     "--XyZ--\r\n";
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  ASSERT_TRUE(parse_multipart(body, kType, form, files));
  EXPECT_EQ(form.find("_csrf")->second, "tok");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].field, "file");
  EXPECT_EQ(files[0].filename, "scope.csv");
  EXPECT_EQ(files[0].content_type, "text/csv");
  EXPECT_EQ(files[0].data, "org_code\r\n1440\r\n");
}

// The lookup of name=" found it inside filename=" when the filename came first: the file was
// filed under the name of the file.
TEST(Multipart, TheNameIsNeverTakenFromInsideFilename) {
  std::string body = part("form-data; filename=\"report.csv\"; name=\"file\"", "data", "text/csv") +
                     part("form-data; filename=\"\"; name=\"other\"", "x", "application/octet-stream") + "--XyZ--";
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  ASSERT_TRUE(parse_multipart(body, kType, form, files));
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].field, "file");
  EXPECT_EQ(files[0].filename, "report.csv");
  EXPECT_EQ(files[1].field, "other");
  EXPECT_EQ(disposition_param("Content-Disposition: form-data; filename=\"a\"; name=\"b\"", "name"), "b");
  EXPECT_EQ(disposition_param("Content-Disposition: form-data; name=plain; filename=\"x;y.csv\"", "filename"),
            "x;y.csv");
  EXPECT_EQ(disposition_param("Content-Disposition: form-data; name=plain", "name"), "plain");
  EXPECT_EQ(disposition_param("Content-Disposition: form-data; NAME=\"up\"", "name"), "up")
      << "parameter names ignore case";
  EXPECT_EQ(disposition_param("Content-Disposition: form-data", "name"), "");
}

TEST(Multipart, AQuotedBoundaryIsUnquoted) {
  std::string body = part("form-data; name=\"a\"", "1") + "--XyZ--";
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  ASSERT_TRUE(parse_multipart(body, "multipart/form-data; boundary=\"XyZ\"; charset=utf-8", form, files));
  EXPECT_EQ(form.find("a")->second, "1");
}

TEST(Multipart, MalformedBodiesAreRefused) {
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  EXPECT_FALSE(parse_multipart("x", "multipart/form-data", form, files)) << "no boundary";
  EXPECT_FALSE(parse_multipart("x", "multipart/form-data; boundary=", form, files)) << "empty boundary";
  EXPECT_FALSE(parse_multipart("x", "multipart/form-data; boundary=" + std::string(300, 'b'), form, files));
  EXPECT_FALSE(parse_multipart("no delimiter at all", kType, form, files));
  EXPECT_FALSE(
      parse_multipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", kType, form, files));
  EXPECT_FALSE(parse_multipart("--XyZ\r\nno blank line", kType, form, files));
  EXPECT_FALSE(parse_multipart("--XyZjunk", kType, form, files));
}

TEST(Multipart, AtMostAThousandParts) {
  std::string body;
  for (int i = 0; i < 1200; ++i) body += part("form-data; name=\"f\"", "1");
  body += "--XyZ--";
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  EXPECT_FALSE(parse_multipart(body, kType, form, files));
}

TEST(BuildRequest, SplitsTargetQueryCookiesAndForm) {
  Request req;
  req.method = "POST";
  req.target = "/kommuner/a%20b?x=1&y=%C3%A9";
  req.headers["cookie"] = "dp_lang=en; dp_csrf=abc";
  req.body = "email=a%40b.se&password=x+y";
  ASSERT_TRUE(build_request(req, "application/x-www-form-urlencoded; charset=UTF-8"));
  EXPECT_EQ(req.path, "/kommuner/a b");
  EXPECT_EQ(req.q("y"), "é");
  EXPECT_EQ(req.cookies.at("dp_lang"), "en");
  EXPECT_EQ(req.f("email"), "a@b.se");
  EXPECT_EQ(req.f("password"), "x y");
}

TEST(BuildRequest, APathKeepsItsPlusSigns) {
  Request req;
  req.target = "/statistik/a+b?q=a+b";
  ASSERT_TRUE(build_request(req, ""));
  EXPECT_EQ(req.path, "/statistik/a+b");
  EXPECT_EQ(req.q("q"), "a b");
}
