// The outbox and the background sender against a real SQLite file and a scripted transport.
#include "mail/outbox.h"

#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

#include "core/error.h"
#include "core/utc_time.h"
#include "mail/sender.h"
#include "storage/mail_store.h"
#include "support/temp_dir.h"

using namespace dp;

namespace {

struct ScriptedTransport : mail::Transport {
  int fail_next = 0;  // this many sends fail before one succeeds
  std::vector<mail::Message> delivered;
  void send(const mail::Message& m) override {
    if (fail_next > 0) {
      --fail_next;
      throw std::runtime_error("421 try again later");
    }
    delivered.push_back(m);
  }
};

struct Outbox : ::testing::Test {
  test::ScopedDir dir{"digipuls-mail"};
  std::unique_ptr<storage::Store> store = storage::open_sqlite((dir.path / "m.db").string());
  mail::Config cfg = [] {
    mail::Config c;
    c.smtp_url = "smtp://127.0.0.1:1";
    c.from = "Digipuls <noreply@digipuls.se>";
    return c;
  }();

  int64_t queue_login_link(const std::string& link = "https://digipuls.se/login/link/SECRET123") {
    mail::Letter l;
    l.kind = "login_link";
    l.to = "anna@kommun.se";
    l.lang = Lang::sv;
    l.secret = link;
    l.data = {{"email", "anna@kommun.se"}, {"link", link}, {"minutes", 20}};
    return mail::queue(*store, l);
  }
};

}  // namespace

TEST_F(Outbox, QueuedMessageIsRenderedInTheRecipientsLanguage) {
  mail::Letter l;
  l.kind = "invitation";
  l.to = "bo@kommun.se";
  l.lang = Lang::en;
  l.data = {{"name", "Bo"},      {"email", "bo@kommun.se"},         {"role_label", "respondent"},
            {"org_name", "Ale"}, {"link", "https://x.se/invite/T"}, {"expires_days", 14}};
  auto id = mail::queue(*store, l);
  auto m = store->mail().find(id);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, MailStatus::Queued);
  EXPECT_EQ(m->subject, "Invitation to Digipuls – Ale");
  EXPECT_NE(m->body_text.find("Hello Bo,"), std::string::npos);
  EXPECT_NE(m->body_text.find("https://x.se/invite/T"), std::string::npos);
  EXPECT_NE(m->body_html.find("<a href=\"https://x.se/invite/T\""), std::string::npos);
}

TEST_F(Outbox, HtmlPartEscapesDataButTextPartKeepsItVerbatim) {
  mail::Letter l;
  l.kind = "invitation";
  l.to = "bo@kommun.se";
  l.data = {
      {"name", "<b>Bo & Co</b>"}, {"email", "bo@kommun.se"}, {"role_label", "x"}, {"link", "L"}, {"expires_days", 1}};
  auto m = *store->mail().find(mail::queue(*store, l));
  EXPECT_NE(m.body_text.find("Hej <b>Bo & Co</b>!"), std::string::npos);
  EXPECT_EQ(m.body_html.find("<b>Bo"), std::string::npos);
  EXPECT_NE(m.body_html.find("&lt;b&gt;Bo &amp; Co"), std::string::npos);
}

TEST_F(Outbox, QueueRefusesAnAddressThatCouldInjectHeaders) {
  mail::Letter l;
  l.kind = "login_link";
  l.to = "a@kommun.se\r\nBcc: x@y.se";
  EXPECT_THROW(mail::queue(*store, l), Error);
  EXPECT_EQ(store->mail().counts().queued, 0);
}

