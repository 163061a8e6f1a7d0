// An address the mail server refuses for good (SMTP 5xx at send time): the sender gives up at
// once instead of retrying for days. A real SMTP exchange through libcurl against a minimal server
// on a loopback socket that refuses every recipient with 550.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "mail/outbox.h"
#include "mail/sender.h"
#include "mail/transport.h"
#include "storage/mail_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

using namespace dp;

namespace {

// Accepts one connection and answers a session line by line: 550 to RCPT, 250 to the rest.
class RefusingSmtp {
 public:
  RefusingSmtp() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(fd_, 1);
    thread_ = std::thread([this] { serve(); });
  }
  ~RefusingSmtp() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  int port() const { return port_; }

 private:
  void serve() {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    auto say = [&](const std::string& s) { (void)!::write(c, s.data(), s.size()); };
    say("220 test ESMTP\r\n");
    std::string buf;
    char chunk[512];
    for (;;) {
      ssize_t n = ::read(c, chunk, sizeof chunk);
      if (n <= 0) break;
      buf.append(chunk, static_cast<size_t>(n));
      size_t eol;
      while ((eol = buf.find("\r\n")) != std::string::npos) {
        std::string line = buf.substr(0, eol);
        buf.erase(0, eol + 2);
        if (line.rfind("RCPT", 0) == 0) say("550 5.1.1 no such mailbox\r\n");
        else if (line.rfind("QUIT", 0) == 0) {
          say("221 bye\r\n");
          ::close(c);
          return;
        } else say("250 ok\r\n");
      }
    }
    ::close(c);
  }
  int fd_ = -1, port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST(MailRejection, ASmtp5xxAtSendTimeMarksTheMessageDeadAtOnceWithTheServersReason) {
  RefusingSmtp server;
  test::ScopedDir dir{"digipuls-reject"};
  auto store = storage::open_sqlite((dir.path / "m.db").string());
  mail::Config cfg;
  cfg.smtp_url = "smtp://127.0.0.1:" + std::to_string(server.port());
  cfg.from = "Digipuls <noreply@digipuls.se>";
  mail::Letter l;
  l.kind = "login_link";
  l.to = "nobody@kommun.se";
  l.data = {{"email", "nobody@kommun.se"}, {"link", "http://x/login/link/T"}, {"minutes", 20}};
  auto id = mail::queue(*store, l);
  mail::Sender sender(*store, cfg, mail::make_transport(cfg));
  auto stats = sender.run_once();
  EXPECT_EQ(stats.dead, 1);
  EXPECT_EQ(stats.failed, 0) << "no retry for a permanent refusal";
  auto m = *store->mail().find(id);
  EXPECT_EQ(m.status, MailStatus::Dead);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.last_error.rfind(mail::kRejectedPrefix, 0), 0u) << m.last_error;
  EXPECT_NE(m.last_error.find("550"), std::string::npos) << m.last_error;
}
