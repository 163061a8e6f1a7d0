// check_lineage: every `continues` of a version against the version it names (versions.h).
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

#include "instrument/versions.h"

namespace dp::instrument {
namespace {

// The answerable shape of what a link points at or starts from: its type and its options.
struct Target {
  std::string shape;                 // "single", "matrix of yesno"
  std::vector<std::string> options;  // offered option ids (import-only ones left out)
  bool coded = false;
};

std::vector<std::string> offered(const Question& q, const Row* r) {
  std::vector<std::string> out;
  for (const auto& o : q.options) {
    if (o.import_only) continue;
    if (r && !r->options.empty() && std::find(r->options.begin(), r->options.end(), o.id) == r->options.end()) continue;
    out.push_back(o.id);
  }
  return out;
}

Target target_of(const Question& q, const Row* r) {
  Target t;
  t.shape = r ? type_name(q.cell) : q.shape();
  t.coded = q.has_codes();
  t.options = offered(q, r);
  return t;
}

// The question or row `key` ("q05", "q08.ifo") names in `in`; false when it has none.
bool find(const Instrument& in, const std::string& key, Target& t) {
  auto dot = key.find('.');
  const Question* q = in.question(key.substr(0, dot));
  if (!q) return false;
  const Row* r = nullptr;
  if (dot != std::string::npos) {
    r = q->row(key.substr(dot + 1));
    if (!r) return false;
  }
  t = target_of(*q, r);
  return true;
}

class LineageCheck {
 public:
  LineageCheck(const Instrument& in, const Instrument& prev, Diagnostics& d) : in_(in), prev_(prev), d_(d) {}

  void run() {
    for (const auto& s : in_.sections)
      for (const auto& q : s.questions) {
        if (q.continues) link(*q.continues, q.id, target_of(q, nullptr));
        for (const auto& r : q.rows)
          if (r.continues) link(*r.continues, q.id + "." + r.id, target_of(q, &r));
      }
  }

 private:
  const Instrument& in_;
  const Instrument& prev_;
  Diagnostics& d_;

  void error(Pos p, const std::string& key, const std::string& msg) {
    Diagnostic diag;
    diag.code = DiagnosticCode::InstrumentLineage;
    diag.where = Location{in_.source_file, p.line, p.column, {}};
    diag.key = key;
    diag.message = msg;
    d_.push_back(std::move(diag));
  }

  void link(const Lineage& l, const std::string& item, const Target& now) {
    const std::string& names = l.instrument.empty() ? in_.previous : l.instrument;
    if (names != prev_.id || l.id.empty()) return;
    Target was;
    if (!find(prev_, l.id, was)) {
      error(l.pos, "continues", fmt::format("{} continues '{}', which {} does not have", item, l.id, prev_.id));
      return;
    }
    bool stated_break = l.comparability == Comparability::Changed;
    if (now.shape != was.shape && !stated_break)
      error(l.pos, "continues",
            fmt::format("{} is a {} but continues '{}', a {} in {}: a changed type is not comparable (say "
                        "`comparability: changed` for a series break, or remove `continues`)",
                        item, now.shape, l.id, was.shape, prev_.id));
    std::set<std::string> now_ids(now.options.begin(), now.options.end()),
        was_ids(was.options.begin(), was.options.end());
    std::set<std::string> reached, mapped_now;
    for (const auto& m : l.options) {
      bool ok = true;
      if (!now_ids.count(m.now)) {
        error(m.pos, "options",
              fmt::format("{}: option mapping names '{}', which this item does not offer", item, m.now));
        ok = false;
      }
      if (!was_ids.count(m.was)) {
        error(
            m.pos, "options",
            fmt::format("{}: option mapping names '{}', which '{}' in {} does not offer", item, m.was, l.id, prev_.id));
        ok = false;
      }
      if (ok) reached.insert(m.was);
      mapped_now.insert(m.now);
    }
    if (!now.coded || !was.coded || stated_break) return;
    for (const auto& id : now.options)
      if (!mapped_now.count(id) && was_ids.count(id)) reached.insert(id);
    std::vector<std::string> lost;
    for (const auto& id : was.options)
      if (!reached.count(id)) lost.push_back(id);
    if (!lost.empty())
      error(l.pos, "continues",
            fmt::format("{} loses option(s) {} of '{}' in {}: map each to the option that continues it "
                        "(`options: {{new: old}}`), or say `comparability: changed` for a series break",
                        item, fmt::join(lost, ", "), l.id, prev_.id));
  }
};

}  // namespace

void check_lineage(const Instrument& in, const Instrument& previous, Diagnostics& diags) {
  LineageCheck(in, previous, diags).run();
}

}  // namespace dp::instrument
