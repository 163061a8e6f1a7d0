#pragma once
// Runs the real binary (`digipuls serve`) for a test, on a port it picks itself, and the other
// commands.
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <iterator>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "support/http_client.h"

namespace dp::test {

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

// The server binds port 0 and says which port it got ("serving on http://127.0.0.1:PORT/"), so
// no other process can take the port between choosing and binding it.
class ServerProcess {
 public:
  // `in_child` runs in the server's process before it starts (limits, another user...).
  ServerProcess(const std::string& db, const std::string& log, std::vector<std::string> extra = {},
                const std::function<void()>& in_child = {}) {
    std::ifstream before(log, std::ios::binary | std::ios::ate);
    std::streamoff from = before ? (std::streamoff)before.tellg() : 0;  // the log may hold an earlier run
    pid_ = fork();
    if (pid_ == 0) {
      if (in_child) in_child();
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<std::string> args = {"serve", "--db", db, "--port", "0", "--threads", "4"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv{const_cast<char*>(DIGIPULS_BINARY)};
      for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(DIGIPULS_BINARY, argv.data());
      _exit(127);
    }
    for (int i = 0; i < 200 && !port_; ++i) {
      port_ = announced_port(log, from);
      if (!port_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (port_) {
      Http h(url());
      for (int i = 0; i < 200; ++i) {
        try {
          if (h.get("/healthz").status == 200) return;
        } catch (const std::exception&) {}
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
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
  int port_ = 0;
  pid_t pid_ = -1;

  // The port the server announced in its log after `from`, or 0.
  static int announced_port(const std::string& log, std::streamoff from) {
    std::ifstream in(log, std::ios::binary);
    in.seekg(from);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string mark = "http://127.0.0.1:";
    auto at = text.find(mark);
    if (at == std::string::npos) return 0;
    size_t i = at + mark.size();
    int port = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && port < 65536) port = port * 10 + (text[i++] - '0');
    return i < text.size() && port > 0 && port < 65536 ? port : 0;
  }
};

}  // namespace dp::test