TEST_F(Outbox, SentMessageIsMarkedSentAndItsOneTimeLinkIsRemovedFromTheStoredCopy) {
  auto t = std::make_shared<ScriptedTransport>();
  mail::Sender sender(*store, cfg, t);
  auto id = queue_login_link();
  auto stats = sender.run_once();
  EXPECT_EQ(stats.sent, 1);
  ASSERT_EQ(t->delivered.size(), 1u);
  EXPECT_NE(t->delivered[0].text.find("SECRET123"), std::string::npos) << "the recipient gets the link";
  EXPECT_EQ(t->delivered[0].from, cfg.from);
  auto m = *store->mail().find(id);
  EXPECT_EQ(m.status, MailStatus::Sent);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.body_text.find("SECRET123"), std::string::npos) << "the database must not keep a usable link";
  EXPECT_EQ(m.body_html.find("SECRET123"), std::string::npos);
  ASSERT_EQ(store->mail().attempts(id).size(), 1u);
  EXPECT_TRUE(store->mail().attempts(id)[0].ok);
}

TEST_F(Outbox, FailedSendIsRecordedAndRetriedAfterABackoff) {
  auto t = std::make_shared<ScriptedTransport>();
  t->fail_next = 1;
  mail::Sender sender(*store, cfg, t);
  auto id = queue_login_link();
  std::string now = "2030-01-01T10:00:00Z";
  auto s1 = sender.run_once(now);
  EXPECT_EQ(s1.failed, 1);
  auto m = *store->mail().find(id);
  EXPECT_EQ(m.status, MailStatus::Failed);
  EXPECT_EQ(m.last_error, "421 try again later");
  EXPECT_EQ(m.next_attempt_at, "2030-01-01T10:01:00Z");
  EXPECT_NE(m.body_text.find("SECRET123"), std::string::npos) << "a retry needs the link";
  // Not due yet half a minute later; due after the delay.
  EXPECT_EQ(sender.run_once("2030-01-01T10:00:30Z").sent, 0);
  EXPECT_EQ(sender.run_once("2030-01-01T10:01:00Z").sent, 1);
  EXPECT_EQ(store->mail().find(id)->status, MailStatus::Sent);
  EXPECT_EQ(store->mail().attempts(id).size(), 2u);
}

TEST_F(Outbox, SenderGivesUpAfterTheLastAttemptAndTheAdministratorCanSendAgain) {
  auto t = std::make_shared<ScriptedTransport>();
  t->fail_next = 1000;
  mail::Sender sender(*store, cfg, t);
  auto id = queue_login_link();
  std::string now = "2030-01-01T00:00:00Z";
  for (int i = 0; i < mail::kMaxAttempts; ++i) {
    sender.run_once(now);
    now = utc_plus(now, 86400);
  }
  auto m = *store->mail().find(id);
  EXPECT_EQ(m.status, MailStatus::Dead);
  EXPECT_EQ(m.attempts, mail::kMaxAttempts);
  EXPECT_EQ(store->mail().counts().dead, 1);
  EXPECT_EQ(sender.run_once(now).sent, 0) << "a dead message is not retried on its own";
  t->fail_next = 0;
  store->mail().requeue(id, now);
  EXPECT_EQ(sender.run_once(now).sent, 1);
  EXPECT_EQ(store->mail().find(id)->status, MailStatus::Sent);
}

TEST(RetryDelay, GrowsAndStopsAtTheLastAttempt) {
  EXPECT_EQ(mail::retry_delay_seconds(1), 60);
  EXPECT_EQ(mail::retry_delay_seconds(2), 300);
  EXPECT_LT(mail::retry_delay_seconds(3), mail::retry_delay_seconds(4));
  EXPECT_EQ(mail::retry_delay_seconds(mail::kMaxAttempts), 0);
}

TEST_F(Outbox, WithoutAMailServerMessagesAreKeptAsLoggedForTheAdministrator) {
  mail::Config none;
  mail::Sender sender(*store, none, nullptr);
  auto id = queue_login_link();
  auto s = sender.run_once();
  EXPECT_EQ(s.logged, 1);
  auto m = *store->mail().find(id);
  EXPECT_EQ(m.status, MailStatus::Logged);
  EXPECT_NE(m.body_text.find("SECRET123"), std::string::npos) << "the administrator must be able to read it";
  EXPECT_EQ(store->mail().counts().logged, 1);
}
