#pragma once
// Hands a message to a mail server. SmtpTransport speaks SMTP through libcurl; tests may plug in
// their own transport to script failures.
#include <memory>
#include <string>

#include "mail/config.h"
#include "mail/message.h"

namespace dp::mail {

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends or throws std::runtime_error with the server's or the library's explanation.
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
