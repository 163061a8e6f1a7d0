#pragma once
// Microdata in and out: the wide CSV of a campaign, one row per organisation, header = stable
// item ids (layout in docs/microdata-format.md). Export then import round-trips exactly.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "core/problems.h"
#include "instrument/value.h"

namespace dp::collection {

struct MicrodataColumn {
  std::string name;       // "q03", "q08.barn_unga", "q07[annat]", "q07:annat"
  std::string item;       // the item key
  std::string option;     // for a multi's 0/1 column: the option id
};

std::vector<MicrodataColumn> microdata_columns(const instrument::Instrument& in);

// Writes the whole campaign: every organisation in scope, ordered by code.
std::string export_microdata(storage::Store& store, const CampaignContext& ctx);

struct ImportedRow {
  int line = 0;
  std::string org_code;
  ResponseStatus status = ResponseStatus::Submitted;
  instrument::Answers answers;
};

// Stored answers per organisation: items whose columns a file leaves out keep these values.
using StoredAnswers = std::map<std::string, instrument::Answers>;

// Parses and checks a file against the instrument: unknown organisations, unknown columns,
// option codes, ranges, answers to items that are not shown. All problems are returned as
// "FILE: row N, column X: message"; rows are returned only when there is none. An item without a
// column in the file keeps its value from `stored` (a file may carry a subset of the columns).
std::vector<ImportedRow> parse_microdata(const std::string& text, const std::string& file, const CampaignContext& ctx,
                                         ProblemList& problems,
                                         const std::function<void(size_t, size_t)>& progress = {},
                                         const StoredAnswers* stored = nullptr);

// Parses, checks and stores in one transaction (nothing is written if any row is bad).
// Returns the number of organisations written. Throws dp::Error (BadInput) listing all problems.
size_t import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t user_id,
                        const std::function<void(size_t, size_t)>& progress = {});

}  // namespace dp::collection
