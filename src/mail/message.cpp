#include "mail/message.h"

#include <atomic>
#include <chrono>
#include <ctime>

namespace dp::mail {

std::string base64(const std::string& data, bool wrap) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(data.size() * 4 / 3 + data.size() / 57 * 2 + 4);
  size_t line = 0;
  for (size_t i = 0; i < data.size(); i += 3) {
    unsigned n = (unsigned char)data[i] << 16;
    if (i + 1 < data.size()) n |= (unsigned char)data[i + 1] << 8;
    if (i + 2 < data.size()) n |= (unsigned char)data[i + 2];
    out += tbl[(n >> 18) & 63];
    out += tbl[(n >> 12) & 63];
    out += i + 1 < data.size() ? tbl[(n >> 6) & 63] : '=';
    out += i + 2 < data.size() ? tbl[n & 63] : '=';
    line += 4;
    if (wrap && line >= 76 && i + 3 < data.size()) {
      out += "\r\n";
      line = 0;
    }
  }
  return out;
}

bool valid_address(const std::string& a) {
  if (a.empty() || a.size() > 254) return false;
  auto at = a.find('@');
  if (at == std::string::npos || at == 0 || a.find('@', at + 1) != std::string::npos) return false;
  for (unsigned char c : a)
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')' ||
        c == '[' || c == ']' || c == '\\')
      return false;
  std::string domain = a.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string::npos;
}

std::string address_of(const std::string& mailbox) {
  auto lt = mailbox.rfind('<');
  auto gt = mailbox.rfind('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return mailbox.substr(lt + 1, gt - lt - 1);
  return mailbox;
}

// "=?UTF-8?B?...?=" words for header text that is not plain ASCII, split so that each encoded
// word stays under 76 characters and no UTF-8 sequence is cut.
static std::string encode_header(const std::string& s) {
  bool ascii = true;
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20) ascii = false;
  if (ascii) return s;
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t end = std::min(s.size(), i + 45);
    while (end < s.size() && ((unsigned char)s[end] & 0xC0) == 0x80) --end;  // do not split a character
    if (!out.empty()) out += "\r\n ";
    std::string chunk = s.substr(i, end - i);
    for (auto& c : chunk)
      if ((unsigned char)c < 0x20) c = ' ';  // no CR/LF can reach the header
    out += "=?UTF-8?B?" + base64(chunk) + "?=";
    i = end;
  }
  return out;
}

// "Name <addr>" with the name encoded when needed.
static std::string encode_mailbox(const std::string& mailbox) {
  auto lt = mailbox.rfind('<');
  if (lt == std::string::npos || lt == 0) return mailbox;
  std::string name = mailbox.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return encode_header(name) + " <" + address_of(mailbox) + ">";
}

static std::string rfc5322_now() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string to_mime(const Message& m, const std::string& date) {
  static std::atomic<unsigned> counter{0};
  auto now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                 .count();
  std::string from_addr = address_of(m.from);
  std::string domain =
      from_addr.substr(from_addr.find('@') == std::string::npos ? from_addr.size() : from_addr.find('@') + 1);
  if (domain.empty()) domain = "digipuls.invalid";
  std::string id =
      m.message_id.empty() ? std::to_string(now) + "." + std::to_string(counter++) + "@" + domain : m.message_id;
  std::string boundary = "=_digipuls_" + std::to_string(now) + "_" + std::to_string(counter++);

  std::string out;
  out += "Date: " + (date.empty() ? rfc5322_now() : date) + "\r\n";
  out += "From: " + encode_mailbox(m.from) + "\r\n";
  out += "To: " + m.to + "\r\n";
  out += "Subject: " + encode_header(m.subject) + "\r\n";
  out += "Message-ID: <" + id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  auto part = [](const std::string& type, const std::string& body) {
    return "Content-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
           base64(body, true) + "\r\n";
  };
  if (m.html.empty()) {
    out += part("text/plain", m.text);
    return out;
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + part("text/plain", m.text);
  out += "--" + boundary + "\r\n" + part("text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace dp::mail
