#include <cstring>
#include <curl/curl.h>
#include <mutex>
#include <stdexcept>

#include "mail/transport.h"

namespace dp::mail {

namespace {

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t read_cb(char* buf, size_t size, size_t n, void* userp) {
  auto* up = static_cast<Upload*>(userp);
  size_t room = size * n;
  size_t left = up->data->size() - up->pos;
  size_t len = std::min(room, left);
  std::memcpy(buf, up->data->data() + up->pos, len);
  up->pos += len;
  return len;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

SmtpTransport::SmtpTransport(Config config) : config_(std::move(config)) { global_init(); }

void SmtpTransport::send(const Message& m) {
  std::string payload = to_mime(m);
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("libcurl could not start");
  char errbuf[CURL_ERROR_SIZE] = {0};
  Upload up{&payload};
  std::string from = "<" + address_of(m.from) + ">";
  std::string to = "<" + m.to + ">";
  struct curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)config_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, config_.require_tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
  if (!config_.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    std::string why = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    if (code) why += " (SMTP " + std::to_string(code) + ")";
    if (code >= 500 && code < 600) throw Rejected(why);
    throw std::runtime_error(why);
  }
}

std::shared_ptr<Transport> make_transport(const Config& config) {
  if (!config.configured()) return nullptr;
  return std::make_shared<SmtpTransport>(config);
}

}  // namespace dp::mail
