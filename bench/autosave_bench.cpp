// Durable autosaves under load: 300 respondents (one session each, most municipalities with one
// respondent, some with two) save answers as fast as the server acknowledges them, through HTTP
// against the real App, router, authorization, CSRF and storage. Side by side in the same run:
// raw SQLite inserts from 300 threads in the same durability mode (WAL, synchronous=FULL, one
// transaction per write). Prints throughput and latency percentiles, and with --write FILE
// appends a section to docs/benchmarks.md.
//
//   build/bench/autosave_bench [--clients 300] [--seconds 20] [--pace-ms 3000] [--write docs/benchmarks.md]
// Two loads: saturated (each client saves again as soon as the last save is acknowledged: the
// maximum rate) and paced (each client saves every --pace-ms: latency at a realistic rate).
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <curl/curl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "collection/auth.h"
#include "collection/bootstrap.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/module.h"
#include "core/utc_time.h"
#include "storage/campaign_store.h"
#include "storage/store.h"
#include "storage/user_store.h"
#include "web/app.h"
#include "web/server.h"

using namespace dp;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
  std::string name;
  long ok = 0, failed = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;
  double per_second() const { return ok / seconds; }
  double pct(double p) const {
    if (latencies_ms.empty()) return 0;
    auto v = latencies_ms;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, (size_t)(p / 100.0 * v.size()))];
  }
};

size_t sink(char* p, size_t s, size_t n, void* ud) {
  static_cast<std::string*>(ud)->append(p, s * n);
  return s * n;
}

struct Respondent {
  std::string cookie, csrf, org;
  std::vector<std::string> items;  // one fresh item per run, so each run starts without history
};

