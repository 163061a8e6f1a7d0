// The bundled instruments: the 2021 national survey validates cleanly and contains every
// question of the reconstruction (survey-2021.md §2.5), with its eligibility rules; the 2022
// version validates and its lineage points at real 2021 items.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>

#include "instrument/load.h"
#include "instrument/visibility.h"

using namespace dp::instrument;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

LoadResult load_bundled(const std::string& id) {
  auto path = fs::path(DIGIPULS_SOURCE_DIR) / "instruments" / (id + ".yaml");
  return load(slurp(path), "instruments/" + id + ".yaml");
}

const Instrument& in2021() {
  static const Instrument in = *load_bundled("ehalsa-2021").instrument;
  return in;
}

// The question ids of survey-2021.md §2.5 (the summary table).
const std::vector<std::string> kSurvey2021Ids = {
    "q01",  "q02",  "q03", "q03a", "q04", "q05",  "q06",  "q06a", "q06b", "q07",  "q08",  "q09",  "q09a",
    "q09b", "q09c", "q10", "q11",  "q12", "q12a", "q12b", "q12c", "q13",  "q13a", "q13b", "q13c", "q14",
    "q15",  "q16",  "q17", "q18",  "q19", "q20",  "q21",  "q22",  "q23",  "q24",  "q25",  "q26",  "q27",
    "q28",  "q28a", "q29", "q30",  "q31", "s1",   "s2",   "s3",   "s4",   "s5"};

std::set<std::string> all_item_keys(const Instrument& in) {
  std::set<std::string> out;
  for (const auto& q : in.questions()) {
    out.insert(q->id);
    for (const auto& r : q->rows) out.insert(q->id + "." + r.id);
  }
  return out;
}

OrgAttributes municipality(bool stimulus, bool home_care, const std::string& county) {
  return {{"code", std::string("9999")},
          {"county_code", county},
          {"stimulus_requisitioned", stimulus},
          {"home_health_care", home_care}};
}

}  // namespace

TEST(BundledInstrument2021, ValidatesWithoutErrorsOrWarnings) {
  auto res = load_bundled("ehalsa-2021");
  for (const auto& d : res.diagnostics) ADD_FAILURE() << d.str();
  ASSERT_TRUE(res.instrument);
  EXPECT_EQ(res.instrument->id, "ehalsa-2021");
  EXPECT_EQ(res.instrument->year, 2021);
}

TEST(BundledInstrument2021, HasEveryQuestionOfTheSurveySummaryTable) {
  for (const auto& id : kSurvey2021Ids) EXPECT_NE(in2021().question(id), nullptr) << id << " is missing";
}

TEST(BundledInstrument2021, SummaryTableListIsCompleteAgainstTheSurveyReference) {
  // Cross-check the list above against the survey reference kept in the repository.
  fs::path ref = fs::path(DIGIPULS_SOURCE_DIR) / "docs" / "sources" / "survey-2021.md";
  ASSERT_TRUE(fs::exists(ref)) << "no " << ref;
  std::string text = slurp(ref);
  auto start = text.find("### 2.5 Summary table");
  auto end = text.find("### 2.6", start);
  ASSERT_NE(start, std::string::npos);
  std::string table = text.substr(start, end - start);
  std::regex row(R"(\n\| (q\d\d[a-z]?|s\d)(?:–([a-z]))? \|)");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it) {
    std::string id = (*it)[1];
    if ((*it)[2].matched) {  // "q09a–c": a range of follow-ups
      char last = std::string((*it)[2])[0];
      std::string base = id.substr(0, id.size() - 1);
      for (char c = id.back(); c <= last; ++c) ids.insert(base + c);
    } else {
      ids.insert(id);
    }
  }
  EXPECT_EQ(ids, std::set<std::string>(kSurvey2021Ids.begin(), kSurvey2021Ids.end()));
  for (const auto& id : ids) EXPECT_NE(in2021().question(id), nullptr) << id;
}

