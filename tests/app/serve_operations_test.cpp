// `digipuls serve` as an operator runs it: a graceful stop that lets a large download finish,
// idle connections that cannot shut the liveness check out under a low open-file limit, a
// database it cannot write (refused, or served read-only), a full disk, client addresses through
// trusted proxies only, the metrics listener, the access log, and the config file.
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>

#include "collection/auth.h"
#include "support/raw_http.h"
#include "support/site.h"
#include "web/app.h"

using namespace dp;
using namespace std::chrono_literals;

namespace {

// The result of running `digipuls serve` to its end (when it refuses to start).
struct Exit {
  int status = -1;
  std::string output;
};

Exit run_server(const std::vector<std::string>& args, const std::function<void()>& in_child) {
  int out[2];
  if (pipe(out)) throw std::runtime_error("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(out[1], 2);
    close(out[0]);
    if (in_child) in_child();
    std::vector<char*> argv{const_cast<char*>(DIGIPULS_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DIGIPULS_BINARY, argv.data());
    _exit(127);
  }
  close(out[1]);
  Exit e;
  char buf[4096];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) e.output.append(buf, (size_t)n);
  close(out[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  e.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return e;
}

// When the tests run as root, file permissions bind nobody: the server drops to "nobody" to
// meet them, as it would run under systemd.
void as_unprivileged() {
  if (geteuid() != 0) return;
  if (setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int status_after(test::RawConnection& c, const std::string& request) {
  c.send_all(request);
  return test::status_of(c.read_answer(5s));
}

}  // namespace

// SIGTERM used to stop the I/O loop at once: a 13 MB download was cut at 4 MB.
TEST(ServeOperations, AGracefulStopLetsALargeDownloadFinishAndRefusesNewConnections) {
  test::Site site;
  {
    auto store = storage::open_sqlite(site.db, {.create = false});
    store->write_transaction([&] {
      for (int i = 0; i < 3500; ++i) {  // about 14 MB of page
        storage::User u;
        u.email = "person" + std::to_string(i) + "@long-municipality-name.example.se";
        u.name = "Person " + std::to_string(i) + " " + std::string(4000, 'n');
        u.role = Role::Admin;
        store->users().create(u);
      }
    });
  }
  test::Http admin = site.signed_in("admin@test.se");
  test::RawConnection c(site.server->port());
  // Reading stops at 200 kB until SIGTERM, so most of the answer is still to be written then
  // (more than the socket buffers hold).
  int window = 64 * 1024;
  setsockopt(c.fd(), SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
  c.send_all("GET /admin/users HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: dp_session=" +
             admin.cookies["dp_session"] + "\r\n\r\n");
  std::string got;
  char buf[8192];
  while (got.size() < 200000) {
    ssize_t n = recv(c.fd(), buf, sizeof buf, 0);
    ASSERT_GT(n, 0) << "the answer stopped before the stop";
    got.append(buf, (size_t)n);
  }
  kill(site.server->pid(), SIGTERM);
  std::this_thread::sleep_for(300ms);
  EXPECT_THROW(test::RawConnection(site.server->port()), std::runtime_error) << "a stopping server accepts no one new";
  for (ssize_t n; (n = recv(c.fd(), buf, sizeof buf, 0)) > 0;) got.append(buf, (size_t)n);
  auto end = got.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos);
  std::smatch m;
  std::string head = got.substr(0, end);
  ASSERT_TRUE(std::regex_search(head, m, std::regex("Content-Length: (\\d+)", std::regex::icase))) << head;
  size_t length = std::stoul(m[1]);
  EXPECT_GT(length, 13u << 20) << "the page must be larger than the socket buffers";
  EXPECT_EQ(got.size() - end - 4, length) << "the download was cut";
  EXPECT_NE(got.find("</html>"), std::string::npos);
  int st = 0;
  for (int i = 0; i < 100 && waitpid(site.server->pid(), &st, WNOHANG) == 0; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "the server exits cleanly after the last answer";
}

TEST(ServeOperations, IdleConnectionsCannotShutOutTheLivenessCheckUnderALowFileLimit) {
  test::ScopedDir dir("digipuls-idle");
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  // The test holds 1 000 connections itself.
  struct rlimit mine {};
  getrlimit(RLIMIT_NOFILE, &mine);
  if (mine.rlim_cur < 1200 && mine.rlim_max >= 1200) {
    mine.rlim_cur = std::min<rlim_t>(mine.rlim_max, 4096);
    setrlimit(RLIMIT_NOFILE, &mine);
  }
  ASSERT_GE(mine.rlim_cur, 1200u) << "the test needs 1 200 open files";
  test::ServerProcess server(db, (dir.path / "server.log").string(), {}, [] {
    struct rlimit low {
      256, 256
    };
    setrlimit(RLIMIT_NOFILE, &low);
  });
  std::vector<test::RawConnection> idle;
  for (int i = 0; i < 1000; ++i)
    idle.emplace_back(server.port(), "127.0." + std::to_string(10 + i / 250) + "." + std::to_string(i % 250 + 1));
  std::this_thread::sleep_for(500ms);
  test::RawConnection probe(server.port(), "127.0.200.1");
  EXPECT_EQ(status_after(probe, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200);
  // And the server is not spinning while they wait: CPU time over one second.
  auto cpu = [&] {
    std::string stat = read_all("/proc/" + std::to_string(server.pid()) + "/stat");
    std::istringstream in(stat.substr(stat.rfind(')') + 2));
    std::string field;
    long ticks = 0;
    for (int i = 3; i <= 15 && in >> field; ++i)
      if (i == 14 || i == 15) ticks += std::stol(field);
    return ticks;
  };
  long before = cpu();
  std::this_thread::sleep_for(1s);
  long used = cpu() - before;
  EXPECT_LT(used, sysconf(_SC_CLK_TCK) / 4)
      << "the server used " << used << " ticks of CPU in a second of idle connections";
  EXPECT_NE(read_all((dir.path / "server.log").string()).find("connections (not 1024)"), std::string::npos)
      << "the log says the connections are bounded by the open-file limit";
}

TEST(ServeOperations, ADatabaseThatCannotBeWrittenIsRefusedUnlessServedReadOnly) {
  test::ScopedDir dir("digipuls-readonly");
  chmod(dir.path.c_str(), 0777);
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  chmod(db.c_str(), 0444);
  auto refused = run_server({"serve", "--db", db, "--port", "0"}, as_unprivileged);
  EXPECT_EQ(refused.status, 1) << refused.output;
  EXPECT_NE(refused.output.find("--read-only"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("read-only"), std::string::npos);

  test::ServerProcess server(db, (dir.path / "server.log").string(), {"--read-only"}, as_unprivileged);
  test::Http h(server.url());
  EXPECT_EQ(h.get("/").status, 200);
  auto ready = h.get("/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("read-only"), std::string::npos) << ready.body;
  h.get("/login");
  auto post = h.post_form("/login", {{"_csrf", h.cookies["dp_csrf"]}, {"email", "a@b.se"}, {"password", "x"}},
                          {"Accept: application/json"});
  EXPECT_EQ(post.status, 503);
  EXPECT_EQ(post.error_code(), "read_only");
}

TEST(ServeOperations, WritesOnAFullDiskAnswer503WithTheReasonAndReadinessSaysSo) {
  test::ScopedDir dir("digipuls-full");
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  // A file-size limit makes the database's log refuse to grow, as a full disk does.
  test::ServerProcess server(db, (dir.path / "server.log").string(), {}, [] {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit fsize {
      65536, 65536
    };
    setrlimit(RLIMIT_FSIZE, &fsize);
  });
  test::Http h(server.url());
  h.get("/login");
  test::HttpResponse last;
  for (int i = 0; i < 40 && last.status != 503; ++i)
    last = h.post_form(
        "/login",
        {{"_csrf", h.cookies["dp_csrf"]}, {"email", "x" + std::to_string(i) + "@b.se"}, {"password", "wrong one"}});
  ASSERT_EQ(last.status, 503) << "failed sign-ins are written; one of them must meet the limit";
  EXPECT_NE(last.body.find("cannot be written"), std::string::npos) << last.body.substr(0, 2000);
  auto ready = h.get("/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("cannot be written"), std::string::npos) << ready.body;
  EXPECT_EQ(h.get("/healthz").status, 200) << "the process itself is alive";
}

// Rotating X-Forwarded-For used to give each attempt a new address, past the sign-in throttle.
TEST(ServeOperations, ForwardedForIsBelievedOnlyFromATrustedProxy) {
  test::ScopedDir dir("digipuls-xff");
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  auto attempts = [](test::ServerProcess& server, const std::string& from) {
    std::vector<long> statuses;
    test::Http h(server.url());
    h.source = from;
    h.get("/login");
    for (int i = 0; i < 6; ++i)
      statuses.push_back(
          h.post_form(
               "/login",
               {{"_csrf", h.cookies["dp_csrf"]}, {"email", "u" + std::to_string(i) + "@b.se"}, {"password", "wrong"}},
               {"X-Forwarded-For: 198.51.100." + std::to_string(i + 1)})
              .status);
    return statuses;
  };
  {
    test::ServerProcess server(db, (dir.path / "a.log").string(), {"--signin-client-limit", "3"});
    auto s = attempts(server, "127.0.5.1");
    EXPECT_EQ(s.back(), 429) << "a rotating header must not make new clients";
  }
  {
    test::ServerProcess server(db, (dir.path / "b.log").string(),
                               {"--signin-client-limit", "3", "--trusted-proxy", "127.0.5.0/24"});
    auto s = attempts(server, "127.0.5.2");
    EXPECT_EQ(s.back(), 401) << "behind a trusted proxy, each forwarded address is its own client";
    auto log = read_all((dir.path / "b.log").string());
    EXPECT_EQ(log.find("\"status\":429"), std::string::npos);
  }
}

TEST(ServeOperations, MetricsAreOnTheOperatorsListenerOnlyAndEveryRequestIsLogged) {
  test::ScopedDir dir("digipuls-metrics");
  std::string db = (dir.path / "d.db").string(), access = (dir.path / "access.log").string();
  test::run_cli({"init", "--db", db});
  test::ServerProcess server(db, (dir.path / "server.log").string(),
                             {"--metrics-port", "0", "--access-log", access, "--log-format", "json"});
  test::Http h(server.url());
  EXPECT_EQ(h.get("/metrics").status, 404) << "metrics are not public";
  EXPECT_EQ(h.get("/login/link/a-one-time-token-xyz").status, 410);
  std::this_thread::sleep_for(200ms);
  auto log = read_all((dir.path / "server.log").string());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(log, m, std::regex("metrics on http://127.0.0.1:(\\d+)/metrics"))) << log;
  test::Http ops("http://127.0.0.1:" + m[1].str());
  auto metrics = ops.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("digipuls_http_requests_total{route=\"GET /login/link/{token}\",status=\"4xx\"} 1"),
            std::string::npos)
      << metrics.body.substr(0, 3000);
  for (const char* name :
       {"digipuls_http_request_duration_seconds_bucket", "digipuls_connections_open", "digipuls_mail_messages",
        "digipuls_database_bytes", "digipuls_ready 1", "digipuls_cache_hits_total"})
    EXPECT_NE(metrics.body.find(name), std::string::npos) << name;
  EXPECT_EQ(ops.get("/readyz").status, 200);
  // One JSON line per request, with the token masked.
  std::istringstream lines(read_all(access));
  std::string line;
  int n = 0;
  bool masked = false;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* k : {"time", "id", "method", "path", "route", "status", "bytes", "ms", "principal"})
      EXPECT_TRUE(j.contains(k)) << k << " missing in " << line;
    if (j["route"] == "GET /login/link/{token}") masked = j["path"] == "/login/link/…";
    EXPECT_EQ(line.find("a-one-time-token"), std::string::npos) << line;
    ++n;
  }
  EXPECT_GE(n, 2);
  EXPECT_TRUE(masked);
  auto first = nlohmann::json::parse(log.substr(0, log.find('\n')));
  EXPECT_TRUE(first.contains("level") && first.contains("msg")) << "server logs are JSON lines";
}

TEST(ServeOperations, TheConfigFileSetsEveryFlagAndNamesAKeyItDoesNotKnow) {
  test::ScopedDir dir("digipuls-config");
  std::string db = (dir.path / "d.db").string(), cfg = (dir.path / "digipuls.yaml").string();
  test::run_cli({"init", "--db", db});
  std::ofstream(cfg)
      << "server:\n  heavy_rate_limit: 1/60\n  trusted_proxy: [127.0.0.1, 10.0.0.0/8]\n  bogus_limit: 3\n";
  auto bad = run_server({"serve", "--db", db, "--port", "0", "--config", cfg}, nullptr);
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.output.find("digipuls.yaml:4:16"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("server.bogus_limit"), std::string::npos) << bad.output;
  std::ofstream(cfg) << "server:\n  heavy_rate_limit: 1/60\n  access_log: 'off'\n";
  test::ServerProcess server(db, (dir.path / "server.log").string(), {"--config", cfg});
  test::Http h(server.url());
  h.get("/login");
  auto post = [&] {
    return h.post_form("/login", {{"_csrf", h.cookies["dp_csrf"]}, {"email", "a@b.se"}, {"password", "x"}}).status;
  };
  EXPECT_EQ(post(), 401);
  EXPECT_EQ(post(), 429) << "the file's heavy_rate_limit is in force";
}

// A client over its allowance waits for its 429 (a looping attacker slows itself down instead of
// the threads everyone shares); the wait is a lower bound, so this cannot fail on a slow machine.
TEST(ServeOperations, ARefusedClientWaitsForItsRefusal) {
  test::ScopedDir dir("digipuls-refusal-delay");
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  test::ServerProcess server(db, (dir.path / "server.log").string(),
                             {"--heavy-rate-limit", "1/60", "--refusal-delay-ms", "400"});
  test::Http h(server.url());
  h.get("/login");
  auto post = [&] {
    return h.post_form("/login", {{"_csrf", h.cookies["dp_csrf"]}, {"email", "a@b.se"}, {"password", "x"}}).status;
  };
  EXPECT_EQ(post(), 401);
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(post(), 429);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 400ms);
}

// packaging/digipuls.yaml is what `make install` puts in /etc/digipuls: every key it documents
// must be one serve accepts.
TEST(ServeOperations, TheShippedConfigFileIsAccepted) {
  test::ScopedDir dir("digipuls-shipped-config");
  std::string db = (dir.path / "d.db").string();
  test::run_cli({"init", "--db", db});
  std::string cfg = std::string(DIGIPULS_SOURCE_DIR) + "/packaging/digipuls.yaml";
  test::ServerProcess server(db, (dir.path / "server.log").string(), {"--config", cfg, "--metrics-port", "0"});
  EXPECT_EQ(test::Http(server.url()).get("/readyz").status, 200);
  EXPECT_NE(read_all((dir.path / "server.log").string()).find("metrics on"), std::string::npos);
}

TEST(ServeOperations, TheSystemdUnitIsSandboxedAndStopsGracefully) {
  std::string unit = read_all(std::string(DIGIPULS_SOURCE_DIR) + "/packaging/digipuls.service");
  for (const char* line : {"NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/digipuls",
                           "PrivateTmp=yes", "ProtectHome=yes", "CapabilityBoundingSet=\n", "KillSignal=SIGTERM",
                           "User=digipuls", "--config /etc/digipuls/digipuls.yaml"})
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  std::smatch stop, grace;
  ASSERT_TRUE(std::regex_search(unit, stop, std::regex("TimeoutStopSec=(\\d+)")));
  EXPECT_GT(std::stoi(stop[1]), web::Limits{}.shutdown_grace_seconds)
      << "systemd must wait longer than the grace period";
}
