#pragma once
// Two campaigns small enough to count by hand, published through the binary as an analyst would:
// 2021 0114 ja, 0115 nej, 0117 ja, 0120 nej on q03 (K04 «uppföljning»); 2022 0114 ja, 0115 ja,
// 0117 ja, 0125 nej (not a 2021 respondent). For the panel and the summary tests.
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <memory>
#include <string>

#include "publish/published_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::test {

class TwoPublishedYears : public ::testing::Test {
 protected:
  test::ScopedDir dir;
  std::string db = dir.file("panel.db");

  void sh(const std::string& args) {
    std::string cmd = std::string(DIGIPULS_BINARY) + " " + args + " >> " + dir.file("log") + " 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << args << "\n" << log();
  }
  std::string log() {
    std::ifstream in(dir.file("log"));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string csv(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name)) << text;
    return dir.file(name);
  }
  void publish(const std::string& campaign, const std::string& profile) {
    sh("campaigns open --db " + db + " --campaign " + campaign);
    sh("campaigns close --db " + db + " --campaign " + campaign);
    sh("stats compute --db " + db + " --campaign " + campaign + " --profile " + profile);
    sh("stats publish --db " + db + " --campaign " + campaign);
  }
  // Both years published under `profile`.
  void two_years(const std::string& profile) {
    sh("init --db " + db);
    sh("responses import --allow-incomplete --db " + db + " --campaign ehalsa-2021 " +
       csv("2021.csv",
           "org_code,status,q03\n0114,submitted,ja\n0115,submitted,nej\n0117,submitted,ja\n"
           "0120,submitted,nej\n"));
    publish("ehalsa-2021", profile);
    sh("campaigns create --db " + db + " --instrument ehalsa-2022");
    sh("responses import --allow-incomplete --db " + db + " --campaign ehalsa-2022 " +
       csv("2022.csv",
           "org_code,status,q03\n0114,submitted,ja\n0115,submitted,ja\n0117,submitted,ja\n"
           "0125,submitted,nej\n"));
    publish("ehalsa-2022", profile);
    store = storage::open_sqlite(db, {.create = false});
    data = publish::make_published_data(*store);
  }
  std::vector<publish::PanelValue> k04(const std::string& breakdown) {
    publish::ValueQuery q;
    q.keyfigure = "K04";
    q.cells = {"uppfoljning"};
    q.breakdowns = {breakdown};
    return data->panel(q);
  }
  const publish::PanelValue* group(const std::vector<publish::PanelValue>& vs, const std::string& g) {
    for (const auto& v : vs)
      if (v.key.group == g) return &v;
    return nullptr;
  }

  std::unique_ptr<storage::Store> store;
  std::unique_ptr<publish::PublishedData> data;
};

}  // namespace dp::test
