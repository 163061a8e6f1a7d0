// Crash safety: the server is killed with SIGKILL in the middle of a burst of autosaves from
// several respondents. After the restart every save that was acknowledged with success is in the
// database, and SQLite's integrity check passes.
#include <atomic>
#include <gtest/gtest.h>
#include <iostream>
#include <optional>
#include <thread>

#include "collection/campaign_context.h"
#include "storage/response_store.h"
#include "support/site.h"

using namespace dp;

TEST(CrashSafety, EveryAcknowledgedAutosaveSurvivesSigkill) {
  test::Site site;
  // Comment items of the first questions: each writer owns one, so the last acknowledged value
  // of each is known exactly.
  std::vector<std::string> items;
  {
    auto store = storage::open_sqlite(site.db, {.create = false});
    auto ctx = collection::load_campaign(*store, "ehalsa-2021");
    for (const auto& it : instrument::items(ctx.instrument))
      if (it.is_comment && items.size() < 8) items.push_back(it.key);
  }
  ASSERT_EQ(items.size(), 8u);
  std::atomic<bool> stop{false};
  std::atomic<int> total_acked{0};
  std::vector<int> acked(items.size(), -1);
  std::vector<std::thread> writers;
  for (size_t w = 0; w < items.size(); ++w) {
    writers.emplace_back([&, w] {
      // Signing in (argon2id, one at a time on the heavy pool) is slow on a busy machine: the kill
      // may come first, and a writer that never signed in has nothing to check.
      std::optional<test::Http> signed_in;
      try {
        signed_in.emplace(site.signed_in(w % 2 ? "anna@ale.se" : "admin@test.se"));
      } catch (const std::exception&) {
        return;
      }
      test::Http& h = *signed_in;
      long long base = 0;
      for (int n = 0; !stop; ++n) {
        nlohmann::json body = {{"changes",
                                {{{"item", items[w]},
                                  {"value", "writer " + std::to_string(w) + " save " + std::to_string(n)},
                                  {"base", base}}}}};
        try {
          auto r = h.post_json("/api/respond/ehalsa-2021/1440/autosave", body.dump(), {"X-CSRF-Token: " + h.csrf});
          auto j = r.json();
          if (r.status == 200 && j["saved"].size() == 1) {
            acked[w] = n;
            ++total_acked;
            base = j["version"].get<long long>();
          }
        } catch (const std::exception&) {
          return;  // the server is gone
        }
      }
    });
  }
  // Kill in full flight: once a good number of saves have been acknowledged (the machine may be
  // slow or busy, so wait for a count rather than a time), without stopping the writers first.
  for (int i = 0; i < 1200 && total_acked < 80; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  site.server->kill9();
  stop = true;
  for (auto& t : writers) t.join();

  auto store = storage::open_sqlite(site.db, {.create = false});
  EXPECT_EQ(store->integrity_check(), "ok");
  std::map<std::string, std::string> stored;
  for (const auto& a : store->responses().answers(site.response_ale)) stored[a.item] = a.value.str;
  int total = 0;
  for (size_t w = 0; w < items.size(); ++w) {
    if (acked[w] < 0) continue;
    total += acked[w] + 1;
    ASSERT_TRUE(stored.count(items[w])) << items[w];
    // The stored value is the last acknowledged one or a later one whose answer was lost in the kill.
    std::string prefix = "writer " + std::to_string(w) + " save ";
    ASSERT_EQ(stored[items[w]].rfind(prefix, 0), 0u);
    EXPECT_GE(std::stoi(stored[items[w]].substr(prefix.size())), acked[w]) << items[w];
  }
  EXPECT_GE(total, 40) << "the burst must have produced acknowledged saves";
  if (!HasFailure()) std::cout << "[cases] " << total << " acknowledged saves before SIGKILL, 0 lost\n";
  // The file passes SQLite's integrity check, and the server starts again on it, ready.
  EXPECT_NE(test::run_cli({"check", "--db", site.db}).find("integrity: ok"), std::string::npos);
  test::ServerProcess again(site.db, (site.dir.path / "server2.log").string());
  auto ready = test::Http(again.url()).get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_NE(ready.body.find("\"database\":\"ok\""), std::string::npos) << ready.body;
}
