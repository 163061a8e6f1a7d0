#include "collection/microdata.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "core/csv.h"
#include "core/error.h"
#include "core/fold_label.h"
#include "core/text.h"
#include "instrument/answer_check.h"
#include "instrument/routing_reason.h"
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
  store.responses().for_each_answer(
      ctx.campaign.id, [&](const std::string& org, ResponseStatus status, const std::string& item, const Value& v) {
        auto& e = by_org[org];
        e.first = status;
        e.second[item] = v;
      });
  auto kept = store.responses().outside_routing(ctx.campaign.id);
  for (const auto& org : ctx.orgs) {
    auto it = by_org.find(org.code);
    ResponseStatus status = it == by_org.end() ? ResponseStatus::NotStarted : it->second.first;
    // Only the response as it counts: answers to items that are not shown (a form keeps them when
    // a condition turns false) are not part of it, and importing them would be an error. Answers
    // imported outside the routing and kept (flagged) count, and are written.
    instrument::Answers answers;
    if (it != by_org.end()) {
      instrument::Visibility vis(ctx.instrument, it->second.second, ctx.attributes(org.code));
      answers = vis.effective(it->second.second);
      if (auto k = kept.find(org.code); k != kept.end())
        for (const auto& item : k->second)
          if (auto a = it->second.second.find(item); a != it->second.second.end()) answers.insert(*a);
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

namespace {

// Printed option labels to codes, per item (`--values labels`): a label that names no option, or
// more than one, is an error naming the row and the column.
class LabelReader {
 public:
  explicit LabelReader(Lang lang) : lang_(lang) {}

  // The option code for `raw`, or nullopt with *error set.
  std::optional<std::string> code(const Item& item, const std::string& raw, std::string* error) {
    auto& labels = labels_of(item);
    auto it = labels.by_label.find(fold_label(raw));
    if (it != labels.by_label.end() && it->second.size() == 1) return it->second.front();
    if (it != labels.by_label.end()) {
      std::vector<std::string> codes;
      for (const auto& c : it->second) codes.push_back("'" + c + "'");
      *error = fmt::format(
          "'{}' is ambiguous: it is the label of the options {} of {}; give the code with "
          "`--values codes`",
          raw.substr(0, 60), join(codes, " and "), item.key);
      return std::nullopt;
    }
    std::vector<std::string> shown;
    for (size_t i = 0; i < labels.printed.size() && i < 8; ++i) shown.push_back("'" + labels.printed[i] + "'");
    if (labels.printed.size() > 8) shown.push_back("…");
    *error = fmt::format("'{}' is not a label ({}) of {}: {}", raw.substr(0, 60), lang_code(lang_), item.key,
                         join(shown, ", "));
    bool is_code = std::any_of(item.options.begin(), item.options.end(), [&](const auto* o) { return o->id == raw; });
    if (is_code) *error += " (it is an option code: codes are read without `--values labels`)";
    return std::nullopt;
  }

 private:
  struct Labels {
    std::map<std::string, std::vector<std::string>> by_label;  // folded label -> option codes
    std::vector<std::string> printed;
  };
  Labels& labels_of(const Item& item) {
    auto [it, fresh] = cache_.try_emplace(item.key);
    if (!fresh) return it->second;
    auto add = [&](const instrument::Option* o) {
      const std::string& label = o->label.get(lang_);
      it->second.by_label[fold_label(label)].push_back(o->id);
      it->second.printed.push_back(label);
    };
    for (const auto* o : item.options) add(o);
    for (const auto* o : item.import_options) add(o);
    return it->second;
  }
  Lang lang_;
  std::map<std::string, Labels> cache_;
};

// The columns of a file that hold an item's answer, for naming the answers a rule reads.
std::string columns_of(const instrument::RoutingInput& x,
                       const std::map<std::string, const MicrodataColumn*>& by_name) {
  if (x.attribute) return "in the registry";
  if (by_name.count(x.ref)) return "in column " + x.ref;
  if (x.chosen.empty()) return "in columns " + x.ref + "[…]";
  std::vector<std::string> cols;
  for (const auto& c : x.chosen) cols.push_back(x.ref + "[" + c + "]");
  return (cols.size() == 1 ? "in column " : "in columns ") + join(cols, ", ");
}

std::string not_asked_message(const std::string& key, const instrument::RoutingReason& why,
                              const std::map<std::string, const MicrodataColumn*>& by_name) {
  std::string msg = fmt::format("{} is answered, but it is not asked of this organisation ({}): {}", key,
                                why.eligibility ? "not eligible" : "its condition is false", why.rule);
  std::vector<std::string> inputs;
  for (const auto& x : why.inputs) inputs.push_back(fmt::format("{} = {} {}", x.ref, x.value, columns_of(x, by_name)));
  if (!inputs.empty()) msg += ", with " + join(inputs, "; ");
  return msg;
}

}  // namespace

std::vector<ImportedRow> parse_microdata(const std::string& text, const std::string& file, const CampaignContext& ctx,
                                         ProblemList& problems, const std::function<void(size_t, size_t)>& progress,
                                         const StoredResponses* stored, const ImportOptions& options,
                                         ImportSummary* summary) {
  auto cols = microdata_columns(ctx.instrument);
  std::map<std::string, const MicrodataColumn*> by_name;
  for (const auto& c : cols) by_name[c.name] = &c;
  auto index = instrument::item_index(ctx.instrument);
  auto where = [&](int line, const std::string& col) { return csv::where(file, line, col); };
  LabelReader labels(options.lang);
  ImportSummary local;
  ImportSummary& sum = summary ? *summary : local;

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
      } else problems.add(where(1, h[i]) + ": not an item of " + ctx.instrument.id + " (see docs/microdata-format.md)");
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
          problems.add(where(row.line, col->name) +
                       fmt::format(": '{}' must be 1 (chosen), 0 (not chosen) or empty", raw.substr(0, 20)));
          continue;
        }
        multi_present.insert(col->item);
        if (raw == "1") multi[col->item].push_back(col->option);
        continue;
      }
      std::string err;
      std::string cell = item.type == Type::Text ? csv::from_formula_safe(row.fields[i]) : raw;
      if (options.labels && !raw.empty() && (item.type == Type::YesNo || item.type == Type::Single)) {
        auto code = labels.code(item, raw, &err);
        if (!code) {
          problems.add(where(row.line, col->name) + ": " + err);
          continue;
        }
        cell = *code;
      }
      auto v = instrument::parse_value(item, cell, &err);
      if (!v) {
        problems.add(where(row.line, col->name) + ": " + err);
        continue;
      }
      if (!v->empty()) r.answers[col->item] = *v;
    }
    for (const auto& item : multi_present) r.answers[item] = Value::codes_of(multi[item]);
    // Items the file has no column for keep their stored value, and its flag.
    const instrument::Answers* stored_answers = nullptr;
    const std::set<std::string>* stored_kept = nullptr;
    if (stored) {
      if (auto s = stored->answers.find(r.org_code); s != stored->answers.end()) stored_answers = &s->second;
      if (auto s = stored->outside_routing.find(r.org_code); s != stored->outside_routing.end())
        stored_kept = &s->second;
    }
    std::set<std::string> carried;
    if (stored_answers)
      for (const auto& [item, value] : *stored_answers)
        if (!covered.count(item) && r.answers.emplace(item, value).second) carried.insert(item);
    if (r.status == ResponseStatus::NotStarted && !r.answers.empty()) {
      problems.add(where(row.line, "status") + ": a not_started row cannot have answers");
      return;
    }
    // Answers today's routing does not ask: refused, dropped or kept (flagged), as the options
    // say. An answer already stored as kept stays kept when the file gives it again unchanged, so
    // that exporting and importing gives back the same. A hidden answer the file does not touch is
    // left as it is stored (the form keeps such answers too).
    const auto attrs = ctx.attributes(r.org_code);
    instrument::Visibility vis(ctx.instrument, r.answers, attrs);
    std::vector<std::string> hidden;
    for (const auto& [key, value] : r.answers)
      if (index.count(key) && !value.empty() && !vis.shown(key)) hidden.push_back(key);
    instrument::Answers asked = r.answers;
    for (const auto& key : hidden) {
      asked.erase(key);
      std::string col = item_column.count(key) ? item_column[key] : key;
      bool was_kept = stored_kept && stored_kept->count(key) && stored_answers && stored_answers->count(key) &&
                      stored_answers->at(key) == r.answers.at(key);
      if (carried.count(key) && !was_kept) continue;
      for (const auto& p : instrument::check_value(index.at(key), r.answers.at(key), true))
        problems.add(where(row.line, col) + ": " + p.message);
      if (was_kept || options.routing == Routing::Keep) {
        r.outside_routing.insert(key);
      } else if (options.routing == Routing::Drop) {
        r.answers.erase(key);
      } else {
        auto why = instrument::routing_reason(ctx.instrument, key, r.answers, attrs);
        problems.add(where(row.line, col) + ": " + not_asked_message(key, why, by_name));
      }
    }
    // The asked answers: values, and, in a submitted row, completeness.
    auto checks = instrument::check_answers(ctx.instrument, asked, attrs, instrument::CheckMode::Import);
    bool incomplete = false;
    for (const auto& p : checks) {
      if (p.code == "missing" && r.status != ResponseStatus::Submitted) continue;
      if (p.code == "missing" && options.allow_incomplete) {
        incomplete = true;
        continue;
      }
      std::string col = p.code != "missing" && item_column.count(p.item) ? item_column[p.item] : p.item;
      problems.add(where(row.line, col) + ": " + p.message);
    }
    if (!problems.empty()) return;  // once one is bad, only the problems matter
    for (const auto& key : hidden) {
      if (r.outside_routing.count(key)) ++sum.kept[key];
      else if (!r.answers.count(key)) ++sum.dropped[key];
    }
    sum.incomplete += incomplete;
    rows.push_back(std::move(r));
  };

  try {
    csv::parse_stream(text, file, on_header, on_row, progress);
  } catch (const Error& e) {
    problems.add(e.what());
  }
  if (!problems.empty()) {
    rows.clear();
    sum = ImportSummary{};
  }
  return rows;
}

