#pragma once
// One e-mail as it goes out: plain text with an optional HTML alternative, UTF-8 throughout.
#include <string>

namespace dp::mail {

struct Message {
  std::string from;  // "Digipuls <noreply@example.org>" or a bare address
  std::string to;    // a bare address
  std::string subject;
  std::string text;
  std::string html;        // "" = text only
  std::string message_id;  // "" = made up from the time and a counter
};

// The RFC 5322 text of a message: headers (the subject encoded per RFC 2047), then
// multipart/alternative (or a single text part) with base64-encoded UTF-8 bodies. `date` is an
// RFC 5322 date; empty = now.
std::string to_mime(const Message& m, const std::string& date = "");

// Base64 (RFC 4648) with lines of at most 76 characters when `wrap` is set.
std::string base64(const std::string& data, bool wrap = false);

// A plausible mailbox address: one '@', no spaces or control characters, a dot in the domain,
// at most 254 bytes. Used to refuse header injection and typos before anything is stored.
bool valid_address(const std::string& address);

// The bare address inside "Name <addr>" (or the whole string).
std::string address_of(const std::string& mailbox);

}  // namespace dp::mail
