#include "mail/config.h"

#include <cstdlib>

#include "core/error.h"
#include "core/yaml_reader.h"
#include "mail/message.h"

namespace dp::mail {

Config load_config_file(const std::string& path, Config base) {
  YAML::Node mail = yaml::config_section(path, "mail");
  if (!mail) return base;
  for (auto it = mail.begin(); it != mail.end(); ++it) {
    std::string key = it->first.as<std::string>();
    const auto& v = it->second;
    Location where{path, v.Mark().line + 1, v.Mark().column + 1, "mail." + key};
    if (!v.IsScalar()) throw Error::bad_input("mail." + key + " must be a single value", where);
    if (key == "smtp_url") base.smtp_url = v.as<std::string>();
    else if (key == "from") base.from = v.as<std::string>();
    else if (key == "user") base.user = v.as<std::string>();
    else if (key == "password") base.password = v.as<std::string>();
    else if (key == "require_tls") base.require_tls = v.as<bool>(false);
    else if (key == "timeout_seconds") base.timeout_seconds = v.as<int>(30);
    else
      throw Error::bad_input(
          "unknown key mail." + key + " (smtp_url, from, user, password, require_tls, timeout_seconds)", where);
  }
  if (!valid_address(address_of(base.from)))
    throw Error::bad_input("mail.from is not an e-mail address", Location{path, 0, 0, "mail.from"});
  return base;
}

Config apply_environment(Config base) {
  auto env = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (auto v = env("DIGIPULS_SMTP_URL")) base.smtp_url = v;
  if (auto v = env("DIGIPULS_MAIL_FROM")) {
    if (!valid_address(address_of(v))) throw Error::bad_input("DIGIPULS_MAIL_FROM is not an e-mail address");
    base.from = v;
  }
  if (auto v = env("DIGIPULS_SMTP_USER")) base.user = v;
  if (auto v = env("DIGIPULS_SMTP_PASSWORD")) base.password = v;
  if (auto v = env("DIGIPULS_SMTP_TLS")) base.require_tls = std::string(v) == "required";
  if (!base.smtp_url.empty() && base.smtp_url.rfind("smtp://", 0) != 0 && base.smtp_url.rfind("smtps://", 0) != 0)
    throw Error::bad_input("the SMTP URL must start with smtp:// or smtps:// (got '" + base.smtp_url.substr(0, 60) +
                           "')");
  return base;
}

Config load(const std::string& path) {
  std::string file = path;
  if (file.empty())
    if (const char* v = std::getenv("DIGIPULS_CONFIG"); v && *v) file = v;
  Config c;
  if (!file.empty()) c = load_config_file(file, c);
  return apply_environment(c);
}

}  // namespace dp::mail
