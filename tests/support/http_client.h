#pragma once
// A small HTTP client for tests that talk to a real `digipuls serve` (libcurl): keeps cookies
// like a browser, never follows redirects, and finds the CSRF token of a page.
#include <curl/curl.h>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dp::test {

struct HttpResponse {
  long status = 0;
  std::string body;
  std::string content_type;
  std::string location;
  std::vector<std::string> set_cookies;
  std::map<std::string, std::string> headers;  // lower-case names; the last of repeated ones
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  // {"error": {"code": ...}} of a JSON error answer, or "".
  std::string error_code() const {
    auto j = json();
    if (j.is_object() && j.contains("error") && j["error"].is_object()) return j["error"].value("code", "");
    return "";
  }
};

using Fields = std::vector<std::pair<std::string, std::string>>;

inline std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += (char)c;
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

inline std::string form_body(const Fields& fields) {
  std::string b;
  for (const auto& [k, v] : fields) b += (b.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
  return b;
}

// The _csrf value of the first form on a page, or "".
inline std::string page_csrf(const std::string& html) {
  static const std::regex re("name=\"_csrf\" value=\"([^\"]+)\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

class Http {
 public:
  explicit Http(std::string base) : base_(std::move(base)) {
    static bool init = (curl_global_init(CURL_GLOBAL_DEFAULT), true);
    (void)init;
  }
  std::map<std::string, std::string> cookies;
  std::vector<std::string> headers;  // sent with every request ("Accept: application/json")
  // The loopback address requests leave from ("127.0.0.7"; "" = the default). The server takes
  // the TCP peer as the client (it trusts no X-Forwarded-For by default), so tests that play
  // another client, e.g. to meet the per-client limits without locking out their own sign-ins,
  // bind another address of 127.0.0.0/8.
  std::string source;

  HttpResponse get(const std::string& path) { return request("GET", path, "", ""); }
  HttpResponse post_form(const std::string& path, const Fields& fields, const std::vector<std::string>& extra = {}) {
    return request("POST", path, form_body(fields), "application/x-www-form-urlencoded", extra);
  }
  HttpResponse post_json(const std::string& path, const std::string& body, const std::vector<std::string>& extra = {}) {
    return request("POST", path, body, "application/json", extra);
  }
  // A multipart/form-data POST, as a browser sends a form with a file: fields, then files as
  // {field, filename, content}.
  struct File {
    std::string field, filename, content;
  };
  HttpResponse post_multipart(const std::string& path, const Fields& fields, const std::vector<File>& files) {
    const std::string boundary = "----digipulsTestBoundary7MA4YWxk";
    std::string body;
    for (const auto& [k, v] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    for (const auto& f : files)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" +
              f.filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + f.content + "\r\n";
    body += "--" + boundary + "--\r\n";
    return request("POST", path, body, "multipart/form-data; boundary=" + boundary);
  }

  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& content_type, const std::vector<std::string>& extra = {}) {
    CURL* c = curl_easy_init();
    HttpResponse r;
    std::string url = base_ + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    std::string interface = "host!" + source;
    if (!source.empty()) curl_easy_setopt(c, CURLOPT_INTERFACE, interface.c_str());
    if (method != "GET") {
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body.size());
    }
    struct curl_slist* hs = nullptr;
    std::string cookie;
    for (const auto& [k, v] : cookies) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    if (!cookie.empty()) hs = curl_slist_append(hs, ("Cookie: " + cookie).c_str());
    if (!content_type.empty()) hs = curl_slist_append(hs, ("Content-Type: " + content_type).c_str());
    for (const auto& h : headers) hs = curl_slist_append(hs, h.c_str());
    for (const auto& h : extra) hs = curl_slist_append(hs, h.c_str());
    hs = curl_slist_append(hs, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
    curl_easy_setopt(
        c, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* ud) {
          static_cast<std::string*>(ud)->append(p, s * n);
          return s * n;
        });
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    std::vector<std::string> raw_headers;
    curl_easy_setopt(
        c, CURLOPT_HEADERFUNCTION, +[](char* p, size_t s, size_t n, void* ud) {
          static_cast<std::vector<std::string>*>(ud)->emplace_back(p, s * n);
          return s * n;
        });
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &raw_headers);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(hs);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK)
      throw std::runtime_error(std::string("HTTP ") + method + " " + path.substr(0, 100) + ": " +
                               curl_easy_strerror(rc));
    for (auto h : raw_headers) {
      while (!h.empty() && (h.back() == '\r' || h.back() == '\n')) h.pop_back();
      auto colon = h.find(':');
      if (colon == std::string::npos) continue;
      std::string name = h.substr(0, colon), value = h.substr(colon + 1);
      while (!value.empty() && value[0] == ' ') value.erase(0, 1);
      for (auto& ch : name) ch = (char)tolower((unsigned char)ch);
      r.headers[name] = value;
      if (name == "content-type") r.content_type = value;
      if (name == "location") r.location = value;
      if (name == "set-cookie") {
        r.set_cookies.push_back(value);
        auto eq = value.find('='), semi = value.find(';');
        std::string k = value.substr(0, eq),
                    v = value.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
        if (value.find("Max-Age=0") != std::string::npos) cookies.erase(k);
        else cookies[k] = v;
      }
    }
    return r;
  }

  // Signs in with a password; returns the session's CSRF token (from the page signed in to).
  std::string sign_in(const std::string& email, const std::string& password) {
    get("/login");
    auto r = post_form("/login", {{"_csrf", cookies["dp_csrf"]}, {"email", email}, {"password", password}});
    if (r.status != 303) throw std::runtime_error("sign-in of " + email + " failed: " + std::to_string(r.status));
    csrf = page_csrf(get("/account").body);
    if (csrf.empty()) throw std::runtime_error("no CSRF token after signing in " + email);
    return csrf;
  }
  std::string csrf;  // the session's token after sign_in

 private:
  std::string base_;
};

}  // namespace dp::test
