#pragma once
// Where mail goes: an SMTP URL (smtp://host:port with STARTTLS when offered, smtps:// for
// implicit TLS), the sender, optional credentials. From the config file's `mail:` section and
// the environment (the environment wins):
//   DIGIPULS_SMTP_URL        smtp://127.0.0.1:1025
//   DIGIPULS_MAIL_FROM       "Digipuls <noreply@example.org>"
//   DIGIPULS_SMTP_USER, DIGIPULS_SMTP_PASSWORD
//   DIGIPULS_SMTP_TLS        "required" to refuse sending without TLS (default: use when offered)
// Without an SMTP URL nothing is sent: messages stay in the outbox, marked "logged", for the
// administrator to read (the demo works that way).
#include <string>

namespace dp::mail {

struct Config {
  std::string smtp_url;
  std::string from = "Digipuls <noreply@digipuls.invalid>";
  std::string user;
  std::string password;
  bool require_tls = false;
  int timeout_seconds = 30;

  bool configured() const { return !smtp_url.empty(); }
};

// Reads the `mail:` section of a YAML config file (keys smtp_url, from, user, password,
// require_tls, timeout_seconds). Throws dp::Error (BadInput) naming the file and key.
Config load_config_file(const std::string& path, Config base = {});
// Applies the DIGIPULS_* environment variables on top of `base`.
Config apply_environment(Config base);
// The configuration in force: the file `path` (or $DIGIPULS_CONFIG when `path` is empty; none
// if neither is set), then the environment.
Config load(const std::string& path);

}  // namespace dp::mail
