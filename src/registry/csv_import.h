#pragma once
// Registry CSV (docs/registry.md): one row per organisation and year. Pure parsing and checking;
// the storage layer applies the records in one transaction.
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/problems.h"
#include "registry/model.h"

namespace dp::registry {

struct ImportContext {
  std::set<std::string> county_codes;  // known counties
  std::optional<int> year;             // --year, used when the file has no year column
  // Codes already in the registry: a row for any other code creates an organisation and must
  // name it. Empty = do not check (the caller knows every row is new or complete).
  std::optional<std::set<std::string>> known_codes;
};

// Parses and checks the whole file; every bad cell is reported as "FILE: row N, column X: ..." in
// `problems`. Records are returned only when there are no problems.
std::vector<ImportRecord> parse_registry_csv(const std::string& text, const std::string& file, const ImportContext& ctx,
                                             ProblemList& problems);

}  // namespace dp::registry
