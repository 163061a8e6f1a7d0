#pragma once
// Microdata in and out: the wide CSV of a campaign, one row per organisation, header = stable
// item ids (layout in docs/microdata-format.md). Export then import round-trips exactly.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "core/problems.h"
#include "instrument/value.h"

namespace dp::collection {

struct MicrodataColumn {
  std::string name;    // "q03", "q08.barn_unga", "q07[annat]", "q07:annat"
  std::string item;    // the item key
  std::string option;  // for a multi's 0/1 column: the option id
};

std::vector<MicrodataColumn> microdata_columns(const instrument::Instrument& in);

// Writes the whole campaign: every organisation in scope, ordered by code.
std::string export_microdata(storage::Store& store, const CampaignContext& ctx);

struct ImportedRow {
  int line = 0;
  std::string org_code;
  ResponseStatus status = ResponseStatus::Submitted;
  instrument::Answers answers;
  std::set<std::string> outside_routing;  // answers kept although today's routing does not ask them
};

// What an import does with an answer that today's routing does not ask of the organisation
// (historical microdata from other systems): refuse the file, drop the answer, or keep it flagged
// so that the statistics count it as the published tables did.
enum class Routing { Refuse, Drop, Keep };

struct ImportOptions {
  Routing routing = Routing::Refuse;
  bool allow_incomplete = false;  // a submitted row may leave shown mandatory items unanswered
  bool labels = false;            // single-choice cells hold the printed option labels, not codes
  Lang lang = Lang::sv;           // the language of those labels
};

// What the import did beyond writing rows, for its summary.
struct ImportSummary {
  size_t written = 0;                     // organisations written
  std::map<std::string, size_t> kept;     // item -> answers kept outside the routing
  std::map<std::string, size_t> dropped;  // item -> answers dropped
  size_t incomplete = 0;                  // submitted rows with unanswered shown mandatory items
};

// The stored state of a campaign's responses: items whose columns a file leaves out keep these
// values (and their flag), and an answer already kept outside the routing stays kept when the file
// gives the same value.
struct StoredResponses {
  std::map<std::string, instrument::Answers> answers;            // per organisation
  std::map<std::string, std::set<std::string>> outside_routing;  // per organisation
};

// Parses and checks a file against the instrument: unknown organisations, unknown columns,
// option codes or labels, ranges, answers to items that are not shown (by `options.routing`). All
// problems are returned as "FILE: row N, column X: message"; rows are returned only when there is
// none. An item without a column in the file keeps its value from `stored`.
std::vector<ImportedRow> parse_microdata(const std::string& text, const std::string& file, const CampaignContext& ctx,
                                         ProblemList& problems,
                                         const std::function<void(size_t, size_t)>& progress = {},
                                         const StoredResponses* stored = nullptr, const ImportOptions& options = {},
                                         ImportSummary* summary = nullptr);

// Parses, checks and stores in one transaction (nothing is written if any row is bad). Throws
// dp::Error (BadInput) listing all problems.
ImportSummary import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                               const std::string& file, int64_t user_id, const ImportOptions& options,
                               const std::function<void(size_t, size_t)>& progress = {});
// The same with the default options (codes, routing refused, submitted rows complete); returns the
// number of organisations written.
size_t import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t user_id,
                        const std::function<void(size_t, size_t)>& progress = {});

// The summary's lines: what was kept or dropped per item, and the incomplete submitted rows.
std::vector<std::string> summary_lines(const ImportSummary& s);

}  // namespace dp::collection
