// The form's view model and the rules the browser script receives.
#include "collection/form_view.h"

#include <gtest/gtest.h>

#include "collection/campaign_context.h"
#include "collection/form_values.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

TEST(FormView, ScriptDataCannotCloseItsScriptElement) {
  nlohmann::json j = {{"answer", "</script><script>alert(1)</script> & <!-- x"}};
  std::string out = json_for_script(j);
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_EQ(out.find('>'), std::string::npos);
  EXPECT_EQ(out.find('&'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(out), j) << "still the same JSON";
}

TEST(FormView, FieldIdsAreDistinctForRowsAndAnnexes) {
  EXPECT_EQ(field_id("q08.barn_unga"), "f-q08-r-barn_unga");
  EXPECT_EQ(field_id("q07:annat"), "f-q07-x-annat");
  EXPECT_NE(field_id("q07.annat"), field_id("q07:annat"));
}

TEST(FormView, RulesResolveEligibilityOnTheServerAndCarryConditionsAsAsts) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  // Upplands Väsby did not requisition the 2020 stimulus funds: their section is not asked there.
  auto vasby = form_rules(ctx, "0115", {});
  auto ale = form_rules(ctx, "1440", {});
  EXPECT_FALSE(vasby["sections"]["stimulansmedel"]["eligible"].get<bool>());
  EXPECT_TRUE(ale["sections"]["stimulansmedel"]["eligible"].get<bool>());
  int not_eligible_ale = 0;
  for (auto& [id, s] : ale["sections"].items()) not_eligible_ale += !s["eligible"].get<bool>();
  for (auto& [id, q] : ale["questions"].items()) {
    not_eligible_ale += !q["eligible"].get<bool>();
    for (auto& r : q["rows"]) not_eligible_ale += !r["eligible"].get<bool>();
  }
  EXPECT_EQ(not_eligible_ale, 0);
  EXPECT_EQ(ale["questions"]["q03a"]["show_if"]["op"], "eq");
  EXPECT_EQ(ale["questions"]["q03a"]["show_if"]["args"][0]["ref"], "q03");
  EXPECT_EQ(ale["org"]["county_code"], "14");
  EXPECT_EQ(ale["order"].size(), ctx.instrument.questions().size());
}

TEST(FormValues, RawAndDisplayFormsOfAnswers) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  auto index = instrument::item_index(ctx.instrument);
  const auto& q07 = index.at("q07");
  auto codes = instrument::Value::codes_of({"annat", "regionen"});
  EXPECT_EQ(raw_of(q07, codes), "regionen|annat") << "instrument order, whatever order they came in";
  EXPECT_EQ(display_of(q07, codes, Lang::sv), "Regionen kring gemensamma projekt; Annat");
  const auto& q12c = index.at("q12c");
  EXPECT_EQ(display_of(q12c, instrument::Value::num(1234), Lang::sv), "1\u00a0234 personer");
  EXPECT_EQ(display_of(q12c, instrument::Value::num(1234), Lang::en), "1,234 persons");
  EXPECT_EQ(number_for_form(12.5, Lang::sv), "12,5");
  EXPECT_EQ(number_for_form(12.5, Lang::en), "12.5");
  EXPECT_EQ(raw_of(q12c, instrument::Value{}), "");
}
