#pragma once
// Runs the real binary (`digipuls serve`) on a free port for a test, and the other commands.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"

namespace dp::test {

inline int free_port() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  bind(s, (sockaddr*)&a, sizeof a);
  socklen_t len = sizeof a;
  getsockname(s, (sockaddr*)&a, &len);
  int port = ntohs(a.sin_port);
  close(s);
  return port;
}

// Runs `digipuls args...`, returns its stdout; throws with its output when it fails.
inline std::string run_cli(const std::vector<std::string>& args, const std::string& input = "") {
  int in[2], out[2];
  if (pipe(in) || pipe(out)) throw std::runtime_error("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[1]);
    close(out[0]);
    std::vector<char*> argv{const_cast<char*>(DIGIPULS_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DIGIPULS_BINARY, argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  if (!input.empty() && write(in[1], input.data(), input.size()) < 0) {}
  close(in[1]);
  std::string result;
  char buf[4096];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) result.append(buf, n);
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("digipuls " + (args.empty() ? "" : args[0]) + " failed: " + result);
  return result;
}

class ServerProcess {
 public:
  // `in_child` runs in the server's process before it starts (limits, another user...).
  ServerProcess(const std::string& db, const std::string& log, std::vector<std::string> extra = {},
                const std::function<void()>& in_child = {})
      : port_(free_port()) {
    pid_ = fork();
    if (pid_ == 0) {
      if (in_child) in_child();
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<std::string> args = {"serve", "--db", db, "--port", std::to_string(port_), "--threads", "4"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv{const_cast<char*>(DIGIPULS_BINARY)};
      for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(DIGIPULS_BINARY, argv.data());
      _exit(127);
    }
    Http h(url());
    for (int i = 0; i < 200; ++i) {
      try {
        if (h.get("/healthz").status == 200) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop();
    throw std::runtime_error("the server did not start; see " + log);
  }
  ~ServerProcess() { stop(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  void kill9() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      for (int i = 0; i < 100; ++i) {
        pid_t r = waitpid(pid_, nullptr, WNOHANG);
        if (r == pid_ || r < 0) {  // exited (or already waited for by the test)
          pid_ = -1;
          return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      kill9();
    }
  }

 private:
  int port_;
  pid_t pid_ = -1;
};

}  // namespace dp::test
