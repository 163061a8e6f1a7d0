// Cheap denial of service and account enumeration, measured against a running `digipuls serve`
// with its default limits (bench/run_security.sh starts one and writes the figures into
// docs/security.md):
//  1. a signed-in respondent autosaves and a visitor opens /login, idle;
//  2. the same while 8 anonymous clients (each its own address, 127.0.0.101-108) loop on
//     /healthz, failed sign-ins and PNG charts with random query strings;
//  3. the sign-in answer time for an address with an account, one without, and both after the
//     address has been paused (each attempt from its own address, so the per-client limits do
//     not interfere): what an attacker timing the answers sees.
//   build/bench/security_bench --url URL --email E --password P [--seconds 20] [--write docs/security.md]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <curl/curl.h>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <sstream>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

struct Answer {
  long status = 0;
  double ms = 0;
  std::string body;
  std::vector<std::string> cookies;
};

size_t sink(char* p, size_t s, size_t n, void* ud) {
  static_cast<std::string*>(ud)->append(p, s * n);
  return s * n;
}
size_t header_sink(char* p, size_t s, size_t n, void* ud) {
  std::string h(p, s * n);
  if (h.rfind("Set-Cookie:", 0) == 0 || h.rfind("set-cookie:", 0) == 0) {
    auto v = h.substr(12);
    static_cast<std::vector<std::string>*>(ud)->push_back(v.substr(0, v.find(';')));
  }
  return s * n;
}

// One HTTP exchange from a given loopback address.
Answer call(const std::string& url, const std::string& source, const std::string& method = "GET",
            const std::string& body = "", const std::vector<std::string>& headers = {}) {
  CURL* c = curl_easy_init();
  Answer a;
  std::string iface = "host!" + source;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_INTERFACE, iface.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method != "GET") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body.size());
  }
  struct curl_slist* hs = curl_slist_append(nullptr, "Expect:");
  for (const auto& h : headers) hs = curl_slist_append(hs, h.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &a.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_sink);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &a.cookies);
  auto t0 = Clock::now();
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &a.status);
  a.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  curl_slist_free_all(hs);
  curl_easy_cleanup(c);
  return a;
}

std::string cookie_value(const Answer& a, const std::string& name) {
  for (const auto& c : a.cookies)
    if (c.rfind(name + "=", 0) == 0) return c.substr(name.size() + 1);
  return "";
}

double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, (size_t)(p / 100.0 * v.size()))];
}

struct Session {
  std::string cookie, csrf;
};

Session sign_in(const std::string& url, const std::string& email, const std::string& password) {
  auto page = call(url + "/login", "127.0.0.1");
  std::string visitor = cookie_value(page, "dp_csrf");
  auto r = call(url + "/login", "127.0.0.1", "POST", "_csrf=" + visitor + "&email=" + email + "&password=" + password,
                {"Cookie: dp_csrf=" + visitor, "Content-Type: application/x-www-form-urlencoded"});
  Session s;
  s.cookie = cookie_value(r, "dp_session");
  auto account = call(url + "/account", "127.0.0.1", "GET", "", {"Cookie: dp_session=" + s.cookie});
  std::smatch m;
  if (std::regex_search(account.body, m, std::regex("name=\"_csrf\" value=\"([^\"]+)\""))) s.csrf = m[1];
  if (s.cookie.empty() || s.csrf.empty()) throw std::runtime_error("could not sign in " + email);
  return s;
}

struct Legit {
  std::vector<double> autosave, login;
  long autosave_failed = 0;
};

