// Indicators answered from register data: every reference in the bundled maturity instruments
// names a cell of the national survey's key figures, and a municipality's own submitted survey
// answer gives the value through the statistics engine.
#include "selfassess/register_source.h"

#include <gtest/gtest.h>

#include "core/resources.h"
#include "instrument/load.h"
#include "selfassess/register_prefill.h"
#include "selfassess/scoring.h"
#include "stats/keyfigures_load.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"
#include "web_env.h"

namespace dp::selfassess {
namespace {

TEST(RegisterSource, EveryRegisterReferenceNamesASurveyKeyFigureCell) {
  std::vector<std::unique_ptr<instrument::Instrument>> survey;
  std::vector<const instrument::Instrument*> ptrs;
  for (const char* f : {"instruments/ehalsa-2021.yaml", "instruments/ehalsa-2022.yaml"}) {
    survey.push_back(std::make_unique<instrument::Instrument>(instrument::load_or_throw(resources::require(f), f)));
    ptrs.push_back(survey.back().get());
  }
  auto set =
      stats::load_keyfigures_or_throw(resources::require("instruments/ehalsa.keyfigures.yaml"), "k", ptrs, nullptr);
  int references = 0;
  for (const char* f : {"instruments/mognad-2025.yaml", "instruments/mognad-2026.yaml"}) {
    auto in = instrument::load_or_throw(resources::require(f), f);
    for (const auto* q : indicators(in)) {
      const auto& ref = q->maturity->register_keyfigure;
      if (ref.empty()) continue;
      ++references;
      auto colon = ref.find(':');
      ASSERT_NE(colon, std::string::npos) << q->id;
      const stats::KeyFigure* kf = nullptr;
      for (const auto& k : set.keyfigures)
        if (k.id == ref.substr(0, colon)) kf = &k;
      ASSERT_TRUE(kf) << q->id << ": " << ref;
      EXPECT_TRUE(kf->cell(ref.substr(colon + 1))) << q->id << ": " << ref;
      EXPECT_FALSE(q->maturity->register_bands.empty()) << q->id;
    }
  }
  EXPECT_GE(references, 8);
}

TEST(RegisterSource, OwnSubmittedSurveyAnswerGivesTheValue) {
  testing::WebEnv env;
  env.add_org("0180", "Stockholm", "01", 980000);
  auto& store = *env.store;
  store.instruments().put(
      instrument::load_or_throw(resources::require("instruments/ehalsa-2021.yaml"), "ehalsa-2021.yaml"));
  storage::Campaign c;
  c.slug = "ehalsa-2021";
  c.instrument_id = "ehalsa-2021";
  c.year = 2021;
  c.title = {"E-hälsa 2021", "E-health 2021"};
  c.state = CampaignState::Open;
  c.population_year = 2021;
  int64_t cid = store.campaigns().create(c);
  store.campaigns().set_scope(cid, {{"0180", true, {}}});
  EXPECT_FALSE(register_value(store, "0180", 2025, "K19:nattillsyn.bredd")) << "no submitted response yet";

  auto resp = store.responses().get_or_create(cid, "0180");
  instrument::Answers answers{{"q12.nattillsyn", instrument::Value::code("bredd")}};
  store.responses().replace(resp.id, answers, ResponseStatus::Submitted, 0, "test", "");
  auto v = register_value(store, "0180", 2025, "K19:nattillsyn.bredd");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 100);
  EXPECT_EQ(v->year, 2021);
  auto pilot = register_value(store, "0180", 2025, "K19:nattillsyn.pilot");
  ASSERT_TRUE(pilot);
  EXPECT_DOUBLE_EQ(pilot->value, 0);
  EXPECT_FALSE(register_value(store, "0180", 2020, "K19:nattillsyn.bredd")) << "no campaign up to 2020";
  EXPECT_FALSE(register_value(store, "0180", 2025, "K99:x"));
}

}  // namespace
}  // namespace dp::selfassess
