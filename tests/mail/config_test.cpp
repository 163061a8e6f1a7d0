#include "mail/config.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>

#include "core/error.h"
#include "mail/transport.h"
#include "support/temp_dir.h"

using namespace dp;

static std::string write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
  return p.string();
}

TEST(MailConfig, ReadsTheMailSectionOfTheConfigFile) {
  test::ScopedDir d("digipuls-cfg");
  auto path = write(d.path / "c.yaml",
                    "mail:\n  smtp_url: smtp://mail.example.org:587\n  from: \"Digipuls <noreply@example.org>\"\n"
                    "  user: u\n  password: p\n  require_tls: true\n");
  auto c = mail::load_config_file(path);
  EXPECT_EQ(c.smtp_url, "smtp://mail.example.org:587");
  EXPECT_EQ(c.from, "Digipuls <noreply@example.org>");
  EXPECT_EQ(c.user, "u");
  EXPECT_TRUE(c.require_tls);
  EXPECT_TRUE(c.configured());
}

TEST(MailConfig, AnUnknownKeyIsNamedWithItsLine) {
  test::ScopedDir d("digipuls-cfg");
  auto path = write(d.path / "c.yaml", "mail:\n  smtp_host: x\n");
  try {
    mail::load_config_file(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "mail.smtp_host");
    EXPECT_EQ(e.where().line, 2);
  }
}

TEST(MailConfig, AKeyGivenTwiceIsRefusedWithItsSecondLine) {
  test::ScopedDir d("digipuls-cfg");
  auto path =
      write(d.path / "c.yaml", "mail:\n  from: a@example.org\n  smtp_url: smtp://x:25\n  from: b@example.org\n");
  try {
    mail::load_config_file(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 4);
    EXPECT_NE(e.message().find("first at line 2"), std::string::npos) << e.message();
  }
}

TEST(MailConfig, EnvironmentWinsOverTheFile) {
  test::ScopedDir d("digipuls-cfg");
  auto path = write(d.path / "c.yaml", "mail:\n  smtp_url: smtp://file:25\n");
  setenv("DIGIPULS_SMTP_URL", "smtp://env:1025", 1);
  setenv("DIGIPULS_MAIL_FROM", "noreply@env.se", 1);
  auto c = mail::load(path);
  unsetenv("DIGIPULS_SMTP_URL");
  unsetenv("DIGIPULS_MAIL_FROM");
  EXPECT_EQ(c.smtp_url, "smtp://env:1025");
  EXPECT_EQ(c.from, "noreply@env.se");
}

TEST(MailConfig, RefusesAnUrlThatIsNotSmtp) {
  setenv("DIGIPULS_SMTP_URL", "http://mail:25", 1);
  EXPECT_THROW(mail::apply_environment({}), Error);
  unsetenv("DIGIPULS_SMTP_URL");
}

TEST(MailConfig, NothingConfiguredMeansNoTransport) {
  EXPECT_FALSE(mail::Config{}.configured());
  EXPECT_EQ(mail::make_transport(mail::Config{}), nullptr);
}
