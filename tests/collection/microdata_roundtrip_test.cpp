// Microdata export -> import -> export round-trips byte-exactly (collection/microdata.h) on the
// 2021 campaign with generated, varied answers that respect visibility.
#include <gtest/gtest.h>

#include "answer_maker.h"
#include "campaign_fixture.h"
#include "core/csv.h"
#include "storage/response_store.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::InitialisedDb;

namespace {

// Fills a third of the campaign: every fourth organisation submitted (complete), every fourth a
// draft (partial), every fourth explicitly not started, the rest untouched.
void fill(InitialisedDb& db, uint64_t seed) {
  auto ctx = db.campaign();
  dp::testing::AnswerMaker maker(seed);
  db.store->write_transaction([&] {
    for (size_t i = 0; i < ctx.orgs.size(); i += 3) {
      const auto& org = ctx.orgs[i];
      auto attrs = ctx.attributes(org.code);
      auto resp = db.store->responses().get_or_create(ctx.campaign.id, org.code);
      switch (i / 3 % 4) {
        case 0: {
          auto a = maker.make(ctx.instrument, attrs, true);
          auto problems = instrument::check_answers(ctx.instrument, a, attrs, instrument::CheckMode::Import);
          for (const auto& p : problems)
            ADD_FAILURE() << org.code << ": generator made an invalid answer: " << p.message;
          db.store->responses().replace(resp.id, a, ResponseStatus::Submitted, 0, "generate", "");
          break;
        }
        case 1:
          db.store->responses().replace(resp.id, maker.make(ctx.instrument, attrs, false), ResponseStatus::Draft, 0,
                                        "generate", "");
          break;
        case 2: break;  // a response row that was never touched
        default:
          db.store->responses().replace(resp.id, maker.make(ctx.instrument, attrs, false), ResponseStatus::Reopened, 0,
                                        "generate", "");
      }
    }
  });
}

size_t audit_entries(storage::Store& store, int64_t campaign) {
  size_t n = 0;
  for (const auto& r : store.responses().list(campaign)) n += store.responses().audit(r.id).size();
  return n;
}

}  // namespace

TEST(MicrodataRoundTrip, ExportImportExportIsByteExactInAFreshDatabase) {
  InitialisedDb source("source.db");
  fill(source, 2021);
  auto first = collection::export_microdata(*source.store, source.campaign());

  InitialisedDb target("target.db");
  auto n = collection::import_microdata(*target.store, target.campaign(), first, "first.csv", 0);
  EXPECT_GT(n, 50u);
  auto second = collection::export_microdata(*target.store, target.campaign());
  EXPECT_EQ(first, second);
}

TEST(MicrodataRoundTrip, ReimportingTheSameFileChangesNothing) {
  InitialisedDb db;
  fill(db, 7);
  auto ctx = db.campaign();
  auto first = collection::export_microdata(*db.store, ctx);
  auto before = audit_entries(*db.store, ctx.campaign.id);
  collection::import_microdata(*db.store, ctx, first, "first.csv", 0);
  EXPECT_EQ(audit_entries(*db.store, ctx.campaign.id), before);
  EXPECT_EQ(collection::export_microdata(*db.store, ctx), first);
}

TEST(MicrodataRoundTrip, ExportHasOneRowPerOrganisationAndTheDocumentedColumns) {
  InitialisedDb db;
  fill(db, 1);
  auto ctx = db.campaign();
  auto t = csv::parse(collection::export_microdata(*db.store, ctx), "export.csv");
  EXPECT_EQ(t.rows.size(), 290u);
  ASSERT_GE(t.header.size(), 3u);
  EXPECT_EQ(t.header[0], "org_code");
  EXPECT_EQ(t.header[1], "status");
  for (const char* col : {"q03", "q03a[ks]", "q03a:annat", "q03:comment", "q08.barn_unga", "q12.nattillsyn",
                          "q30.hemsjukvard_ordinart", "s1.kvarstaende", "s3[annat]", "s3:annat"})
    EXPECT_GE(t.column(col), 0) << col;
  EXPECT_EQ(t.rows[0].fields[0], "0114");  // ordered by code
  for (const auto& r : t.rows) {
    const std::string& status = r.fields[1];
    EXPECT_TRUE(status == "not_started" || status == "draft" || status == "submitted" || status == "reopened")
        << status;
  }
}

