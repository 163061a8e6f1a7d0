#pragma once
// Hands a message to a mail server. SmtpTransport speaks SMTP through libcurl; tests may plug in
// their own transport to script failures.
#include <memory>
#include <stdexcept>
#include <string>

#include "mail/config.h"
#include "mail/message.h"

namespace dp::mail {

// The server refused the message for good (an SMTP 5xx reply, e.g. 550 "no such mailbox"):
// sending it again cannot help, so the sender gives up at once and the address is shown on the
// campaign's dashboard.
class Rejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The prefix of a rejected message's last_error in the outbox.
inline constexpr const char* kRejectedPrefix = "rejected: ";

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends or throws std::runtime_error with the server's or the library's explanation (Rejected
  // for a permanent refusal).
  virtual void send(const Message& m) = 0;
};

class SmtpTransport : public Transport {
 public:
  explicit SmtpTransport(Config config);
  void send(const Message& m) override;

 private:
  Config config_;
};

// The transport for a configuration: SMTP when an URL is set, otherwise none (nullptr).
std::shared_ptr<Transport> make_transport(const Config& config);

}  // namespace dp::mail
