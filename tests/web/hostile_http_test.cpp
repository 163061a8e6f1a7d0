// Hostile HTTP over raw sockets against the real server (`digipuls serve`): what no well-behaved
// client sends. Whatever arrives, the server answers 4xx or closes the connection, and keeps
// serving everyone else.
#include <gtest/gtest.h>
#include <thread>

#include "support/raw_http.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace dp;
using namespace std::chrono_literals;
using test::RawConnection;
using test::status_of;

namespace {

class HostileHttp : public ::testing::Test {
 protected:
  static test::ScopedDir* dir;
  static test::ServerProcess* server;

  static void SetUpTestSuite() {
    dir = new test::ScopedDir("digipuls-hostile-http");
    std::string db = (dir->path / "site.db").string();
    test::run_cli({"init", "--db", db});
    server = new test::ServerProcess(db, (dir->path / "server.log").string());
  }
  static void TearDownTestSuite() {
    delete server;
    delete dir;
  }

  static int port() { return server->port(); }

  // The server still answers a plain request on a new connection.
  static void expect_alive(const std::string& after) {
    RawConnection c(port());
    ASSERT_TRUE(c.send_all("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) << after;
    EXPECT_EQ(status_of(c.read_answer()), 200) << "the server does not answer after " << after;
  }

  static std::string chunked_post(const std::string& trailer) {
    return "POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
           "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
           "5\r\nemail\r\n0\r\n" +
           trailer + "\r\n";
  }
};

test::ScopedDir* HostileHttp::dir = nullptr;
test::ServerProcess* HostileHttp::server = nullptr;

}  // namespace

TEST_F(HostileHttp, AnOversizedTrailerFieldIsRefusedAndTheServerLives) {
  for (size_t size : {70u * 1024, 200u * 1024}) {
    RawConnection c(port());
    c.send_all(chunked_post("X-Trailer: " + std::string(size, 'a') + "\r\n"));
    int status = status_of(c.read_answer());
    EXPECT_TRUE(status == 431 || status == 400 || status == 0) << status;
    expect_alive("a trailer field of " + std::to_string(size) + " bytes");
  }
}

TEST_F(HostileHttp, ManySmallTrailerFieldsAreCappedLikeHeaders) {
  std::string trailer;
  for (int i = 0; i < 20000; ++i) trailer += "X-T" + std::to_string(i) + ": v\r\n";
  RawConnection c(port());
  c.send_all(chunked_post(trailer));
  int status = status_of(c.read_answer());
  EXPECT_TRUE(status == 431 || status == 400 || status == 0) << status;
  expect_alive("20 000 trailer fields");
}

TEST_F(HostileHttp, MalformedRequestLinesAreAnswered400OrClosed) {
  for (const std::string& line :
       std::vector<std::string>{"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n",
                                "GET / HTTP/1.1 extra\r\n\r\n", "G\x01T / HTTP/1.1\r\n\r\n",
                                "GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n",
                                "GET * HTTP/1.1\r\nHost: x\r\n\r\n", "GET /%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n",
                                std::string("GET /\0 HTTP/1.1\r\n\r\n", 19), "\r\n\r\n\r\n\r\n"}) {
    RawConnection c(port());
    c.send_all(line);
    int status = status_of(c.read_answer(2s));
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500)) << status << " for " << line.substr(0, 30);
  }
  expect_alive("malformed request lines");
}

TEST_F(HostileHttp, TenThousandHeadersAreRefusedWith431) {
  std::string req = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 10000; ++i) req += "X-H" + std::to_string(i) + ": v\r\n";
  req += "\r\n";
  RawConnection c(port());
  c.send_all(req);
  EXPECT_EQ(status_of(c.read_answer()), 431);
  expect_alive("10 000 headers");
}

TEST_F(HostileHttp, OneHugeHeaderIsRefusedWith431) {
  RawConnection c(port());
  c.send_all("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'b') + "\r\n\r\n");
  EXPECT_EQ(status_of(c.read_answer()), 431);
  expect_alive("a 100 kB header");
}

// Request smuggling: a request with both Content-Length and Transfer-Encoding must not be read
// two ways. Either it is refused, or chunked wins and the smuggled text after the last chunk
// is never answered as a request of its own.
TEST_F(HostileHttp, ContentLengthWithTransferEncodingSmugglesNothing) {
  const std::string smuggled = "GET /static/site.css HTTP/1.1\r\nHost: x\r\n\r\n";
  RawConnection c(port());
  c.send_all(
      "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\n\r\n0\r\n\r\n" +
      smuggled);
  std::string answers = c.read_answer(3s, false);
  EXPECT_EQ(status_of(answers), 400) << answers.substr(0, 200);
  EXPECT_EQ(answers.find("text/css"), std::string::npos) << "the smuggled request was answered";
  // Two Content-Lengths that disagree.
  RawConnection d(port());
  d.send_all("POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nabcd");
  EXPECT_EQ(status_of(d.read_answer(3s)), 400);
  // A Transfer-Encoding that is not chunked at the end.
  RawConnection e(port());
  e.send_all("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n");
  std::string te = e.read_answer(3s, false);
  EXPECT_EQ(status_of(te), 400) << te.substr(0, 200);
  EXPECT_EQ(te.find("HTTP/1.1", 10), std::string::npos) << "one answer, then the connection is closed";
  expect_alive("smuggling attempts");
}

TEST_F(HostileHttp, ABadChunkSizeIsRefused) {
  RawConnection c(port());
  c.send_all("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(c.read_answer()), 400);
  RawConnection d(port());
  d.send_all("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n");
  int s = status_of(d.read_answer());
  EXPECT_TRUE(s == 400 || s == 413) << s;
  expect_alive("bad chunk sizes");
}

// Slowloris: clients that send a request a byte at a time hold a connection each, but the
// server cuts them off when the request time runs out and keeps answering others meanwhile.
TEST_F(HostileHttp, SlowSendersDoNotStopOthersBeingServed) {
  std::vector<RawConnection> slow;
  for (int i = 0; i < 50; ++i) {
    slow.emplace_back(port(), "127.0.9." + std::to_string(i + 1));
    slow.back().send_all("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& c : slow) c.send_all("a");
    expect_alive("50 slow senders, round " + std::to_string(round));
    std::this_thread::sleep_for(200ms);
  }
}

TEST_F(HostileHttp, ABodyLongerThanItsContentLengthIsNotASecondRequest) {
  RawConnection c(port());
  c.send_all(
      "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nemailGET /healthz "
      "HTTP/1.1\r\n\r\n");
  std::string answers = c.read_answer(3s, false);
  EXPECT_EQ(answers.find("\"status\":\"ok\""), std::string::npos)
      << "the tail was read as a request after Connection: close";
}