// pace_ms = 0: as fast as acknowledged (saturation); otherwise each client starts a save every
// pace_ms (an offered load of clients * 1000 / pace_ms saves per second).
Result run_autosaves(const std::string& url, const std::vector<Respondent>& people, double seconds, int pace_ms,
                     size_t run) {
  Result r;
  r.name = pace_ms ? fmt::format("Digipuls autosave, one save per respondent every {} ms", pace_ms)
                   : "Digipuls autosave, saturated";
  std::mutex mu;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  auto start = Clock::now();
  for (const auto& who : people) {
    threads.emplace_back([&, who] {
      CURL* c = curl_easy_init();
      std::string endpoint = url + "/api/respond/ehalsa-2021/" + who.org + "/autosave";
      struct curl_slist* hs = nullptr;
      hs = curl_slist_append(hs, ("Cookie: dp_session=" + who.cookie).c_str());
      hs = curl_slist_append(hs, ("X-CSRF-Token: " + who.csrf).c_str());
      hs = curl_slist_append(hs, "Content-Type: application/json");
      hs = curl_slist_append(hs, "Accept: application/json");
      hs = curl_slist_append(hs, "Expect:");
      curl_easy_setopt(c, CURLOPT_URL, endpoint.c_str());
      curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
      curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
      curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
      std::vector<double> lat;
      long ok = 0, failed = 0, base = 0;
      auto next = Clock::now() + std::chrono::milliseconds(pace_ms ? rand() % pace_ms : 0);
      for (int n = 0; !stop; ++n) {
        if (pace_ms) {
          std::this_thread::sleep_until(next);
          next += std::chrono::milliseconds(pace_ms);
          if (stop) break;
        }
        std::string body = nlohmann::json{{"changes",
                                           {{{"item", who.items[run]},
                                             {"value", fmt::format("note {} from {}", n, who.cookie.substr(0, 6))},
                                             {"base", base}}}}}
                               .dump();
        std::string out;
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
        auto t0 = Clock::now();
        CURLcode rc = curl_easy_perform(c);
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        auto j = nlohmann::json::parse(out, nullptr, false);
        if (rc == CURLE_OK && status == 200 && j.is_object() && j["saved"].size() == 1) {
          ++ok;
          base = j["version"].get<long>();
          if (!stop) lat.push_back(ms);
        } else {
          ++failed;
        }
      }
      curl_slist_free_all(hs);
      curl_easy_cleanup(c);
      std::lock_guard<std::mutex> lock(mu);
      r.ok += ok;
      r.failed += failed;
      r.latencies_ms.insert(r.latencies_ms.end(), lat.begin(), lat.end());
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

Result run_raw_sqlite(const std::string& path, int clients, double seconds, int pace_ms) {
  Result r;
  r.name =
      pace_ms ? fmt::format("raw SQLite INSERT, one per thread every {} ms", pace_ms) : "raw SQLite INSERT, saturated";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, client INTEGER, n INTEGER, value TEXT)");
  }
  std::mutex mu;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  auto start = Clock::now();
  for (int cl = 0; cl < clients; ++cl) {
    threads.emplace_back([&, cl] {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX);
      db.setBusyTimeout(60000);
      db.exec("PRAGMA synchronous = FULL");
      SQLite::Statement ins(db, "INSERT INTO t(client, n, value) VALUES(?, ?, ?)");
      std::vector<double> lat;
      long ok = 0, failed = 0;
      auto next = Clock::now() + std::chrono::milliseconds(pace_ms ? rand() % pace_ms : 0);
      for (int n = 0; !stop; ++n) {
        if (pace_ms) {
          std::this_thread::sleep_until(next);
          next += std::chrono::milliseconds(pace_ms);
          if (stop) break;
        }
        auto t0 = Clock::now();
        try {
          SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
          ins.reset();
          ins.bind(1, cl);
          ins.bind(2, n);
          ins.bind(3, fmt::format("note {} from {}", n, cl));
          ins.exec();
          tx.commit();
          ++ok;
          if (!stop) lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        } catch (const std::exception&) {
          ++failed;
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      r.ok += ok;
      r.failed += failed;
      r.latencies_ms.insert(r.latencies_ms.end(), lat.begin(), lat.end());
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

std::string machine() {
  utsname u{};
  uname(&u);
  std::string cpu;
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  std::string load;
  std::ifstream la("/proc/loadavg");
  std::getline(la, load);
  return fmt::format(
      "{} {} ({}), {} CPU threads, SQLite {}; load average at the start {} (the machine is shared, so "
      "absolute figures are noisy; the two sides ran in the same minutes)",
      u.sysname, u.release, cpu, std::thread::hardware_concurrency(), sqlite3_libversion(),
      load.substr(0, load.find(' ', load.find(' ', load.find(' ') + 1) + 1)));
}

}  // namespace

int main(int argc, char** argv) {
  int clients = 300;
  double seconds = 20;
  int pace_ms = 3000;
  std::string write;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--clients") clients = std::stoi(argv[i + 1]);
    else if (a == "--seconds") seconds = std::stod(argv[i + 1]);
    else if (a == "--write") write = argv[i + 1];
    else if (a == "--pace-ms") pace_ms = std::stoi(argv[i + 1]);
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  auto dir = std::filesystem::temp_directory_path() / fmt::format("digipuls-bench-{}", getpid());
  std::filesystem::create_directories(dir);
  std::string db_path = (dir / "bench.db").string();
  std::cerr << "preparing " << clients << " respondents...\n";
  auto store = storage::open_sqlite(db_path);
  collection::initialise(*store);
  collection::change_state(*store, "ehalsa-2021", "open", 0);
  // The closing date is enforced and the bundled 2021 round closed in 2021: answer as if open.
  collection::update_schedule(*store, "ehalsa-2021", "", "", "", 0);
  auto ctx = collection::load_campaign(*store, "ehalsa-2021");
  std::vector<std::string> comments;
  for (const auto& it : instrument::items(ctx.instrument))
    if (it.is_comment) comments.push_back(it.key);
  // Sessions are made directly (no password hashing): the benchmark is about saving.
  collection::Auth auth(*store);
  std::vector<Respondent> people;
  for (int i = 0; i < clients; ++i) {
    const auto& org = ctx.orgs[i % ctx.orgs.size()];
    storage::User u;
    u.email = fmt::format("r{}@bench.example", i);
    u.role = dp::Role::Respondent;
    u.org_code = org.code;
    u.id = store->users().create(u);
    Respondent p;
    p.cookie = auth.start_session(u.id, "127.0.0.1");
    p.csrf = auth.resolve(p.cookie).csrf;
    p.org = org.code;
    // Two respondents of one municipality write different items, as colleagues would.
    for (size_t run = 0; run < 2; ++run) p.items.push_back(comments[(i / ctx.orgs.size() + 2 * run) % comments.size()]);
    people.push_back(p);
  }

  web::Config cfg;
  cfg.port = 0;
  cfg.threads = 8;
  web::App app(cfg);
  collection::Module module(app, *store, mail::Config{});
  web::register_core_routes(app);
  web::Server server(app);
  int port = 0;
  std::thread srv([&] { server.run([&](int p) { port = p; }); });
  while (!port) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::string url = fmt::format("http://127.0.0.1:{}", port);

  std::cerr << fmt::format("autosaves: {} clients for {} s, saturated and paced...\n", clients, seconds);
  auto a = run_autosaves(url, people, seconds, 0, 0);
  auto a2 = run_autosaves(url, people, seconds, pace_ms, 1);
  server.stop();
  srv.join();
  std::string integrity = store->integrity_check();

  std::cerr << fmt::format("raw SQLite: {} threads for {} s, saturated and paced...\n", clients, seconds);
  auto b = run_raw_sqlite((dir / "raw.db").string(), clients, seconds, 0);
  auto b2 = run_raw_sqlite((dir / "raw.db").string(), clients, seconds, pace_ms);

  auto row = [](const Result& r) {
    return fmt::format("| {} | {} | {:.0f} | {:.1f} | {:.1f} | {:.1f} | {} |", r.name, r.ok, r.per_second(), r.pct(50),
                       r.pct(95), r.pct(99), r.failed);
  };
  std::string date = utc_now_string().substr(0, 10);
  std::string table = fmt::format(
      "| | acknowledged writes | per second | p50 ms | p95 ms | p99 ms | failed "
      "|\n|---|---:|---:|---:|---:|---:|---:|\n{}\n{}\n{}\n{}\n",
      row(a), row(b), row(a2), row(b2));
  std::string ratio = fmt::format(
      "Saturated, autosaves reach {:.0f} % of the raw insert rate (ratio {:.2f}). At an offered load of {:.0f} saves "
      "per "
      "second (every respondent saving every {} ms), p99 latency is {:.1f} ms for autosaves and {:.1f} ms for raw "
      "inserts "
      "(ratio {:.1f}). Database integrity after the run: {}.",
      100.0 * a.per_second() / b.per_second(), a.per_second() / b.per_second(), clients * 1000.0 / pace_ms, pace_ms,
      a2.pct(99), b2.pct(99), b2.pct(99) > 0 ? a2.pct(99) / b2.pct(99) : 0.0, integrity);
  std::cout << table << "\n" << ratio << "\n";
  if (!write.empty()) {
    std::ofstream out(write, std::ios::app);
    out << fmt::format("\n## Autosave under load ({})\n\n", date)
        << fmt::format("- Date: {}\n- Machine: {}\n- Command: `{} --clients {} --seconds {:g} --pace-ms {}`\n", date,
                       machine(), argv[0], clients, seconds, pace_ms)
        << fmt::format(
               "- Load: {} concurrent respondents (one session each), each request a "
               "`POST /api/respond/{{campaign}}/{{org}}/autosave` with one changed item through the full "
               "pipeline (session, authorization, CSRF, validation, optimistic concurrency, audit row). "
               "Saturated: every respondent saves again as soon as the last save is acknowledged (the maximum "
               "rate; latency is then mostly queueing of {} clients for 8 server threads). Paced: every "
               "respondent saves every {} ms. The raw baseline: {} threads, each with its own connection, "
               "inserting one row per transaction, under the same two loads. Both in WAL mode with "
               "synchronous=FULL, so every acknowledged write is on disk.\n\n",
               clients, clients, pace_ms, clients)
        << table << "\n"
        << ratio << "\n";
    std::cerr << "appended to " << write << "\n";
  }
  std::filesystem::remove_all(dir);
  return 0;
}
