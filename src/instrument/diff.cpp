// diff: what changed between two instrument versions, for the report's comparability notes.
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

#include "instrument/versions.h"

namespace dp::instrument {
namespace {

std::string quoted(const I18n& l) { return fmt::format("«{}»", l.sv); }

bool same_text(const I18n& x, const I18n& y) { return x.sv == y.sv && x.en == y.en; }

// Added, removed and relabelled entries of two id-labelled lists ("added x; removed y; relabelled z").
template <class T>
std::string list_changes(const std::vector<T>& was, const std::vector<T>& now) {
  std::vector<std::string> added, removed, relabelled;
  for (const auto& n : now) {
    auto it = std::find_if(was.begin(), was.end(), [&](const T& w) { return w.id == n.id; });
    if (it == was.end()) added.push_back(n.id);
    else if (!same_text(it->label, n.label)) relabelled.push_back(n.id);
  }
  for (const auto& w : was)
    if (std::none_of(now.begin(), now.end(), [&](const T& n) { return n.id == w.id; })) removed.push_back(w.id);
  std::vector<std::string> parts;
  if (!added.empty()) parts.push_back(fmt::format("added {}", fmt::join(added, ", ")));
  if (!removed.empty()) parts.push_back(fmt::format("removed {}", fmt::join(removed, ", ")));
  if (!relabelled.empty()) parts.push_back(fmt::format("relabelled {}", fmt::join(relabelled, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string routing(const Section& s, const Question& q) {
  std::vector<std::string> parts;
  auto add = [&](const std::string& what, const Condition& c) {
    if (!c.empty()) parts.push_back(fmt::format("{} {}", what, c.source));
  };
  add("section show_if", s.show_if);
  add("section eligible_if", s.eligible_if);
  add("show_if", q.show_if);
  add("eligible_if", q.eligible_if);
  for (const auto& r : q.rows) {
    add(r.id + " show_if", r.show_if);
    add(r.id + " eligible_if", r.eligible_if);
    if (!r.options.empty()) parts.push_back(fmt::format("{} options [{}]", r.id, fmt::join(r.options, ", ")));
  }
  return parts.empty() ? "always shown" : fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

const char* kind_name(Change::Kind k) {
  switch (k) {
    case Change::Kind::Added: return "added";
    case Change::Kind::Dropped: return "dropped";
    case Change::Kind::Reworded: return "reworded";
    case Change::Kind::HelpChanged: return "help";
    case Change::Kind::TypeChanged: return "type";
    case Change::Kind::OptionsChanged: return "options";
    case Change::Kind::RowsChanged: return "rows";
    case Change::Kind::RoutingChanged: return "routing";
  }
  return "?";
}

std::vector<Change> diff(const Instrument& a, const Instrument& b) {
  std::vector<Change> out;
  std::set<std::string> matched;
  for (const auto& sb : b.sections)
    for (const auto& qb : sb.questions) {
      std::string from = qb.id;
      if (qb.continues && (qb.continues->instrument.empty() ? b.previous : qb.continues->instrument) == a.id)
        from = qb.continues->id.substr(0, qb.continues->id.find('.'));
      const Question* qa = a.question(from);
      if (!qa) {
        out.push_back({Change::Kind::Added, qb.id, "", quoted(qb.label)});
        continue;
      }
      matched.insert(qa->id);
      std::string was = qa->id == qb.id ? "" : qa->id;
      auto add = [&](Change::Kind k, std::string detail) { out.push_back({k, qb.id, was, std::move(detail)}); };
      if (!same_text(qa->label, qb.label))
        add(Change::Kind::Reworded, fmt::format("{} → {}", quoted(qa->label), quoted(qb.label)));
      if (!same_text(qa->help, qb.help))
        add(Change::Kind::HelpChanged, fmt::format("{} → {}", quoted(qa->help), quoted(qb.help)));
      if (qa->shape() != qb.shape()) add(Change::Kind::TypeChanged, fmt::format("{} → {}", qa->shape(), qb.shape()));
      if (auto c = list_changes(qa->options, qb.options); !c.empty()) add(Change::Kind::OptionsChanged, c);
      if (auto c = list_changes(qa->rows, qb.rows); !c.empty()) add(Change::Kind::RowsChanged, c);
      auto ra = routing(*a.section_of(qa->id), *qa), rb = routing(sb, qb);
      if (ra != rb) add(Change::Kind::RoutingChanged, fmt::format("{} → {}", ra, rb));
    }
  for (const auto* qa : a.questions())
    if (!matched.count(qa->id)) out.push_back({Change::Kind::Dropped, qa->id, "", quoted(qa->label)});
  return out;
}

}  // namespace dp::instrument
