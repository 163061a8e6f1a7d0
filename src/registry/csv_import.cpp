#include "registry/csv_import.h"

#include <cmath>
#include <fmt/format.h>
#include <regex>

#include "core/csv.h"
#include "core/text.h"

namespace dp::registry {

static const std::set<std::string> kStandardColumns = {"year",           "code",        "kind",       "name",
                                                       "county_code",    "county_name", "population", "skr_group_code",
                                                       "skr_group_name", "active"};

std::vector<ImportRecord> parse_registry_csv(const std::string& text, const std::string& file, const ImportContext& ctx,
                                             ProblemList& problems) {
  std::vector<ImportRecord> out;
  csv::Table t;
  try {
    t = csv::parse(text, file);
  } catch (const Error& e) {
    problems.add(e.what());
    return {};
  }
  auto where = [&](int line, const std::string& col) { return csv::where(file, line, col); };
  int c_code = t.column("code"), c_year = t.column("year");
  if (c_code < 0) problems.add(csv::where(file, 1) + ": the header has no 'code' column");
  if (c_year < 0 && !ctx.year)
    problems.add(csv::where(file, 1) + ": the header has no 'year' column; give the year with --year");
  static const std::regex attr_re("[a-z][a-z0-9_]*");
  std::set<std::string> seen_cols;
  for (const auto& h : t.header) {
    if (!seen_cols.insert(h).second) problems.add(where(1, h) + ": the column appears twice");
    if (!kStandardColumns.count(h) && !std::regex_match(h, attr_re))
      problems.add(where(1, h) + ": attribute names are lower-case letters, digits and _");
  }
  if (!problems.empty()) return {};
  static const std::regex code_re("[A-Za-z0-9_-]{1,32}");
  std::set<std::pair<int, std::string>> keys;
  for (const auto& row : t.rows) {
    ImportRecord r;
    r.line = row.line;
    r.code = trim(row.fields[c_code]);
    if (!std::regex_match(r.code, code_re)) {
      problems.add(fmt::format("{}: '{}' is not an organisation code (letters, digits, - and _)",
                               where(row.line, "code"), r.code.substr(0, 40)));
      continue;
    }
    if (c_year >= 0) {
      auto y = parse_number(row.fields[c_year]);
      // Range first: casting a huge double to int is undefined behaviour.
      if (!y || *y < 1900 || *y > 2200 || *y != std::floor(*y)) {
        problems.add(fmt::format("{}: '{}' is not a year", where(row.line, "year"), row.fields[c_year].substr(0, 20)));
        continue;
      }
      r.year = (int)*y;
    } else {
      r.year = *ctx.year;
    }
    if (!keys.insert({r.year, r.code}).second) {
      problems.add(fmt::format("{}: organisation {} appears twice for {}", where(row.line, "code"), r.code, r.year));
      continue;
    }
    for (size_t i = 0; i < t.header.size(); ++i) {
      const std::string& col = t.header[i];
      std::string v = trim(row.fields[i]);
      if (col == "code" || col == "year" || col == "county_name") continue;  // county names come from the county list
      if (col == "kind") {
        if (!v.empty()) r.kind = v;
      } else if (col == "name") {
        if (!v.empty()) r.name = v;
      } else if (col == "county_code") {
        if (v.empty()) continue;
        if (!ctx.county_codes.count(v)) {
          problems.add(fmt::format("{}: unknown county code '{}'", where(row.line, col), v.substr(0, 20)));
          continue;
        }
        r.county_code = v;
      } else if (col == "population") {
        if (v.empty()) continue;
        auto n = parse_number(v);
        if (!n || *n < 0 || *n > 1e10 || *n != std::floor(*n)) {
          problems.add(
              fmt::format("{}: '{}' is not a whole number of inhabitants", where(row.line, col), v.substr(0, 20)));
          continue;
        }
        r.population = (long long)*n;
      } else if (col == "skr_group_code") {
        if (!v.empty()) r.skr_group_code = v;
      } else if (col == "skr_group_name") {
        if (!v.empty()) r.skr_group_name = v;
      } else if (col == "active") {
        if (v.empty()) continue;
        std::string l = to_lower_ascii(v);
        if (l == "true" || l == "1" || l == "yes" || l == "ja") r.active = true;
        else if (l == "false" || l == "0" || l == "no" || l == "nej") r.active = false;
        else problems.add(fmt::format("{}: '{}' is not true or false", where(row.line, col), v.substr(0, 20)));
      } else {
        if (v.size() > 1000)
          problems.add(fmt::format("{}: the value is longer than 1000 characters", where(row.line, col)));
        else if (!v.empty()) r.attributes[col] = v;
      }
    }
    if (ctx.known_codes && !ctx.known_codes->count(r.code) && !r.name)
      problems.add(fmt::format("{}: organisation {} is not in the registry; a new organisation needs a name",
                               where(row.line, "name"), r.code));
    if (problems.empty()) out.push_back(std::move(r));  // once one is bad, only the problems matter
  }
  if (!problems.empty()) out.clear();
  return out;
}

}  // namespace dp::registry
