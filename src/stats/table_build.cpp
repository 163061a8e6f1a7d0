#include "stats/table_build.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <regex>

#include "stats/rounding.h"

namespace dp::stats {

std::string expand_years(const std::string& text, int year) {
  static const std::regex re(R"(\{year([+-]\d+)?\})");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), re);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += text.substr(last, (size_t)it->position() - last);
    int offset = (*it)[1].matched ? std::stoi((*it)[1].str()) : 0;
    out += std::to_string(year + offset);
    last = (size_t)(it->position() + it->length());
  }
  return out + text.substr(last);
}

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

I18n map_label(const I18n& l, const std::function<std::string(const std::string&)>& f) {
  return I18n{f(l.sv), f(l.en)};
}

// Partial coordinates carried by a slot.
struct Coords {
  std::optional<std::string> keyfigure, breakdown, group, stat;
  std::optional<int> year;
  std::optional<int> decimals;
  void merge(const Coords& o) {
    if (o.keyfigure) keyfigure = o.keyfigure;
    if (o.breakdown) breakdown = o.breakdown;
    if (o.group) group = o.group;
    if (o.stat) stat = o.stat;
    if (o.year) year = o.year;
    if (o.decimals) decimals = o.decimals;
  }
};

struct Slot {
  Coords coords;
  std::string fragment;  // cell id fragment
  I18n label;
  I18n group_label;
  bool heading = false;
  int depth = 0;
  std::string key;
  std::vector<std::string> sum_of;
  bool sum_all = false;
  std::vector<std::string> share_of;
  bool share_all = false;
  bool derived() const { return sum_all || share_all || !sum_of.empty() || !share_of.empty(); }
};

class Builder {
 public:
  Builder(const TableSpec& spec, const BuildContext& ctx) : spec_(spec), ctx_(ctx) {}

  BuiltTable run() {
    BuiltTable t;
    t.id = spec_.id;
    t.part = spec_.part;
    t.number = spec_.number;
    t.source = spec_.source;
    t.row_heading = spec_.row_heading;
    t.symbols = spec_.symbols;
    // The table-level key figure is a default (applied in figure()), not a coordinate of every
    // slot: a column inheriting it would override the key figure a row sets.
    Slot root;
    std::vector<Slot> panels = spec_.panels.empty() ? std::vector<Slot>{root} : expand(spec_.panels, root, false);
    std::vector<Slot> cols = expand(spec_.columns, root, true);
    for (const auto& c : cols) t.columns.push_back({years(c.label), years(c.group_label)});
    std::optional<int64_t> table_n;
    for (const auto& p : panels) {
      BuiltPanel bp;
      std::vector<Slot> rows = expand(spec_.rows, p, false);
      std::optional<int64_t> panel_n;
      std::vector<std::optional<int64_t>> col_n(cols.size());
      for (const auto& r : rows) {
        BuiltRow br;
        br.heading = r.heading;
        br.depth = r.depth;
        std::optional<int64_t> row_n;
        if (!r.heading) {
          for (size_t ci = 0; ci < cols.size(); ++ci) {
            BuiltCell cell = value(p, rows, r, cols, cols[ci]);
            if (cell.n && cell.kind == "value") {
              if (!row_n) row_n = cell.n;
              if (!col_n[ci]) col_n[ci] = cell.n;
              if (!panel_n) panel_n = cell.n;
            }
            if (cell.marker != Marker::None) t.markers.insert(cell.marker);
            br.cells.push_back(std::move(cell));
          }
        }
        br.label = years(with_n(r.label, row_n));
        bp.rows.push_back(std::move(br));
      }
      // Column headings are shared by all panels: their {n} comes from the first.
      if (&p == &panels.front())
        for (size_t ci = 0; ci < cols.size(); ++ci) t.columns[ci].label = with_n(t.columns[ci].label, col_n[ci]);
      bp.label = years(with_n(p.label, panel_n));
      if (!table_n) table_n = panel_n;
      t.panels.push_back(std::move(bp));
    }
    t.title = years(with_n(spec_.title, table_n));
    for (const auto& n : spec_.notes) t.notes.push_back(years(with_n(n, table_n)));
    t.problems = problems_;
    t.sources = sources_;
    return t;
  }

 private:
  const TableSpec& spec_;
  const BuildContext& ctx_;
  std::vector<std::string> problems_;
  std::vector<std::string> sources_;

  I18n years(const I18n& l) const {
    return map_label(l, [&](const std::string& s) { return expand_years(s, ctx_.year); });
  }

