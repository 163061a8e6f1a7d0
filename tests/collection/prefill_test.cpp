// Last year's answers follow the instrument's lineage: same and reworded questions are offered,
// changed ones and new ones are not; a matrix row's own lineage wins.
#include "collection/prefill.h"

#include <gtest/gtest.h>

#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "collection/demo.h"
#include "storage/response_store.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

TEST(Lineage, MapsComparableItemsOfThe2022InstrumentOntoThe2021Ones) {
  test::TempDb db;
  auto cur = load_instrument(db.store(), "ehalsa-2022");
  auto prev = load_instrument(db.store(), "ehalsa-2021");
  auto map = lineage_map(cur, prev);
  EXPECT_EQ(map.at("q03"), "q03");
  EXPECT_EQ(map.at("q04"), "q04") << "reworded is still comparable";
  EXPECT_EQ(map.at("q01.ifo"), "q01.ifo") << "matrix rows follow their question";
  EXPECT_EQ(map.at("q07:annat"), "q07:annat") << "specify texts follow their item";
  EXPECT_EQ(map.at("q01:comment"), "q01:comment");
  EXPECT_EQ(map.at("q12c.sol"), "q12c") << "the row's own lineage wins over its changed question";
  EXPECT_FALSE(map.count("q12c.hsl")) << "the question changed and the row has no lineage of its own";
  EXPECT_FALSE(map.count("q32")) << "new question";
}

TEST(Prefill, OffersLastYearsValidAnswersOfTheSameOrganisationOnly) {
  test::TempDb db;
  auto c21 = load_campaign(db.store(), "ehalsa-2021");
  auto answers = demo_answers(c21, "1440");
  auto r = db.store().responses().get_or_create(c21.campaign.id, "1440");
  db.store().responses().replace(r.id, answers, ResponseStatus::Submitted, 0, "import", "");
  CampaignSpec spec;
  spec.instrument_id = "ehalsa-2022";
  create_campaign(db.store(), spec);
  auto c22 = load_campaign(db.store(), "ehalsa-2022");
  auto pc = previous_campaign(db.store(), c22);
  ASSERT_TRUE(pc);
  EXPECT_EQ(pc->slug, "ehalsa-2021");
  auto prev_in = load_instrument(db.store(), "ehalsa-2021");
  auto p = previous_answers(db.store(), c22, *pc, prev_in, "1440");
  EXPECT_EQ(p.year, 2021);
  ASSERT_TRUE(p.values.count("q03"));
  EXPECT_EQ(p.values.at("q03"), answers.at("q03"));
  EXPECT_EQ(p.values.at("q12c.sol"), answers.at("q12c")) << "carried across the changed question by the row's lineage";
  EXPECT_FALSE(p.values.count("q11")) << "dropped in 2022";
  EXPECT_TRUE(previous_answers(db.store(), c22, *pc, prev_in, "0180").values.empty()) << "Stockholm did not answer";
}
