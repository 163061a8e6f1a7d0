#include "collection/microdata.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"
#include "instrument/answer_check.h"
#include "instrument/visibility.h"
#include "storage/response_store.h"

namespace dp::collection {
using instrument::Item;
using instrument::Type;
using instrument::Value;


std::vector<MicrodataColumn> microdata_columns(const instrument::Instrument& in) {
  std::vector<MicrodataColumn> cols;
  for (const auto& item : instrument::items(in)) {
    if (item.type == Type::Multi) {
      for (const auto* o : item.options) cols.push_back({item.key + "[" + o->id + "]", item.key, o->id});
    } else {
      cols.push_back({item.key, item.key, ""});
    }
  }
  return cols;
}

// Shortest text that reads back as the same double, in plain decimal notation: the importer (and
// a spreadsheet) does not read exponents, and fmt's shortest form uses one from 1e16 and below 1e-4.
static std::string number_text(double d) {
  std::string s = fmt::format("{}", d);
  auto e = s.find_first_of("eE");
  if (e == std::string::npos) return s;
  std::string sign = s[0] == '-' ? "-" : "";
  std::string mantissa = s.substr(sign.size(), e - sign.size());
  int exponent = std::stoi(s.substr(e + 1));
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  int point = 1 + exponent;  // digits before the decimal point
  int n = (int)digits.size();
  if (point <= 0) return sign + "0." + std::string(-point, '0') + digits;
  if (point >= n) return sign + digits + std::string(point - n, '0');
  return sign + digits.substr(0, point) + "." + digits.substr(point);
}

std::string export_microdata(storage::Store& store, const CampaignContext& ctx) {
  auto cols = microdata_columns(ctx.instrument);
  std::vector<std::string> header = {"org_code", "status"};
  for (const auto& c : cols) header.push_back(c.name);
  std::string out = csv::line(header);

  std::map<std::string, std::pair<ResponseStatus, instrument::Answers>> by_org;
  for (const auto& r : store.responses().list(ctx.campaign.id)) by_org[r.org_code].first = r.status;
  store.responses().for_each_answer(ctx.campaign.id, [&](const std::string& org, ResponseStatus status,
                                                         const std::string& item, const Value& v) {
    auto& e = by_org[org];
    e.first = status;
    e.second[item] = v;
  });
  for (const auto& org : ctx.orgs) {
    auto it = by_org.find(org.code);
    ResponseStatus status = it == by_org.end() ? ResponseStatus::NotStarted : it->second.first;
    // Only the response as it counts: answers to items that are not shown (a form keeps them when
    // a condition turns false) are not part of it, and importing them would be an error.
    instrument::Answers answers;
    if (it != by_org.end()) {
      instrument::Visibility vis(ctx.instrument, it->second.second, ctx.attributes(org.code));
      answers = vis.effective(it->second.second);
    }
    // Texts go through csv::formula_safe (a spreadsheet must not evaluate an answer); numbers and
    // option codes cannot start like a formula.
    std::vector<std::string> row = {csv::formula_safe(org.code), to_string(status)};
    for (const auto& c : cols) {
      auto a = answers.find(c.item);
      if (a == answers.end() || a->second.empty()) {
        row.emplace_back();
        continue;
      }
      const Value& v = a->second;
      if (!c.option.empty()) row.push_back(v.has(c.option) ? "1" : "0");
      else if (v.kind == Value::Kind::Number) row.push_back(number_text(v.number));
      else if (v.kind == Value::Kind::Text) row.push_back(csv::formula_safe(v.str));
      else row.push_back(v.str);
    }
    out += csv::line(row);
  }
  return out;
}

std::vector<ImportedRow> parse_microdata(const std::string& text, const std::string& file, const CampaignContext& ctx,
                                         ProblemList& problems,
                                         const std::function<void(size_t, size_t)>& progress,
                                         const StoredAnswers* stored) {
  auto cols = microdata_columns(ctx.instrument);
  std::map<std::string, const MicrodataColumn*> by_name;
  for (const auto& c : cols) by_name[c.name] = &c;
  auto index = instrument::item_index(ctx.instrument);
  auto where = [&](int line, const std::string& col) { return csv::where(file, line, col); };

  std::vector<std::string> header;
  std::vector<const MicrodataColumn*> mapping;
  int c_org = -1, c_status = -1;
  std::vector<ImportedRow> rows;
  std::set<std::string> seen_orgs;
  std::set<std::string> covered;  // items the file has a column for

  auto on_header = [&](const std::vector<std::string>& h) {
    header = h;
    mapping.assign(h.size(), nullptr);
    std::set<std::string> seen;
    for (size_t i = 0; i < h.size(); ++i) {
      if (!seen.insert(h[i]).second) problems.add(where(1, h[i]) + ": the column appears twice");
      if (h[i] == "org_code") c_org = (int)i;
      else if (h[i] == "status") c_status = (int)i;
      else if (auto it = by_name.find(h[i]); it != by_name.end()) {
        mapping[i] = it->second;
        covered.insert(it->second->item);
      }
      else problems.add(where(1, h[i]) + ": not an item of " + ctx.instrument.id + " (see docs/microdata-format.md)");
    }
    if (c_org < 0) problems.add(csv::where(file, 1) + ": the header needs an 'org_code' column");
  };

  auto on_row = [&](const csv::Row& row) {
    if (c_org < 0) return;
    ImportedRow r;
    r.line = row.line;
    r.org_code = trim(csv::from_formula_safe(row.fields[c_org]));
    if (!ctx.org(r.org_code)) {
      problems.add(where(row.line, "org_code") +
                         fmt::format(": '{}' is not an organisation in the campaign's scope", r.org_code.substr(0, 40)));
      return;
    }
    if (!seen_orgs.insert(r.org_code).second) {
      problems.add(where(row.line, "org_code") + ": " + r.org_code + " appears on an earlier row too");
      return;
    }
    std::string status = c_status >= 0 ? trim(row.fields[c_status]) : "";
    try {
      r.status = status.empty() ? ResponseStatus::Submitted : parse_response_status(status);
    } catch (const Error& e) {
      problems.add(where(row.line, "status") + ": " + e.message());
      return;
    }
    // Multi items: collect the 0/1 columns first.
    std::map<std::string, std::vector<std::string>> multi;
    std::set<std::string> multi_present;
    std::map<std::string, std::string> item_column;  // item -> a column name for messages
    for (size_t i = 0; i < row.fields.size(); ++i) {
      const MicrodataColumn* col = mapping[i];
      if (!col) continue;
      const std::string raw = trim(row.fields[i]);
      const Item& item = index.at(col->item);
      item_column.emplace(col->item, col->name);
      if (!col->option.empty()) {
        if (raw.empty()) continue;
        if (raw != "0" && raw != "1") {
          problems.add(where(row.line, col->name) + fmt::format(": '{}' must be 1 (chosen), 0 (not chosen) or empty",
                                                                      raw.substr(0, 20)));
          continue;
        }
        multi_present.insert(col->item);
        if (raw == "1") multi[col->item].push_back(col->option);
        continue;
      }
      std::string err;
      auto v = instrument::parse_value(item, item.type == Type::Text ? csv::from_formula_safe(row.fields[i]) : raw, &err);
      if (!v) {
        problems.add(where(row.line, col->name) + ": " + err);
        continue;
      }
      if (!v->empty()) r.answers[col->item] = *v;
    }
    for (const auto& item : multi_present) r.answers[item] = Value::codes_of(multi[item]);
    if (stored)
      if (auto s = stored->find(r.org_code); s != stored->end())
        for (const auto& [item, value] : s->second)
          if (!covered.count(item)) r.answers.emplace(item, value);
    if (r.status == ResponseStatus::NotStarted && !r.answers.empty()) {
      problems.add(where(row.line, "status") + ": a not_started row cannot have answers");
      return;
    }
    // Import mode: an answer to an item that is not asked is an error; only submitted rows must
    // be complete.
    auto checks = instrument::check_answers(ctx.instrument, r.answers, ctx.attributes(r.org_code),
                                            instrument::CheckMode::Import);
    for (const auto& p : checks) {
      if (p.code == "missing" && r.status != ResponseStatus::Submitted) continue;
      std::string col = p.code != "missing" && item_column.count(p.item) ? item_column[p.item] : p.item;
      problems.add(where(row.line, col) + ": " + p.message);
    }
    if (problems.empty()) rows.push_back(std::move(r));  // once one is bad, only the problems matter
  };

  try {
    csv::parse_stream(text, file, on_header, on_row, progress);
  } catch (const Error& e) {
    problems.add(e.what());
  }
  if (!problems.empty()) rows.clear();
  return rows;
}

size_t import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t user_id, const std::function<void(size_t, size_t)>& progress) {
  StoredAnswers stored;
  store.responses().for_each_answer(ctx.campaign.id, [&](const std::string& org, ResponseStatus,
                                                         const std::string& item, const Value& v) {
    stored[org][item] = v;
  });
  ProblemList problems;
  auto rows = parse_microdata(text, file, ctx, problems, progress, &stored);
  if (!problems.empty()) throw Error::bad_input(problems.report("nothing was imported"));
  size_t written = 0;
  store.write_transaction([&] {
    std::set<std::string> existing;
    for (const auto& x : store.responses().list(ctx.campaign.id)) existing.insert(x.org_code);
    for (const auto& r : rows) {
      // An untouched organisation stays without a response row, as before the export.
      if (r.status == ResponseStatus::NotStarted && r.answers.empty() && !existing.count(r.org_code)) continue;
      auto resp = store.responses().get_or_create(ctx.campaign.id, r.org_code);
      store.responses().replace(resp.id, r.answers, r.status, user_id, "import", "imported from " + file);
      ++written;
    }
  });
  return written;
}

}  // namespace dp::collection