  static I18n with_n(const I18n& l, std::optional<int64_t> n) {
    return map_label(
        l, [&](const std::string& s) { return replace_all(s, "{n}", n ? fmt::format("{}", *n) : std::string("..")); });
  }

  const KeyFigure* keyfigure(const std::optional<std::string>& id) {
    if (!id || id->empty()) return nullptr;
    const KeyFigure* kf = ctx_.keyfigures ? ctx_.keyfigures->find(*id) : nullptr;
    if (!kf) problem(fmt::format("{}: unknown key figure '{}'", spec_.id, *id));
    return kf;
  }

  void problem(const std::string& p) {
    if (std::find(problems_.begin(), problems_.end(), p) == problems_.end()) problems_.push_back(p);
  }

  Slot base_of(const AxisEntry& e, const Slot& parent, int depth) {
    Slot s;
    s.coords = parent.coords;
    if (e.keyfigure) s.coords.keyfigure = e.keyfigure;
    if (e.breakdown) s.coords.breakdown = e.breakdown;
    if (e.group) {
      s.coords.group = e.group;
      if (!e.breakdown && !s.coords.breakdown) s.coords.breakdown = "national";
    }
    if (e.stat) s.coords.stat = e.stat;
    if (e.year) s.coords.year = e.year;
    if (e.decimals) s.coords.decimals = e.decimals;
    s.fragment = parent.fragment;
    if (e.cell) s.fragment = join_fragment(parent.fragment, *e.cell);
    s.depth = depth;
    s.key = e.key;
    s.sum_of = e.sum_of;
    s.sum_all = e.sum_all;
    s.share_of = e.share_of;
    s.share_all = e.share_all;
    s.heading = e.heading;
    return s;
  }

  static std::string join_fragment(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + "." + b;
  }

  static I18n label_for(const AxisEntry& e, const I18n& expanded) {
    if (e.label.empty()) return expanded;
    return I18n{replace_all(e.label.sv, "{label}", expanded.sv),
                replace_all(e.label.get(Lang::en), "{label}", expanded.get(Lang::en))};
  }

  // The slots of an axis. Columns keep nested entries as column groups; rows turn the outer slot
  // into a heading row followed by its inner rows.
  std::vector<Slot> expand(const std::vector<AxisEntry>& entries, const Slot& parent, bool columns, int depth = 0) {
    std::vector<Slot> out;
    for (const auto& e : entries) {
      std::vector<Slot> here;
      Slot b = base_of(e, parent, depth);
      if (e.cells_part != 0) {
        const KeyFigure* kf =
            keyfigure(b.coords.keyfigure ? b.coords.keyfigure : std::optional<std::string>(spec_.keyfigure));
        if (!kf) continue;
        std::vector<std::pair<std::string, I18n>> parts;
        for (const auto& c : kf->cells) {
          std::string id = c.id;
          std::string frag;
          I18n label;
          if (e.cells_part < 0) {
            frag = id;
            label = c.label;
          } else {
            size_t level = (size_t)e.cells_part;
            if (c.parts.size() < level) continue;
            frag = c.parts[level - 1].id;
            label = c.parts[level - 1].label;
          }
          if (!e.only.empty() && std::find(e.only.begin(), e.only.end(), frag) == e.only.end()) continue;
          if (std::find(e.except.begin(), e.except.end(), frag) != e.except.end()) continue;
          bool seen = false;
          for (const auto& p : parts) seen = seen || p.first == frag;
          if (!seen) parts.emplace_back(frag, label);
        }
        if (!e.only.empty()) {
          std::vector<std::pair<std::string, I18n>> ordered;
          for (const auto& o : e.only) {
            bool found = false;
            for (const auto& p : parts)
              if (p.first == o) {
                ordered.push_back(p);
                found = true;
              }
            if (!found) problem(fmt::format("{}: {} has no cell part '{}'", spec_.id, kf->id, o));
          }
          parts = ordered;
        }
        for (const auto& [frag, label] : parts) {
          Slot s = b;
          s.fragment = join_fragment(b.fragment, frag);
          s.label = label_for(e, label);
          if (s.key.empty()) s.key = frag;
          here.push_back(s);
        }
      } else if (!e.groups.empty()) {
        auto groups = ctx_.groups ? ctx_.groups(e.groups) : std::vector<Group>{};
        for (const auto& g : groups) {
          if (!e.only.empty() && std::find(e.only.begin(), e.only.end(), g.code) == e.only.end()) continue;
          if (std::find(e.except.begin(), e.except.end(), g.code) != e.except.end()) continue;
          Slot s = b;
          s.coords.breakdown = e.groups;
          s.coords.group = g.code;
          s.label = label_for(e, g.label);
          if (s.key.empty()) s.key = g.code;
          here.push_back(s);
        }
      } else if (!e.years.empty()) {
        for (int y : e.years) {
          Slot s = b;
          s.coords.year = y;
          int abs = y <= 0 ? ctx_.year + y : y;
          s.label = label_for(e, I18n{std::to_string(abs), std::to_string(abs)});
          if (s.key.empty()) s.key = std::to_string(abs);
          here.push_back(s);
        }
      } else {
        Slot s = b;
        s.label = e.label;
        if (s.key.empty()) s.key = e.cell.value_or("");
        here.push_back(s);
      }
      for (auto& s : here) {
        if (e.within.empty()) {
          out.push_back(s);
          continue;
        }
        if (columns) {
          for (auto inner : expand(e.within, s, true, depth + 1)) {
            if (inner.group_label.empty()) inner.group_label = s.label;
            out.push_back(inner);
          }
        } else {
          Slot head = s;
          head.heading = true;
          out.push_back(head);
          for (auto& inner : expand(e.within, s, false, depth + 1)) out.push_back(inner);
        }
      }
    }
    return out;
  }