TEST(MicrodataRoundTrip, NumbersAreWrittenWithAPointAndNoExponent) {
  InitialisedDb db;
  auto ctx = db.campaign();
  auto resp = db.store->responses().get_or_create(ctx.campaign.id, "0114");  // requisitioned stimulus funds
  db.store->responses().save(
      resp.id, {{"s1.forbrukat", Value::num(1e17), -1}, {"s1.kvarstaende", Value::num(2500000), -1}}, 0, "answer");
  auto text = collection::export_microdata(*db.store, ctx);
  auto t = csv::parse(text, "");
  EXPECT_EQ(t.rows[0].fields[t.column("s1.forbrukat")], "100000000000000000");
  EXPECT_EQ(t.rows[0].fields[t.column("s1.kvarstaende")], "2500000");
  InitialisedDb other("other.db");
  collection::import_microdata(*other.store, other.campaign(), text, "x.csv", 0);
  EXPECT_EQ(collection::export_microdata(*other.store, other.campaign()), text);
}

TEST(MicrodataRoundTrip, AnswersToHiddenItemsAreNotExported) {
  // The web form keeps an answer whose condition later turned false; it is not part of the
  // response (docs/instrument-format.md), so it is not exported and the export still imports.
  InitialisedDb db;
  auto ctx = db.campaign();
  auto resp = db.store->responses().get_or_create(ctx.campaign.id, "0114");
  db.store->responses().save(resp.id, {{"q03", Value::code("ja"), -1}, {"q03a", Value::codes_of({"ks"}), -1}}, 0,
                             "answer");
  db.store->responses().save(resp.id, {{"q03", Value::code("nej"), -1}}, 0, "answer");  // hides q03a
  auto text = collection::export_microdata(*db.store, ctx);
  auto t = csv::parse(text, "");
  EXPECT_EQ(t.rows[0].fields[t.column("q03")], "nej");
  EXPECT_EQ(t.rows[0].fields[t.column("q03a[ks]")], "");
  InitialisedDb other("other.db");
  EXPECT_NO_THROW(collection::import_microdata(*other.store, other.campaign(), text, "x.csv", 0));
}

TEST(MicrodataRoundTrip, ColumnsLeftOutOfAFileKeepTheirStoredAnswers) {
  InitialisedDb db;
  fill(db, 11);
  auto ctx = db.campaign();
  auto full = collection::export_microdata(*db.store, ctx);
  // Keep org_code, status and q04 only; change q04 of one submitted organisation.
  auto table = csv::parse(full);
  int c_q04 = table.column("q04");
  ASSERT_GE(c_q04, 0);
  std::string partial = csv::line({"org_code", "status", "q04"});
  std::string changed_org;
  for (const auto& row : table.rows) {
    std::string q04 = row.fields[c_q04];
    if (changed_org.empty() && row.fields[1] == "submitted" && !q04.empty()) {
      changed_org = row.fields[0];
      q04 = q04 == "nej" ? "alla" : "nej";
    }
    partial += csv::line({row.fields[0], row.fields[1], q04});
  }
  ASSERT_FALSE(changed_org.empty());
  collection::import_microdata(*db.store, ctx, partial, "partial.csv", 0);
  auto after = csv::parse(collection::export_microdata(*db.store, ctx));
  ASSERT_EQ(after.rows.size(), table.rows.size());
  for (size_t i = 0; i < table.rows.size(); ++i)
    for (size_t c = 0; c < table.header.size(); ++c) {
      bool is_changed_cell = table.rows[i].fields[0] == changed_org && (int)c == c_q04;
      if (is_changed_cell) EXPECT_NE(after.rows[i].fields[c], table.rows[i].fields[c]);
      else
        EXPECT_EQ(after.rows[i].fields[c], table.rows[i].fields[c])
            << table.header[c] << " of " << table.rows[i].fields[0];
    }
}

