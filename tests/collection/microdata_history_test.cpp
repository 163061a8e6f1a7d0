// Historical microdata as it really is (collection/microdata.h, ImportOptions): answers today's
// routing does not ask are refused with the rule and the answers that decide it, dropped with a
// count per item, or kept flagged; submitted responses with unanswered items stay submitted; cells
// may hold printed labels. Nothing is written when the file is refused.
#include <algorithm>
#include <gtest/gtest.h>

#include "campaign_fixture.h"
#include "core/csv.h"
#include "core/error.h"
#include "instrument/load.h"
#include "storage/response_store.h"
#include "support/demo_survey.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::InitialisedDb;

namespace {

const std::string kHeader = "org_code,status,q03,q03a[ks],q03a[socialnamnd],q03a[forvaltningsledning],q03a[annat]\n";
// Row 2 as today's routing has it; row 3 answered q03a although q03 = nej hides it.
const std::string kFile = kHeader + "0114,draft,ja,1,0,0,0\n0180,draft,nej,1,0,1,0\n";

std::map<std::string, storage::StoredAnswer> stored(InitialisedDb& db, const std::string& org) {
  auto ctx = db.campaign();
  auto r = db.store->responses().get_or_create(ctx.campaign.id, org);
  std::map<std::string, storage::StoredAnswer> out;
  for (const auto& a : db.store->responses().answers(r.id)) out[a.item] = a;
  return out;
}

std::string refusal(InitialisedDb& db, const std::string& text, const collection::ImportOptions& options = {}) {
  auto before = collection::export_microdata(*db.store, db.campaign());
  auto responses = db.store->responses().list(db.campaign().campaign.id).size();
  try {
    collection::import_microdata(*db.store, db.campaign(), text, "h.csv", 0, options);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_EQ(collection::export_microdata(*db.store, db.campaign()), before) << "the database changed";
    EXPECT_EQ(db.store->responses().list(db.campaign().campaign.id).size(), responses) << "a response was created";
    return e.what();
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return "";
}

}  // namespace

TEST(MicrodataHistory, ARefusalNamesRowColumnRuleAndTheDecidingAnswers) {
  InitialisedDb db;
  auto msg = refusal(db, kFile);
  EXPECT_NE(msg.find("h.csv: row 3, column q03a[ks]: q03a is answered, but it is not asked of this organisation "
                     "(its condition is false): the condition of q03a \"q03 == 'ja'\" is false, with q03 = 'nej' (Nej) "
                     "in column q03"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("`--routing keep|drop`"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("row 2"), std::string::npos) << msg;  // the row the routing asks is fine
}

TEST(MicrodataHistory, AnEligibilityRefusalNamesTheRegistryAttribute) {
  InitialisedDb db;
  // 0115 Vallentuna did not requisition stimulus funds: the section is not for it.
  auto msg = refusal(db, "org_code,status,s1.forbrukat\n0114,draft,100\n0115,draft,100\n");
  EXPECT_NE(msg.find("row 3, column s1.forbrukat: s1.forbrukat is answered, but it is not asked of this organisation "
                     "(not eligible): the eligibility rule of section stimulansmedel \"org.stimulus_requisitioned\" is "
                     "false, with org.stimulus_requisitioned = false in the registry"),
            std::string::npos)
      << msg;
}

TEST(MicrodataHistory, AFollowUpOfAMatrixRowNamesTheChosenOptionColumns) {
  InitialisedDb db;
  // q09c is asked unless the elderly-care row of q09 says «inga e-tjänster».
  auto msg = refusal(db, "org_code,status,q09.aldreomsorg[inga],q09.aldreomsorg[chatt],q09c\n0114,draft,1,0,ja\n");
  EXPECT_NE(
      msg.find("row 2, column q09c: q09c is answered, but it is not asked of this organisation (its condition is "
               "false): the condition of q09c \"not (q09.aldreomsorg has 'inga')\" is false, with "
               "q09.aldreomsorg = 'inga' (Inom detta område finns inga e-tjänster) in column q09.aldreomsorg[inga]"),
      std::string::npos)
      << msg;
}

TEST(MicrodataHistory, DropDiscardsTheHiddenAnswersAndCountsThemPerItem) {
  InitialisedDb db;
  auto sum = collection::import_microdata(*db.store, db.campaign(), kFile, "h.csv", 0,
                                          {collection::Routing::Drop, false, false, Lang::sv});
  EXPECT_EQ(sum.written, 2u);
  EXPECT_EQ(sum.dropped, (std::map<std::string, size_t>{{"q03a", 1}}));
  EXPECT_TRUE(sum.kept.empty());
  auto a = stored(db, "0180");
  EXPECT_EQ(a.at("q03").value, Value::code("nej"));
  EXPECT_FALSE(a.count("q03a"));
  EXPECT_EQ(stored(db, "0114").at("q03a").value, Value::codes_of({"ks"}));  // asked: kept as it is
  auto lines = collection::summary_lines(sum);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "dropped 1 answer(s) to q03a that today's routing does not ask");
}

TEST(MicrodataHistory, KeepStoresTheHiddenAnswersFlaggedAndTheExportCarriesThem) {
  InitialisedDb db;
  auto sum = collection::import_microdata(*db.store, db.campaign(), kFile, "h.csv", 0,
                                          {collection::Routing::Keep, false, false, Lang::sv});
  EXPECT_EQ(sum.kept, (std::map<std::string, size_t>{{"q03a", 1}}));
  auto a = stored(db, "0180");
  EXPECT_EQ(a.at("q03a").value, Value::codes_of({"ks", "forvaltningsledning"}));
  EXPECT_TRUE(a.at("q03a").outside_routing);
  EXPECT_FALSE(a.at("q03").outside_routing);
  EXPECT_FALSE(stored(db, "0114").at("q03a").outside_routing);
  EXPECT_EQ(collection::summary_lines(sum)[0],
            "kept 1 answer(s) to q03a that today's routing does not ask (flagged; counted by the statistics)");
  // The export holds the kept answer (it counts), and importing the export again, without
  // options, changes nothing.
  auto text = collection::export_microdata(*db.store, db.campaign());
  auto table = csv::parse(text, "export.csv");
  auto at = std::find_if(table.rows.begin(), table.rows.end(), [](const auto& r) { return r.fields[0] == "0180"; });
  ASSERT_NE(at, table.rows.end());
  const auto& row = *at;
  EXPECT_EQ(row.fields[table.column("q03")], "nej");
  EXPECT_EQ(row.fields[table.column("q03a[ks]")], "1");
  EXPECT_EQ(row.fields[table.column("q03a[socialnamnd]")], "0");
  EXPECT_EQ(row.fields[table.column("q03a[forvaltningsledning]")], "1");
  auto audit =
      db.store->responses().audit(db.store->responses().get_or_create(db.campaign().campaign.id, "0180").id).size();
  collection::import_microdata(*db.store, db.campaign(), text, "again.csv", 0);
  EXPECT_EQ(collection::export_microdata(*db.store, db.campaign()), text);
  EXPECT_TRUE(stored(db, "0180").at("q03a").outside_routing);
  EXPECT_EQ(
      db.store->responses().audit(db.store->responses().get_or_create(db.campaign().campaign.id, "0180").id).size(),
      audit);
}

TEST(MicrodataHistory, KeptAnswersStillHaveToBeValid) {
  InitialisedDb db;
  auto msg = refusal(db, "org_code,status,q04,s1.forbrukat\n0115,draft,nej,-5\n",
                     {collection::Routing::Keep, false, false, Lang::sv});
  EXPECT_NE(msg.find("row 2, column s1.forbrukat: s1.forbrukat: -5 is below the minimum 0"), std::string::npos) << msg;
}

TEST(MicrodataHistory, AllowIncompleteImportsASubmittedRowAsSubmitted) {
  InitialisedDb db;
  const std::string file = kHeader + "0114,submitted,nej,,,,\n";
  auto msg = refusal(db, file);
  EXPECT_NE(msg.find("row 2, column q01.ifo: q01.ifo must be answered"), std::string::npos) << msg;
  EXPECT_NE(msg.find("`--allow-incomplete`"), std::string::npos) << msg;
  auto sum = collection::import_microdata(*db.store, db.campaign(), file, "h.csv", 0,
                                          {collection::Routing::Refuse, true, false, Lang::sv});
  EXPECT_EQ(sum.incomplete, 1u);
  auto r = db.store->responses().get_or_create(db.campaign().campaign.id, "0114");
  EXPECT_EQ(r.status, ResponseStatus::Submitted);
  EXPECT_EQ(collection::summary_lines(sum).back(),
            "1 submitted response(s) with unanswered items imported as submitted");
}

TEST(MicrodataHistory, LabelsAreReadInTheChosenLanguageWhateverTheirCase) {
  InitialisedDb db;
  auto sum = collection::import_microdata(
      *db.store, db.campaign(),
      "org_code,status,q03,q04,q08.barn_unga\n0114,draft,JA,\"  ja,  DELAR av objekten\",\n"
      "0115,draft,Nej,Nej,\n",
      "h.csv", 0, {collection::Routing::Refuse, false, true, Lang::sv});
  EXPECT_EQ(sum.written, 2u);
  EXPECT_EQ(stored(db, "0114").at("q04").value, Value::code("delar"));
  EXPECT_EQ(stored(db, "0115").at("q04").value, Value::code("nej"));
  InitialisedDb en("en.db");
  collection::import_microdata(*en.store, en.campaign(), "org_code,status,q04\n0114,draft,\"Yes, all objects\"\n",
                               "h.csv", 0, {collection::Routing::Refuse, false, true, Lang::en});
  EXPECT_EQ(stored(en, "0114").at("q04").value, Value::code("alla"));
}

TEST(MicrodataHistory, AnUnknownLabelIsAnErrorNamingRowColumnAndTheLabels) {
  InitialisedDb db;
  auto msg = refusal(db, "org_code,status,q04\n0114,draft,Ja alla\n0115,draft,alla\n",
                     {collection::Routing::Refuse, false, true, Lang::sv});
  EXPECT_NE(msg.find("row 2, column q04: 'Ja alla' is not a label (sv) of q04: 'Ja, alla objekt', 'Ja, delar av "
                     "objekten', 'Nej'"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("row 3, column q04: 'alla' is not a label"), std::string::npos) << msg;
  EXPECT_NE(msg.find("it is an option code"), std::string::npos) << msg;
}

// An instrument whose two options print alike: the label cannot tell them apart.
TEST(MicrodataHistory, AnAmbiguousLabelIsAnErrorNamingRowAndColumn) {
  collection::CampaignContext ctx;
  ctx.instrument = instrument::load_or_throw(test::demo_instrument_yaml(R"YAML(      - id: q1
        type: single
        label: {sv: "1", en: "1"}
        options: [{id: annat_a, label: {sv: "Annat", en: "Other (a)"}}, {id: annat_b, label: {sv: "ANNAT ", en: "Other (b)"}},
                  {id: inget, label: {sv: "Inget", en: "None"}}]
)YAML"),
                                             "demo.yaml");
  ctx.campaign.id = 1;
  registry::Organisation org;
  org.code = "0114";
  org.name = "Upplands Väsby";
  ctx.orgs.push_back(org);
  ctx.scope["0114"] = storage::CampaignOrg{"0114", true, {}};
  ProblemList problems;
  collection::ImportOptions labels{collection::Routing::Refuse, false, true, Lang::sv};
  auto rows = collection::parse_microdata("org_code,status,q1\n0114,draft,annat\n", "d.csv", ctx, problems, {}, nullptr,
                                          labels);
  EXPECT_TRUE(rows.empty());
  ASSERT_EQ(problems.count(), 1u);
  EXPECT_EQ(problems.shown()[0],
            "d.csv: row 2, column q1: 'annat' is ambiguous: it is the label of the options 'annat_a' "
            "and 'annat_b' of q1; give the code with `--values codes`");
  // In English the labels differ.
  ProblemList en_problems;
  labels.lang = Lang::en;
  rows = collection::parse_microdata("org_code,status,q1\n0114,draft,other (b)\n", "d.csv", ctx, en_problems, {},
                                     nullptr, labels);
  ASSERT_TRUE(en_problems.empty()) << en_problems.shown()[0];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].answers.at("q1"), Value::code("annat_b"));
}

TEST(MicrodataHistory, EveryProblemOfTheFileIsCollectedAndCounted) {
  InitialisedDb db;
  std::string text = kHeader;
  // 600 organisations do not exist: every one is a problem, the first 500 are listed.
  for (int i = 0; i < 600; ++i) text += "9" + std::to_string(100 + i) + ",draft,nej,1,0,0,0\n";
  text += "0180,draft,nej,1,0,0,0\n";
  auto msg = refusal(db, text);
  EXPECT_NE(msg.find("601 problem(s); nothing was imported"), std::string::npos) << msg.substr(0, 200);
  EXPECT_NE(msg.find("…and 101 more problem(s)"), std::string::npos);
}