  int absolute_year(const Coords& c) const {
    int y = c.year.value_or(spec_.year);
    return y <= 0 ? ctx_.year + y : y;
  }

  std::string cell_id(const Slot& panel, const Slot& row, const Slot& col) const {
    // Fragments a row or column inherited from the panel belong to the panel's place only.
    auto own = [](const Slot& s, const Slot& parent) {
      if (!parent.fragment.empty() && s.fragment.rfind(parent.fragment, 0) == 0)
        return s.fragment.size() == parent.fragment.size() ? std::string()
                                                           : s.fragment.substr(parent.fragment.size() + 1);
      return s.fragment;
    };
    std::string r = own(row, panel), c = own(col, Slot{});
    std::string out;
    for (const auto& piece : split(spec_.cell_id, '.')) {
      std::string v =
          replace_all(replace_all(replace_all(piece, "{panel}", panel.fragment), "{row}", r), "{column}", c);
      if (!v.empty()) out += (out.empty() ? "" : ".") + v;
    }
    return out;
  }

  BuiltCell figure(const Coords& c, const std::string& cell) {
    BuiltCell out;
    std::string kf_id = c.keyfigure.value_or(spec_.keyfigure);
    std::string breakdown = c.breakdown.value_or(spec_.breakdown);
    std::string group = c.group.value_or(spec_.group);
    std::string stat = c.stat.value_or(spec_.stat);
    int year = absolute_year(c);
    out.kind = stat;
    out.coordinates = fmt::format("{}:{} {}/{} {} {}", kf_id, cell, breakdown, group, year, stat);
    const KeyFigure* kf = keyfigure(kf_id);
    if (!kf) {
      out.marker = Marker::NotAvailable;
      return out;
    }
    const Cell* decl = kf->cell(cell);
    if (!decl) {
      problem(fmt::format("{}: {} has no cell '{}'", spec_.id, kf_id, cell));
      out.marker = Marker::NotAvailable;
      return out;
    }
    Figure v;
    v.marker = Marker::NotAvailable;
    if (ctx_.lookup) v = ctx_.lookup(kf_id, cell, breakdown, group, year);
    if (!v.source.empty() && std::find(sources_.begin(), sources_.end(), v.source) == sources_.end())
      sources_.push_back(v.source);
    out.n = v.n;
    int decimals = c.decimals.value_or(spec_.decimals.value_or(v.decimals));
    out.decimals = decimals;
    // n is withheld with a withheld figure (docs/statistics.md, "Bases"): a base that reads answers
    // is itself a count of answers, and would tell what the figure withholds.
    if (stat == "n") {
      out.decimals = 0;
      if (v.marker == Marker::NotAsked || v.marker == Marker::NotApplicable || v.marker == Marker::Suppressed)
        out.marker = v.marker;
      else if (v.n) out.value = (double)*v.n;
      else out.marker = Marker::NotAvailable;
      return out;
    }
    if (hides_value(v.marker)) {
      out.marker = v.marker;
      return out;
    }
    out.count = v.count;
    if (stat == "count") {
      out.decimals = 0;
      if (v.count) {
        out.value = (double)*v.count;
        if (*v.count == 0) out.marker = Marker::Nil;
      } else {
        out.marker = Marker::NotAvailable;
      }
      return out;
    }
    if (!v.value) {
      out.marker = v.marker == Marker::None ? Marker::NotAvailable : v.marker;
      return out;
    }
    bool share = decl->stat == Stat::Share || decl->stat == Stat::PooledShare;
    if (share && v.count && v.n && *v.n > 0) out.value = round_share(*v.count, *v.n, decimals);
    else out.value = round_half_up(*v.value, decimals);
    out.marker = v.marker;
    if (out.marker == Marker::None && *out.value == 0 && *v.value != 0) out.marker = Marker::RoundsToZero;
    return out;
  }

