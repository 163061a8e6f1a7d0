// The generic driver of the statistics golden cases: every tests/cases/stats/*.yaml holds a small
// instrument, key figures, organisations with their answers, an optional disclosure profile and
// report tables, and the expected figures and tables, hand-computed (see tests/cases/README.md).
// Adding a case needs no C++.
#include <filesystem>
#include <gtest/gtest.h>
#include <optional>
#include <yaml-cpp/yaml.h>

#include "instrument/answer_check.h"
#include "instrument/load.h"
#include "stats/compute.h"
#include "stats/report_load.h"
#include "stats/response_input.h"
#include "stats/suppression.h"
#include "stats/table_format.h"
#include "support.h"

namespace dp::stats {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(DIGIPULS_SOURCE_DIR) + "/tests/cases/stats"))
    if (e.path().extension() == ".yaml") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

instrument::Value value_of(const YAML::Node& n, const instrument::Item* item) {
  using instrument::Type;
  if (n.IsSequence()) {
    std::vector<std::string> codes;
    for (const auto& c : n) codes.push_back(c.as<std::string>());
    return instrument::Value::codes_of(codes);
  }
  std::string s = n.as<std::string>();
  if (item && (item->type == Type::Number || item->type == Type::Percent)) return instrument::Value::num(std::stod(s));
  if (item && item->type == Type::Text) return instrument::Value::text(s);
  if (item && item->type == Type::Multi) return instrument::Value::codes_of({s});
  return instrument::Value::code(s);
}

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, ProducesTheHandComputedFiguresAndTables) {
  std::string file = "tests/cases/stats/" + GetParam();
  YAML::Node root = YAML::Load(testing::read_source(file));
  // A case either declares its own small instrument and files, or names bundled ones
  // (`instrument_file`, `keyfigures_file`, `report_file`) to prove the rules the product ships.
  auto text_of = [&](const std::string& key) {
    if (root[key + "_file"]) return testing::read_source(root[key + "_file"].as<std::string>());
    return root[key].as<std::string>();
  };
  auto in = instrument::load_or_throw(text_of("instrument"), file + " (instrument)");
  std::vector<const instrument::Instrument*> family = {&in};
  if (root["keyfigures_file"]) {
    family.clear();
    for (const auto* other : testing::bundled_instrument_ptrs()) family.push_back(other->id == in.id ? &in : other);
  }
  auto kfs = load_keyfigures_or_throw(text_of("keyfigures"), file + " (keyfigures)", family, nullptr);

  // Organisations, in file order.
  std::vector<std::string> size_order;
  if (root["size_groups"])
    for (const auto& s : root["size_groups"]) size_order.push_back(s.as<std::string>());
  std::vector<OrgRecord> orgs;
  for (const auto& on : root["orgs"]) {
    OrgRecord o;
    o.code = on["code"].as<std::string>();
    o.name = o.code;
    o.county_code = on["county"] ? on["county"].as<std::string>() : "01";
    o.county_name = "Län " + o.county_code;
    if (on["size"]) {
      o.size_group = on["size"].as<std::string>();
      auto it = std::find(size_order.begin(), size_order.end(), o.size_group);
      o.size_group_rank = (int)(it - size_order.begin());
      o.size_group_label = I18n{o.size_group, o.size_group};
    }
    if (on["attributes"])
      for (auto it = on["attributes"].begin(); it != on["attributes"].end(); ++it)
        o.attributes[it->first.as<std::string>()] = it->second.as<std::string>();
    orgs.push_back(o);
  }
  DatasetBuilder b(in, orgs);
  auto index = instrument::item_index(in);
  size_t i = 0;
  for (const auto& on : root["orgs"]) {
    if (on["responded"] && on["responded"].as<bool>()) {
      instrument::Answers answers;
      if (on["answers"])
        for (auto it = on["answers"].begin(); it != on["answers"].end(); ++it) {
          std::string key = it->first.as<std::string>();
          auto item = index.find(key);
          answers[key] = value_of(it->second, item == index.end() ? nullptr : &item->second);
        }
      add_response(b, in, i, answers, org_attributes_of(orgs[i], in));
    }
    ++i;
  }
  Dataset ds = b.finish();
  ComputeOptions opts;
  if (root["breakdowns"])
    for (const auto& x : root["breakdowns"]) opts.breakdowns.push_back(x.as<std::string>());
  std::optional<DisclosureProfile> profile;
  if (root["profile"]) {
    profile.emplace();
    profile->id = "case";
    profile->min_n = root["profile"]["min_n"].as<int>();
    profile->complementary = !root["profile"]["complementary"] || root["profile"]["complementary"].as<bool>();
    profile->organisations = root["profile"]["organisations"] && root["profile"]["organisations"].as<bool>();
    opts.organisations = profile->organisations;
  }
  Results res = compute(kfs, ds, opts);
  if (profile) suppress(res, ds, *profile);

  if (root["expect"])
    for (const auto& e : root["expect"]) {
      std::string at = e["at"].as<std::string>();  // "K1:ja county/01"
      auto colon = at.find(':'), space = at.find(' '), slash = at.find('/');
      std::string kf = at.substr(0, colon), cell = at.substr(colon + 1, space - colon - 1);
      std::string breakdown = at.substr(space + 1, slash - space - 1), group = at.substr(slash + 1);
      const FigureValue* f = res.find(kf, cell, breakdown, group);
      ASSERT_NE(f, nullptr) << file << ": no figure at " << at;
      std::string marker = e["marker"] ? e["marker"].as<std::string>() : "none";
      EXPECT_EQ(marker == "none" ? "" : marker, marker_name(f->marker)) << file << ": marker at " << at;
      if (e["n"]) {
        EXPECT_EQ(e["n"].as<int64_t>(), f->n) << file << ": n at " << at;
      }
      if (e["count"]) {
        EXPECT_EQ(e["count"].as<int64_t>(), f->count) << file << ": count at " << at;
      }
      if (e["value"]) {
        EXPECT_NEAR(e["value"].as<double>(), f->value.value_or(NAN), 1e-9) << file << ": value at " << at;
      }
    }

  if (root["report"] || root["report_file"]) {
    auto spec = load_report_or_throw(text_of("report"), file + " (report)", &kfs);
    // The symbols a report declares for a disclosure profile (symbol_sets), as `report` applies them.
    if (root["symbols_for"]) spec = spec.with_symbols_for(root["symbols_for"].as<std::string>());
    BuildContext ctx;
    ctx.keyfigures = &kfs;
    ctx.year = in.year;
    ctx.lookup = [&](const std::string& kf, const std::string& cell, const std::string& bd, const std::string& g,
                     int year) {
      Figure v;
      v.marker = Marker::NotAvailable;
      const FigureValue* f = year == in.year ? res.find(kf, cell, bd, g) : nullptr;
      if (!f) return v;
      static_cast<FigureValue&>(v) = *f;
      return v;
    };
    ctx.groups = [&](const std::string& bd) {
      const Breakdown* b = res.breakdown(bd);
      return b ? b->groups : std::vector<Group>{};
    };
    for (auto it = root["expect_tables"].begin(); it != root["expect_tables"].end(); ++it) {
      const TableSpec* t = spec.table(it->first.as<std::string>());
      ASSERT_NE(t, nullptr) << file << ": no table " << it->first.as<std::string>();
      auto built = build_table(*t, ctx);
      EXPECT_TRUE(built.problems.empty()) << file << ": " << join(built.problems, "; ");
      EXPECT_EQ(it->second.as<std::string>(), table_text(built, spec, Lang::sv)) << file << ": table " << t->id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param.substr(0, info.param.size() - 5);
                           for (auto& ch : n)
                             if (!std::isalnum((unsigned char)ch)) ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace dp::stats