ImportSummary import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                               const std::string& file, int64_t user_id, const ImportOptions& options,
                               const std::function<void(size_t, size_t)>& progress) {
  StoredResponses stored;
  store.responses().for_each_answer(
      ctx.campaign.id, [&](const std::string& org, ResponseStatus, const std::string& item, const Value& v) {
        stored.answers[org][item] = v;
      });
  stored.outside_routing = store.responses().outside_routing(ctx.campaign.id);
  ProblemList problems;
  ImportSummary summary;
  auto rows = parse_microdata(text, file, ctx, problems, progress, &stored, options, &summary);
  if (!problems.empty()) {
    std::string outcome = "nothing was imported";
    bool routing = false, incomplete = false;
    for (const auto& line : problems.shown()) {
      routing = routing || line.find("it is not asked of this organisation") != std::string::npos;
      incomplete = incomplete || line.find("must be answered") != std::string::npos;
    }
    std::vector<std::string> hints;
    if (routing && options.routing == Routing::Refuse)
      hints.push_back("answers that today's routing does not ask are kept or dropped with `--routing keep|drop`");
    if (incomplete && !options.allow_incomplete)
      hints.push_back("submitted rows with unanswered items are imported with `--allow-incomplete`");
    if (!hints.empty()) outcome += " (" + join(hints, "; ") + ")";
    throw Error::bad_input(problems.report(outcome));
  }
  store.write_transaction([&] {
    std::set<std::string> existing;
    for (const auto& x : store.responses().list(ctx.campaign.id)) existing.insert(x.org_code);
    for (const auto& r : rows) {
      // An untouched organisation stays without a response row, as before the export.
      if (r.status == ResponseStatus::NotStarted && r.answers.empty() && !existing.count(r.org_code)) continue;
      auto resp = store.responses().get_or_create(ctx.campaign.id, r.org_code);
      store.responses().replace(resp.id, r.answers, r.status, user_id, "import", "imported from " + file,
                                r.outside_routing);
      ++summary.written;
    }
  });
  return summary;
}

size_t import_microdata(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t user_id, const std::function<void(size_t, size_t)>& progress) {
  return import_microdata(store, ctx, text, file, user_id, ImportOptions{}, progress).written;
}

std::vector<std::string> summary_lines(const ImportSummary& s) {
  std::vector<std::string> out;
  for (const auto& [item, n] : s.kept)
    out.push_back(
        fmt::format("kept {} answer(s) to {} that today's routing does not ask (flagged; counted by the "
                    "statistics)",
                    n, item));
  for (const auto& [item, n] : s.dropped)
    out.push_back(fmt::format("dropped {} answer(s) to {} that today's routing does not ask", n, item));
  if (s.incomplete)
    out.push_back(fmt::format("{} submitted response(s) with unanswered items imported as submitted", s.incomplete));
  return out;
}

}  // namespace dp::collection