  BuiltCell value(const Slot& panel, const std::vector<Slot>& rows, const Slot& row, const std::vector<Slot>& cols,
                  const Slot& col) {
    // A sum of rounded siblings (the report's «2021, totalt» and «Totalt %»).
    auto sum_over = [&](const std::vector<const Slot*>& parts, bool over_columns) {
      BuiltCell s;
      s.kind = "value";
      s.coordinates = "sum";
      double total = 0;
      bool all_nil = true;
      for (const Slot* p : parts) {
        BuiltCell c = over_columns ? value(panel, rows, row, cols, *p) : value(panel, rows, *p, cols, col);
        if (hides_value(c.marker)) {
          s.marker = c.marker;
          s.value.reset();
          return s;
        }
        s.decimals = std::max(s.decimals, c.decimals);
        if (c.value) total += *c.value;
        if (c.marker != Marker::Nil) all_nil = false;
        if (!s.n) s.n = c.n;
      }
      s.value = total;
      if (all_nil && !parts.empty()) s.marker = Marker::Nil;
      return s;
    };
    // The share of the base in any of the sibling categories, from their counts (the report's
    // «Totalt %»): round(100 · Σ count / n), so an answer outside the printed categories shows
    // as a total below 100, and rounding the parts does not move the total.
    auto share_over = [&](const std::vector<const Slot*>& parts, bool over_columns) {
      BuiltCell s;
      s.kind = "value";
      s.coordinates = "share";
      int64_t total = 0;
      bool all_nil = true;
      for (const Slot* p : parts) {
        BuiltCell c = over_columns ? value(panel, rows, row, cols, *p) : value(panel, rows, *p, cols, col);
        if (hides_value(c.marker) || c.marker == Marker::NotApplicable) {
          if (c.marker == Marker::NotApplicable) continue;
          s.marker = c.marker;
          s.value.reset();
          return s;
        }
        s.decimals = std::max(s.decimals, c.decimals);
        if (!c.count || !c.n) {
          s.marker = Marker::NotAvailable;
          s.value.reset();
          return s;
        }
        if (s.n && *s.n != *c.n)
          problem(fmt::format("{}: share_of adds categories of different bases ({} and {})", spec_.id, *s.n, *c.n));
        s.n = c.n;
        total += *c.count;
        if (*c.count != 0) all_nil = false;
      }
      if (!s.n || *s.n == 0) {
        s.marker = Marker::NotAvailable;
        return s;
      }
      s.count = total;
      s.value = round_share(total, *s.n, s.decimals);
      if (all_nil) s.marker = Marker::Nil;
      else if (*s.value == 0) s.marker = Marker::RoundsToZero;
      return s;
    };
    auto siblings = [&](const std::vector<Slot>& axis, const Slot& self) {
      bool all = self.sum_all || self.share_all;
      const auto& named = self.sum_of.empty() ? self.share_of : self.sum_of;
      std::vector<const Slot*> parts;
      for (const auto& s : axis) {
        if (&s == &self || s.heading || s.depth != self.depth) continue;
        if (all) {
          if (!s.derived() && s.coords.stat.value_or(spec_.stat) == "value") parts.push_back(&s);
        } else if (std::find(named.begin(), named.end(), s.key) != named.end()) {
          parts.push_back(&s);
        }
      }
      if (!all && parts.size() != named.size())
        problem(
            fmt::format("{}: sum_of/share_of names a slot that is not a sibling ({})", spec_.id, join(named, ", ")));
      return parts;
    };
    if (col.share_all || !col.share_of.empty()) return share_over(siblings(cols, col), true);
    if (row.share_all || !row.share_of.empty()) return share_over(siblings(rows, row), false);
    if (!col.sum_of.empty() || col.sum_all) return sum_over(siblings(cols, col), true);
    if (!row.sum_of.empty() || row.sum_all) return sum_over(siblings(rows, row), false);
    Coords c = panel.coords;
    c.merge(row.coords);
    c.merge(col.coords);
    return figure(c, cell_id(panel, row, col));
  }
};

}  // namespace

BuiltTable build_table(const TableSpec& spec, const BuildContext& ctx) { return Builder(spec, ctx).run(); }

}  // namespace dp::stats