TEST(BundledInstrument2021, StimulusSectionIsEligibleOnStimulusRequisitioned) {
  const Section* s = in2021().section_of("s1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->eligible_if.source, "org.stimulus_requisitioned");
  for (const char* id : {"s1", "s2", "s3", "s4", "s5"}) EXPECT_EQ(in2021().section_of(id), s) << id;
  Visibility with(in2021(), {}, municipality(true, true, "12"));
  Visibility without(in2021(), {}, municipality(false, true, "12"));
  EXPECT_TRUE(with.shown("s3"));
  EXPECT_TRUE(with.shown("s1.forbrukat"));
  EXPECT_EQ(without.item("s3"), Shown::NotEligible);
  EXPECT_EQ(without.item("s1.kvarstaende"), Shown::NotEligible);
  EXPECT_TRUE(without.shown("q01.ifo"));  // version B still gets the rest
}

// Stockholm county's municipalities answered the hemsjukvård rows too: the published national
// base 282 fits Tabell 28/29, an exclusion of county 01 does not (issue 14).
TEST(BundledInstrument2021, HomeHealthCareRowsAreAskedInStockholmCountyToo) {
  for (const char* q : {"q30", "q31"}) {
    const Question* question = in2021().question(q);
    ASSERT_TRUE(question) << q;
    const Row* r = question->row("hemsjukvard_ordinart");
    ASSERT_TRUE(r) << q;
    EXPECT_FALSE(r->eligible_if.expr) << q;
  }
  Visibility stockholm(in2021(), {}, municipality(true, false, "01"));
  Visibility other(in2021(), {}, municipality(true, true, "12"));
  EXPECT_TRUE(stockholm.shown("q30.hemsjukvard_ordinart"));
  EXPECT_TRUE(stockholm.shown("q31.hemsjukvard_ordinart"));
  EXPECT_TRUE(stockholm.shown("q30.hs_sarskilt_boende"));
  EXPECT_TRUE(other.shown("q30.hemsjukvard_ordinart"));
  // Handing all health care over still routes past the part (q26 = 'extern', Tabell 26's 282).
  Visibility handed_over(in2021(), {{"q26", Value::code("extern")}}, municipality(true, true, "12"));
  EXPECT_FALSE(handed_over.shown("q30.hemsjukvard_ordinart"));
}

TEST(BundledInstrument2021, FollowUpsDependOnTheirMainQuestion) {
  Visibility none(in2021(), {}, municipality(true, true, "12"));
  EXPECT_FALSE(none.shown("q03a"));
  Visibility yes(in2021(), {{"q03", Value::code("ja")}}, municipality(true, true, "12"));
  EXPECT_TRUE(yes.shown("q03a"));
  Visibility remaining(in2021(), {{"s1.kvarstaende", Value::num(1000)}}, municipality(true, true, "12"));
  EXPECT_TRUE(remaining.shown("s2"));
  Visibility used_up(in2021(), {{"s1.kvarstaende", Value::num(0)}}, municipality(true, true, "12"));
  EXPECT_FALSE(used_up.shown("s2"));
}

TEST(BundledInstrument2021, EvaluationOrderCoversEveryQuestionOnce) {
  const auto& order = in2021().evaluation_order;
  EXPECT_EQ(order.size(), in2021().questions().size());
  EXPECT_EQ(std::set<std::string>(order.begin(), order.end()).size(), order.size());
}

TEST(BundledInstrument2022, ValidatesWithoutErrorsOrWarnings) {
  auto res = load_bundled("ehalsa-2022");
  for (const auto& d : res.diagnostics) ADD_FAILURE() << d.str();
  ASSERT_TRUE(res.instrument);
  EXPECT_EQ(res.instrument->previous, "ehalsa-2021");
}

TEST(BundledInstrument2022, LineagePointsAtExisting2021Items) {
  auto res = load_bundled("ehalsa-2022");
  ASSERT_TRUE(res.instrument);
  const auto keys2021 = all_item_keys(in2021());
  int links = 0;
  auto check = [&](const std::optional<Lineage>& l, const std::string& where) {
    if (!l) return;
    ++links;
    std::string target = l->instrument.empty() ? res.instrument->previous : l->instrument;
    EXPECT_EQ(target, "ehalsa-2021") << where;
    EXPECT_TRUE(keys2021.count(l->id)) << where << " continues unknown 2021 item '" << l->id << "'";
  };
  for (const auto* q : res.instrument->questions()) {
    check(q->continues, q->id);
    for (const auto& r : q->rows) check(r.continues, q->id + "." + r.id);
  }
  EXPECT_GE(links, 40);
}
