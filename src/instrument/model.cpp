#include "instrument/model.h"

#include <algorithm>

namespace dp::instrument {

const char* type_name(Type t) {
  switch (t) {
    case Type::YesNo: return "yesno";
    case Type::Single: return "single";
    case Type::Multi: return "multi";
    case Type::Number: return "number";
    case Type::Percent: return "percent";
    case Type::Text: return "text";
    case Type::Matrix: return "matrix";
  }
  return "?";
}

const char* comparability_name(Comparability c) {
  switch (c) {
    case Comparability::Same: return "same";
    case Comparability::Reworded: return "reworded";
    case Comparability::Changed: return "changed";
  }
  return "?";
}

std::string Question::shape() const {
  return is_matrix() ? std::string("matrix of ") + type_name(cell) : std::string(type_name(type));
}

const Option* Question::option(const std::string& oid) const {
  for (const auto& o : options)
    if (o.id == oid) return &o;
  return nullptr;
}

const Row* Question::row(const std::string& rid) const {
  for (const auto& r : rows)
    if (r.id == rid) return &r;
  return nullptr;
}

const Question* Instrument::question(const std::string& qid) const {
  for (const auto& s : sections)
    for (const auto& q : s.questions)
      if (q.id == qid) return &q;
  return nullptr;
}

const Section* Instrument::section_of(const std::string& qid) const {
  for (const auto& s : sections)
    for (const auto& q : s.questions)
      if (q.id == qid) return &s;
  return nullptr;
}

std::vector<const Question*> Instrument::questions() const {
  std::vector<const Question*> out;
  for (const auto& s : sections)
    for (const auto& q : s.questions) out.push_back(&q);
  return out;
}

std::string item_key(const Question& q, const Row* row) { return row ? q.id + "." + row->id : q.id; }
std::string specify_key(const std::string& item, const std::string& option) { return item + ":" + option; }
std::string comment_key(const Question& q) { return q.id + ":comment"; }

static void add_item_with_annexes(std::vector<Item>& out, const Question& q, const Row* row) {
  Item it;
  it.key = item_key(q, row);
  it.question = &q;
  it.row = row;
  it.type = q.cell;
  for (const auto& o : q.options) {
    if (row && !row->options.empty() && std::find(row->options.begin(), row->options.end(), o.id) == row->options.end())
      continue;
    (o.import_only ? it.import_options : it.options).push_back(&o);
  }
  out.push_back(it);
  for (const Option* o : it.options) {
    if (!o->specify) continue;
    Item sp;
    sp.key = specify_key(it.key, o->id);
    sp.question = &q;
    sp.row = row;
    sp.specify = o;
    sp.type = Type::Text;
    out.push_back(sp);
  }
}

std::vector<Item> items(const Instrument& in) {
  std::vector<Item> out;
  for (const auto& s : in.sections)
    for (const auto& q : s.questions) {
      if (q.is_matrix()) {
        for (const auto& r : q.rows) add_item_with_annexes(out, q, &r);
      } else {
        add_item_with_annexes(out, q, nullptr);
      }
      if (q.comment) {
        Item c;
        c.key = comment_key(q);
        c.question = &q;
        c.is_comment = true;
        c.type = Type::Text;
        out.push_back(c);
      }
    }
  return out;
}

}  // namespace dp::instrument
