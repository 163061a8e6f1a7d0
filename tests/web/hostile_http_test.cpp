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
