#include "publish/municipality_answers.h"

#include <algorithm>

#include "core/resources.h"
#include "figures/compute_run.h"
#include "instrument/load.h"
#include "stats/suppression.h"
#include "storage/instrument_store.h"
#include "storage/response_store.h"
#include "storage/stats_store.h"

namespace dp::publish {

std::optional<int64_t> public_answers_run(storage::Store& store, const storage::Campaign& c, const std::string& as_of) {
  auto run = store.stats().published_run(c.id, as_of);
  if (!run) return std::nullopt;
  static const stats::ProfileSet profiles =
      stats::parse_profiles(resources::require("instruments/disclosure.yaml"), "instruments/disclosure.yaml");
  const auto* p = profiles.find(run->profile);
  if (!p || !figures::publishes_organisation_answers(*p)) return std::nullopt;
  return run->id;
}

static std::string answer_text(const instrument::Item& item, const instrument::Value& v, Lang lang) {
  using K = instrument::Value::Kind;
  auto label_of = [&](const std::string& code) {
    for (const auto& opts : {item.options, item.import_options})  // an imported «annat svar» has a label too
      for (const auto* o : opts)
        if (o->id == code) return o->label.get(lang);
    return code;
  };
  switch (v.kind) {
    case K::Code: return label_of(v.str);
    case K::Codes: {
      std::vector<std::string> parts;
      for (const auto& c : v.codes) parts.push_back(label_of(c));
      return join(parts, "; ");
    }
    case K::Number: {
      double n = v.number;
      int dec = n == (long long)n ? 0 : 1;
      std::string s = format_number(n, dec, lang);
      std::string unit = item.question ? item.question->unit.get(lang) : "";
      return unit.empty() ? s : s + " " + unit;
    }
    default: return "";
  }
}

std::vector<AnswerSet> published_answers(Site& site, const registry::Organisation& org, Lang lang) {
  std::vector<AnswerSet> out;
  auto& store = site.store();
  const std::string now = site.data().now();
  for (const auto& c : store.campaigns().list()) {
    auto run_id = public_answers_run(store, c, now);
    if (!run_id) continue;
    auto src = store.instruments().source(c.instrument_id);
    if (!src) continue;
    auto loaded = instrument::load(*src, c.instrument_id);
    if (!loaded.instrument) continue;
    auto answers = store.responses().revision_answers(*run_id, org.code);
    if (answers.empty()) continue;
    AnswerSet set;
    set.title = c.title.get(lang) + " (" + std::to_string(c.year) + ")";
    set.year = c.year;
    for (const auto& item : instrument::items(*loaded.instrument)) {
      if (item.type == instrument::Type::Text || item.is_comment || item.specify) continue;
      auto it = answers.find(item.key);
      if (it == answers.end() || it->second.empty()) continue;
      std::string q = item.question->label.get(lang);
      if (item.row) q += " – " + item.row->label.get(lang);
      std::string a = answer_text(item, it->second, lang);
      if (!a.empty()) set.rows.emplace_back(q, a);
    }
    if (!set.rows.empty()) out.push_back(std::move(set));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.year > b.year; });
  return out;
}

}  // namespace dp::publish
