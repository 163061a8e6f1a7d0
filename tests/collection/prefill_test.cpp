// Last year's answers follow the instrument's lineage: same and reworded questions are offered,
// changed ones and new ones are not; a matrix row's own lineage wins; year-bound items
// (`prefill: false`) are never offered.
#include "collection/prefill.h"

#include <gtest/gtest.h>

#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "collection/demo.h"
#include "collection/form_view.h"
#include "instrument/visibility.h"
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

namespace {
// The first organisation the 2022 stimulus-fund section is asked of.
std::string requisitioning_org(const CampaignContext& c22) {
  auto index = instrument::item_index(c22.instrument);
  for (const auto& o : c22.orgs)
    if (instrument::eligible(c22.instrument, index.at("s1.forbrukat"), c22.attributes(o.code))) return o.code;
  return "";
}
}  // namespace

TEST(Prefill, YearBoundAmountsAreNeverOfferedWhileTheirNeighboursAre) {
  test::TempDb db;
  CampaignSpec spec;
  spec.instrument_id = "ehalsa-2022";
  create_campaign(db.store(), spec);
  auto c22 = load_campaign(db.store(), "ehalsa-2022");
  auto org = requisitioning_org(c22);
  ASSERT_FALSE(org.empty()) << "the bundled registry has municipalities that requisitioned funds";
  // Last year: the 2020 funds in kronor, and the purposes of the investment.
  auto c21 = load_campaign(db.store(), "ehalsa-2021");
  auto answers = demo_answers(c21, org);
  answers["s1.forbrukat"] = instrument::Value::num(1200000);
  answers["s1.kvarstaende"] = instrument::Value::num(300000);
  answers["s2"] = instrument::Value::code("pandemin");
  answers["s3"] = instrument::Value::codes_of({"kvalitet"});
  auto r = db.store().responses().get_or_create(c21.campaign.id, org);
  db.store().responses().replace(r.id, answers, ResponseStatus::Submitted, 0, "import", "");

  auto prev_in = load_instrument(db.store(), "ehalsa-2021");
  EXPECT_FALSE(lineage_map(c22.instrument, prev_in).count("s1.forbrukat"))
      << "ehalsa-2022 declares s1 'prefill: false'";
  auto pc = previous_campaign(db.store(), c22);
  ASSERT_TRUE(pc);
  auto p = previous_answers(db.store(), c22, *pc, prev_in, org);
  EXPECT_FALSE(p.values.count("s1.forbrukat")) << "2020 money is not 2021 money";
  EXPECT_FALSE(p.values.count("s1.kvarstaende"));
  EXPECT_EQ(p.values.at("s2"), answers.at("s2")) << "the neighbouring questions are still offered";
  EXPECT_EQ(p.values.at("s3"), answers.at("s3"));

  // The page's view: no "Ert svar 2021" and no button for the amounts, both for s3.
  const instrument::Section* section = nullptr;
  for (const auto& s : c22.instrument.sections)
    if (s.id == "stimulansmedel") section = &s;
  ASSERT_TRUE(section);
  auto state = load_state(db.store(), c22.campaign.id, org);
  Translate t = [](const std::string& key, const std::map<std::string, std::string>&) { return key; };
  auto view = section_view(c22, org, state, *section, &p, FormInput{}, Lang::sv, t).dump();
  EXPECT_EQ(view.find(field_id("s1.forbrukat") + "-prev"), std::string::npos) << view;
  EXPECT_EQ(view.find(field_id("s1.kvarstaende") + "-prev"), std::string::npos);
  EXPECT_NE(view.find("f-s3-prev"), std::string::npos) << "s3 carries last year's answer";
}
