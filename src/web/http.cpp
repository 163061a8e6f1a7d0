#include "web/http.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace dp::web {

std::optional<std::string> Request::q(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::f(const std::string& name) const {
  auto it = form.find(name);
  if (it == form.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Request::f_all(const std::string& name) const {
  std::vector<std::string> out;
  auto [a, b] = form.equal_range(name);
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

std::vector<std::string> Request::q_all(const std::string& name) const {
  std::vector<std::string> out;
  auto [a, b] = query.equal_range(name);
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

const std::string& Request::param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) throw Error::not_found("missing path parameter " + name);
  return it->second;
}

bool Request::wants_json() const {
  return path.rfind("/api/", 0) == 0 || header("accept").find("application/json") != std::string::npos;
}

Response Response::html(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::json(const nlohmann::json& j, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::text(std::string body, int status, std::string type) {
  Response r;
  r.status = status;
  r.content_type = std::move(type);
  r.body = std::move(body);
  return r;
}

Response Response::bytes(std::string body, std::string type) {
  Response r;
  r.content_type = std::move(type);
  r.body = std::move(body);
  return r;
}

Response Response::redirect(const std::string& location, int status) {
  Response r;
  r.status = status;
  r.set_header("Location", location);
  r.content_type = "text/plain; charset=utf-8";
  r.body = "See " + location;
  return r;
}

Response Response::json_error(int status, const std::string& code, const std::string& message,
                              const std::string& parameter) {
  nlohmann::json e = {{"code", code}, {"message", message}};
  if (!parameter.empty()) e["parameter"] = parameter;
  return json({{"error", e}}, status);
}

// Header names compare without regard to ASCII case, without allocating (this runs several
// times for every answer).
static bool same_name(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
    if (x != y) return false;
  }
  return true;
}

void Response::set_header(const std::string& name, const std::string& value) {
  bool cookie = same_name(name, "set-cookie");
  for (auto& h : headers)
    if (!cookie && same_name(h.first, name)) {
      h.second = value;
      return;
    }
  headers.emplace_back(name, value);
}

std::string Response::header(const std::string& name) const {
  for (const auto& h : headers)
    if (same_name(h.first, name)) return h.second;
  return "";
}

void Response::set_cookie(const Cookie& c) {
  std::string v = fmt::format("{}={}; Path={}", c.name, c.value, c.path);
  if (c.max_age >= 0) v += fmt::format("; Max-Age={}", c.max_age);
  if (c.http_only) v += "; HttpOnly";
  if (c.secure) v += "; Secure";
  if (!c.same_site.empty()) v += "; SameSite=" + c.same_site;
  headers.emplace_back("Set-Cookie", v);
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += (char)c;
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string url_encode_path(const std::string& s) {
  std::string out;
  auto parts = split(s, '/');
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + url_encode(parts[i]);
  return out;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(const std::string& s, bool plus_as_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_as_space) out += ' ';
    else if (c == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      out += (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    } else out += c;
  }
  return out;
}

std::multimap<std::string, std::string> parse_urlencoded(const std::string& s) {
  std::multimap<std::string, std::string> out;
  size_t start = 0;
  int count = 0;
  while (start <= s.size() && count < 10000) {
    size_t amp = s.find('&', start);
    if (amp == std::string::npos) amp = s.size();
    std::string pair = s.substr(start, amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string k = url_decode(pair.substr(0, eq));
      std::string v = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
      out.emplace(std::move(k), std::move(v));
      ++count;
    }
    start = amp + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(const std::string& h) {
  std::map<std::string, std::string> out;
  for (auto& part : split(h, ';')) {
    auto p = trim(part);
    auto eq = p.find('=');
    if (eq == std::string::npos) continue;
    out.emplace(trim(p.substr(0, eq)), trim(p.substr(eq + 1)));
  }
  return out;
}

std::string disposition_param(const std::string& header, const std::string& key) {
  // form-data; name="a"; filename="b.csv": parameters after the first ';', compared by their
  // whole name (so that "name" is never found inside "filename").
  auto colon = header.find(':');
  std::string value = colon == std::string::npos ? header : header.substr(colon + 1);
  size_t pos = value.find(';');
  while (pos != std::string::npos) {
    size_t start = pos + 1;
    while (start < value.size() && (value[start] == ' ' || value[start] == '\t')) ++start;
    size_t eq = value.find('=', start);
    if (eq == std::string::npos) return "";
    std::string k = to_lower_ascii(trim(value.substr(start, eq - start)));
    size_t v = eq + 1;
    std::string val;
    if (v < value.size() && value[v] == '"') {
      size_t close = value.find('"', v + 1);
      if (close == std::string::npos) return "";
      val = value.substr(v + 1, close - v - 1);
      pos = value.find(';', close);
    } else {
      pos = value.find(';', v);
      val = trim(value.substr(v, pos == std::string::npos ? std::string::npos : pos - v));
    }
    if (k == key) return val;
  }
  return "";
}

bool parse_multipart(const std::string& body, const std::string& ct, std::multimap<std::string, std::string>& form,
                     std::vector<UploadedFile>& files) {
  auto b = ct.find("boundary=");
  if (b == std::string::npos) return false;
  std::string boundary = ct.substr(b + 9);
  if (auto semi = boundary.find(';'); semi != std::string::npos) boundary = boundary.substr(0, semi);
  if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
    boundary = boundary.substr(1, boundary.size() - 2);
  if (boundary.empty() || boundary.size() > 200) return false;
  const std::string delim = "--" + boundary;
  size_t pos = body.find(delim);
  if (pos == std::string::npos) return false;
  int parts = 0;
  while (parts++ < 1000) {
    pos += delim.size();
    if (body.compare(pos, 2, "--") == 0) return true;
    if (body.compare(pos, 2, "\r\n") != 0) return false;
    pos += 2;
    size_t hend = body.find("\r\n\r\n", pos);
    if (hend == std::string::npos) return false;
    std::string headers = body.substr(pos, hend - pos);
    size_t next = body.find("\r\n" + delim, hend + 4);
    if (next == std::string::npos) return false;
    std::string data = body.substr(hend + 4, next - hend - 4);
    std::string name, filename, type;
    for (auto& line : split(headers, '\n')) {
      auto l = trim(line);
      auto lower = to_lower_ascii(l);
      if (lower.rfind("content-disposition:", 0) == 0) {
        name = disposition_param(l, "name");
        filename = disposition_param(l, "filename");
      } else if (lower.rfind("content-type:", 0) == 0) {
        type = trim(l.substr(13));
      }
    }
    if (!filename.empty() || !type.empty()) files.push_back({name, filename, type, data});
    else form.emplace(name, data);
    pos = next + 2;
  }
  return false;
}

}  // namespace dp::web
