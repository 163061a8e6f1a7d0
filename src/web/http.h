#pragma once
// HTTP requests and responses as the rest of the program sees them: plain structs, independent
// of the server library underneath (Boost.Beast, in server.cpp).
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "web/principal.h"

namespace dp::web {

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string data;
};

struct Request {
  std::string method;  // GET, POST, ... (HEAD is served as GET without a body)
  std::string target;  // as received: path and query
  std::string path;    // decoded path
  std::multimap<std::string, std::string> query;
  std::multimap<std::string, std::string> form;  // urlencoded or multipart fields
  std::vector<UploadedFile> files;
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> params;  // from the route pattern
  std::string body;
  std::string remote_ip;  // the client's address (client_address.h: through trusted proxies only)
  bool tls = false;
  std::string request_id;  // for the access log and the X-Request-Id answer header

  // Filled in by the App pipeline.
  Principal principal;
  Lang lang = Lang::sv;
  std::string csrf;      // the token forms on this page must carry
  std::string route;     // the matched route's name ("GET /login/link/{token}"), or "unmatched"
  std::string log_path;  // the path as the access log shows it: one-time tokens masked

  // First value of a query parameter / form field, or nullopt.
  std::optional<std::string> q(const std::string& name) const;
  std::optional<std::string> f(const std::string& name) const;
  std::vector<std::string> f_all(const std::string& name) const;
  std::vector<std::string> q_all(const std::string& name) const;
  std::string header(const std::string& lower_name) const;
  const std::string& param(const std::string& name) const;  // throws NotFound if absent
  bool wants_json() const;                                  // API paths and Accept: application/json
};

struct Cookie {
  std::string name;
  std::string value;
  std::string path = "/";
  int max_age = -1;  // -1 = session cookie, 0 = delete
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // A body shared with a cache: when set, it is sent instead of `body`, without a copy (the
  // server keeps it alive until written). Set ETag yourself; nothing compresses it.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response html(std::string body, int status = 200);
  static Response json(const nlohmann::json& j, int status = 200);
  static Response text(std::string body, int status = 200, std::string type = "text/plain; charset=utf-8");
  static Response bytes(std::string body, std::string type);
  static Response redirect(const std::string& location, int status = 303);
  // A JSON error answer: {"error": {"code": ..., "message": ..., "parameter": ...}}.
  static Response json_error(int status, const std::string& code, const std::string& message,
                             const std::string& parameter = "");

  void set_header(const std::string& name, const std::string& value);
  std::string header(const std::string& name) const;
  void set_cookie(const Cookie& c);
};

std::string url_encode(const std::string& s);
// As url_encode, but '/' stays: for a path.
std::string url_encode_path(const std::string& s);
std::string url_decode(const std::string& s, bool plus_as_space = true);
std::multimap<std::string, std::string> parse_urlencoded(const std::string& s);
std::map<std::string, std::string> parse_cookies(const std::string& header);
// One parameter of a Content-Disposition header ("name", "filename"), unquoted; "" when absent.
std::string disposition_param(const std::string& header, const std::string& key);
// Parses a multipart/form-data body. Returns false on a malformed body.
bool parse_multipart(const std::string& body, const std::string& content_type,
                     std::multimap<std::string, std::string>& form, std::vector<UploadedFile>& files);

}  // namespace dp::web