// The respondent saves one answer every 100 ms and a visitor opens /login every 250 ms.
Legit legit_traffic(const std::string& url, const Session& s, const std::string& org, double seconds) {
  Legit out;
  std::atomic<bool> stop{false};
  std::thread visitor([&] {
    while (!stop) {
      auto a = call(url + "/login", "127.0.0.2");
      if (a.status == 200) out.login.push_back(a.ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  });
  long base = 0;
  auto end = Clock::now() + std::chrono::duration<double>(seconds);
  for (int n = 0; Clock::now() < end; ++n) {
    std::string body =
        nlohmann::json{{"changes", {{{"item", "q03"}, {"value", n % 2 ? "ja" : "nej"}, {"base", base}}}}}.dump();
    auto a = call(url + "/api/respond/ehalsa-2022/" + org + "/autosave", "127.0.0.1", "POST", body,
                  {"Cookie: dp_session=" + s.cookie, "X-CSRF-Token: " + s.csrf, "Content-Type: application/json"});
    auto j = nlohmann::json::parse(a.body, nullptr, false);
    if (a.status == 200 && j.is_object() && j.contains("version")) {
      out.autosave.push_back(a.ms);
      base = j["version"].get<long>();
    } else {
      ++out.autosave_failed;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  visitor.join();
  return out;
}

struct Attack {
  std::mutex mu;
  std::map<std::string, std::map<long, long>> statuses;  // kind -> status -> count
  std::map<std::string, std::vector<double>> ms;
};

void attacker(const std::string& url, int id, std::atomic<bool>& stop, Attack& out) {
  std::string source = "127.0.0." + std::to_string(101 + id);
  std::mt19937 rng(id);
  auto page = call(url + "/login", source);
  std::string csrf = cookie_value(page, "dp_csrf");
  while (!stop) {
    std::vector<std::pair<std::string, Answer>> round;
    round.push_back({"GET /healthz", call(url + "/healthz", source)});
    round.push_back({"POST /login (wrong password)",
                     call(url + "/login", source, "POST",
                          fmt::format("_csrf={}&email=guess{}@example.se&password=wrong{}", csrf, rng(), rng()),
                          {"Cookie: dp_csrf=" + csrf, "Content-Type: application/x-www-form-urlencoded"})});
    round.push_back(
        {"GET PNG chart ?random", call(url + fmt::format("/statistik/K01/diagram/tidsserie.png?r={}", rng()), source)});
    std::lock_guard lock(out.mu);
    for (auto& [kind, a] : round) {
      ++out.statuses[kind][a.status];
      out.ms[kind].push_back(a.ms);
    }
  }
}

// Sign-in answer times as an attacker measures them, one attempt per fresh address.
std::map<std::string, std::vector<double>> enumeration(const std::string& url, const std::string& known, int n) {
  std::map<std::string, std::vector<double>> out;
  int next = 0;
  auto attempt = [&](const std::string& email) {
    std::string source = "127.0.60." + std::to_string(1 + next % 250);
    if (++next % 250 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto page = call(url + "/login", source);
    std::string csrf = cookie_value(page, "dp_csrf");
    return call(url + "/login", source, "POST", "_csrf=" + csrf + "&email=" + email + "&password=not-the-password",
                {"Cookie: dp_csrf=" + csrf, "Content-Type: application/x-www-form-urlencoded"});
  };
  for (int i = 0; i < n; ++i) {
    // Fresh addresses each time, so that neither kind is paused yet.
    out["address with an account, wrong password"].push_back(attempt(known).ms);
    out["address without an account"].push_back(attempt(fmt::format("nobody{}@example.se", i)).ms);
  }
  // Both kinds paused: the known address has had n failures; pause an unknown one too.
  for (int i = 0; i < 6; ++i) attempt("ghost@example.se");
  for (int i = 0; i < n; ++i) {
    out["paused address with an account"].push_back(attempt(known).ms);
    out["paused address without an account"].push_back(attempt("ghost@example.se").ms);
  }
  return out;
}

std::string machine() {
  struct utsname u {};
  uname(&u);
  return fmt::format("{} {}, {} cores", u.sysname, u.machine, std::thread::hardware_concurrency());
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, email, password, org = "1440", write;
  double seconds = 20;
  int samples = 40;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--url") url = argv[i + 1];
    else if (a == "--email") email = argv[i + 1];
    else if (a == "--password") password = argv[i + 1];
    else if (a == "--org") org = argv[i + 1];
    else if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    else if (a == "--samples") samples = std::stoi(argv[i + 1]);
    else if (a == "--write") write = argv[i + 1];
  }
  if (url.empty() || email.empty() || password.empty()) {
    std::cerr << "usage: security_bench --url URL --email E --password P [--org CODE] [--seconds S] [--write FILE]\n";
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  auto session = sign_in(url, email, password);

  std::cerr << fmt::format("idle: {} s of autosaves and /login...\n", seconds);
  auto idle = legit_traffic(url, session, org, seconds);

  std::cerr << fmt::format("under attack: 8 clients for {} s...\n", seconds);
  Attack attack;
  std::atomic<bool> stop{false};
  std::vector<std::thread> attackers;
  for (int i = 0; i < 8; ++i) attackers.emplace_back([&, i] { attacker(url, i, stop, attack); });
  std::this_thread::sleep_for(std::chrono::seconds(2));  // let the attack reach its pace
  auto loaded = legit_traffic(url, session, org, seconds);
  stop = true;
  for (auto& t : attackers) t.join();

  std::cerr << "sign-in timing by kind of address...\n";
  auto timing = enumeration(url, email, samples);

  std::ostringstream md;
  std::string date;
  {
    auto t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
    date = buf;
  }
  md << fmt::format(
      "- Date: {}\n- Machine: {}\n- Command: `bench/run_security.sh` (`{} --seconds {:g} --samples {}`)\n\n", date,
      machine(), argv[0], seconds, samples);
  md << "| signed-in and anonymous users | idle p50 ms | idle p95 ms | under attack p50 ms | under attack p95 ms | p95 "
        "ratio |\n"
        "|---|---:|---:|---:|---:|---:|\n";
  md << fmt::format("| autosave ({} / {} saves) | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.2f} |\n", idle.autosave.size(),
                    loaded.autosave.size(), pct(idle.autosave, 50), pct(idle.autosave, 95), pct(loaded.autosave, 50),
                    pct(loaded.autosave, 95), pct(loaded.autosave, 95) / std::max(0.001, pct(idle.autosave, 95)));
  md << fmt::format("| GET /login by a visitor | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.2f} |\n", pct(idle.login, 50),
                    pct(idle.login, 95), pct(loaded.login, 50), pct(loaded.login, 95),
                    pct(loaded.login, 95) / std::max(0.001, pct(idle.login, 95)));
  md << fmt::format("\nFailed autosaves: {} idle, {} under attack.\n\n", idle.autosave_failed, loaded.autosave_failed);
  md << "| what the 8 attackers asked for | requests | answers | p50 ms |\n|---|---:|---|---:|\n";
  for (const auto& [kind, by] : attack.statuses) {
    long n = 0;
    std::string answers;
    for (const auto& [st, count] : by) {
      n += count;
      answers += (answers.empty() ? "" : ", ") + fmt::format("{} × {}", count, st);
    }
    md << fmt::format("| {} | {} | {} | {:.1f} |\n", kind, n, answers, pct(attack.ms[kind], 50));
  }
  md << "\n| sign-in attempt (one per fresh client address) | n | p50 ms | p95 ms |\n|---|---:|---:|---:|\n";
  for (const auto& [kind, v] : timing)
    md << fmt::format("| {} | {} | {:.1f} | {:.1f} |\n", kind, v.size(), pct(v, 50), pct(v, 95));
  std::cout << md.str();

  if (!write.empty()) {
    std::ifstream in(write);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    const std::string start = "<!-- security_bench:start -->\n", end = "<!-- security_bench:end -->";
    auto a = doc.find(start), b = doc.find(end);
    if (a == std::string::npos || b == std::string::npos) {
      std::cerr << write << " has no " << start << "... " << end << " section\n";
      return 1;
    }
    doc = doc.substr(0, a + start.size()) + md.str() + doc.substr(b);
    std::ofstream(write) << doc;
    std::cerr << "written to " << write << "\n";
  }
  return 0;
}
