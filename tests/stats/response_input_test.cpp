// add_response (stats/response_input.h): only the items the routing shows count, and the answers
// kept outside the routing (imported history) count all the same.
#include "stats/response_input.h"

#include <gtest/gtest.h>

#include "instrument/load.h"
#include "support/demo_survey.h"

namespace dp::stats {
namespace {

const std::string kInstrument =
    test::demo_instrument_yaml(R"YAML(      - {id: q1, type: yesno, label: {sv: "1", en: "1"}}
      - {id: q2, type: yesno, show_if: "q1 == 'ja'", label: {sv: "2", en: "2"}}
)YAML");

}  // namespace

TEST(ResponseInput, AHiddenAnswerCountsOnlyWhenKeptOutsideTheRouting) {
  auto in = instrument::load_or_throw(kInstrument, "demo.yaml");
  std::vector<OrgRecord> orgs(2);
  orgs[0].code = "0114";
  orgs[1].code = "0180";
  DatasetBuilder b(in, orgs);
  instrument::Answers a = {{"q1", instrument::Value::code("nej")}, {"q2", instrument::Value::code("ja")}};
  add_response(b, in, 0, a, org_attributes_of(orgs[0], in));
  add_response(b, in, 1, a, org_attributes_of(orgs[1], in), {"q2"});
  auto ds = b.finish();
  const ItemColumn* q2 = ds.item("q2");
  ASSERT_TRUE(q2);
  int ja = q2->option_bit("ja");
  ASSERT_GE(ja, 0);
  EXPECT_EQ(q2->codes.get(0), 0u);                 // hidden: no answer
  EXPECT_EQ(q2->codes.get(1), uint64_t{1} << ja);  // kept: answered ja
  EXPECT_TRUE(ds.responded.test(0));
  EXPECT_TRUE(ds.responded.test(1));
}

}  // namespace dp::stats
