#pragma once
// Raw TCP for tests that must send what no HTTP client library would: malformed request lines,
// thousands of headers, conflicting framing, bytes dribbled in slowly. Each connection may bind
// its own loopback source address (127.0.0.N), so that tests simulating several clients on one
// machine meet the per-client limits as distinct clients would.
#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace dp::test {

class RawConnection {
 public:
  RawConnection(int port, const std::string& source = "") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    if (!source.empty()) {
      sockaddr_in src{};
      src.sin_family = AF_INET;
      inet_pton(AF_INET, source.c_str(), &src.sin_addr);
      if (bind(fd_, (sockaddr*)&src, sizeof src) != 0) throw std::runtime_error("bind " + source);
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, (sockaddr*)&a, sizeof a) != 0) {
      close(fd_);
      fd_ = -1;
      throw std::runtime_error("connect");
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }

  // Sends everything; false when the peer has closed or reset the connection.
  bool send_all(const std::string& data) {
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::send(fd_, data.data() + off, data.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += (size_t)n;
    }
    return true;
  }

  // Reads until the peer closes, `timeout` passes, or (when stop_at_headers) one answer's header
  // block has arrived together with its Content-Length body.
  std::string read_answer(std::chrono::milliseconds timeout = std::chrono::seconds(10), bool one_answer = true) {
    std::string out;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    char buf[65536];
    for (;;) {
      if (one_answer && complete(out)) return out;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return out;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, (int)left.count()) <= 0) return out;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return out;
      out.append(buf, (size_t)n);
    }
  }

  // Whether the peer has closed the connection (reads nothing more within `wait`).
  bool closed_by_peer(std::chrono::milliseconds wait = std::chrono::seconds(5)) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, (int)wait.count()) <= 0) return false;
    char c;
    return recv(fd_, &c, 1, MSG_PEEK) <= 0;
  }

  int fd() const { return fd_; }

 private:
  int fd_ = -1;

  static bool complete(const std::string& s) {
    auto end = s.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    auto lower = s.substr(0, end);
    for (auto& c : lower) c = (char)tolower((unsigned char)c);
    auto cl = lower.find("\r\ncontent-length:");
    if (cl == std::string::npos) return true;
    size_t len = std::stoul(lower.substr(cl + 17));
    return s.size() >= end + 4 + len;
  }
};

// The status code of the first answer in `raw`, or 0 when there is none.
inline int status_of(const std::string& raw) {
  if (raw.rfind("HTTP/1.", 0) != 0 || raw.size() < 12) return 0;
  return std::stoi(raw.substr(9, 3));
}

}  // namespace dp::test