TEST(MicrodataRoundTrip, FormulaLikeTextsAreNeutralisedAndComeBackExactly) {
  // Free text that a spreadsheet would evaluate (OWASP CSV injection) is written with a leading
  // apostrophe; numbers, negative ones included, stay numbers; the importer removes exactly the
  // apostrophe the export added.
  InitialisedDb db;
  auto ctx = db.campaign();
  auto resp = db.store->responses().get_or_create(ctx.campaign.id, "0114");
  db.store->responses().save(resp.id,
                             {{"q03", Value::code("ja"), -1},
                              {"q03:comment", Value::text("=HYPERLINK(\"http://evil.example\",\"Klicka\")"), -1},
                              {"q03a", Value::codes_of({"annat"}), -1},
                              {"q03a:annat", Value::text("-2+3+cmd|' /C calc'!A0"), -1},
                              {"s1.forbrukat", Value::num(1500), -1}},
                             0, "answer");
  auto resp2 = db.store->responses().get_or_create(ctx.campaign.id, "0115");
  db.store->responses().save(resp2.id,
                             {{"q03", Value::code("ja"), -1},
                              {"q03:comment", Value::text("'=already quoted"), -1},
                              {"q04", Value::code("nej"), -1},
                              {"q04:comment", Value::text("@SUM(1)"), -1}},
                             0, "answer");
  auto text = collection::export_microdata(*db.store, ctx);
  auto t = csv::parse(text, "");
  EXPECT_EQ(t.rows[0].fields[t.column("q03:comment")], "'=HYPERLINK(\"http://evil.example\",\"Klicka\")");
  EXPECT_EQ(t.rows[0].fields[t.column("q03a:annat")], "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(t.rows[0].fields[t.column("s1.forbrukat")], "1500");
  EXPECT_EQ(t.rows[1].fields[t.column("q03:comment")], "''=already quoted");
  EXPECT_EQ(t.rows[1].fields[t.column("q04:comment")], "'@SUM(1)");

  InitialisedDb other("other.db");
  collection::import_microdata(*other.store, other.campaign(), text, "x.csv", 0);
  auto back = other.store->responses().get_or_create(other.campaign().campaign.id, "0114");
  std::map<std::string, Value> stored;
  for (const auto& a : other.store->responses().answers(back.id)) stored[a.item] = a.value;
  EXPECT_EQ(stored["q03:comment"].str, "=HYPERLINK(\"http://evil.example\",\"Klicka\")");
  EXPECT_EQ(stored["q03a:annat"].str, "-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(stored["s1.forbrukat"].number, 1500);
  EXPECT_EQ(collection::export_microdata(*other.store, other.campaign()), text);
}

TEST(MicrodataRoundTrip, NegativeNumbersAreWrittenAsPlainNumbers) {
  InitialisedDb db;
  auto ctx = db.campaign();
  auto resp = db.store->responses().get_or_create(ctx.campaign.id, "0114");
  db.store->responses().save(
      resp.id, {{"s1.forbrukat", Value::num(-1500), -1}, {"s1.kvarstaende", Value::num(-0.5), -1}}, 0, "answer");
  auto t = csv::parse(collection::export_microdata(*db.store, ctx), "");
  EXPECT_EQ(t.rows[0].fields[t.column("s1.forbrukat")], "-1500");
  EXPECT_EQ(t.rows[0].fields[t.column("s1.kvarstaende")], "-0.5");
}
