#include "stats/dataset.h"

#include <algorithm>

#include "core/error.h"
#include "core/ui_text.h"

namespace dp::stats {

CodeColumn::CodeColumn(size_t n, size_t options) {
  if (options <= 8) {
    width_ = 1;
    w8_.assign(n, 0);
  } else if (options <= 16) {
    width_ = 2;
    w16_.assign(n, 0);
  } else if (options <= 32) {
    width_ = 4;
    w32_.assign(n, 0);
  } else if (options <= 64) {
    width_ = 8;
    w64_.assign(n, 0);
  } else {
    throw Error::bad_input("a question with more than 64 options cannot be tabulated");
  }
}

uint64_t CodeColumn::get(size_t i) const {
  switch (width_) {
    case 1: return w8_[i];
    case 2: return w16_[i];
    case 4: return w32_[i];
    default: return w64_[i];
  }
}

void CodeColumn::set(size_t i, uint64_t bits) {
  switch (width_) {
    case 1: w8_[i] = (uint8_t)bits; break;
    case 2: w16_[i] = (uint16_t)bits; break;
    case 4: w32_[i] = (uint32_t)bits; break;
    default: w64_[i] = bits; break;
  }
}

int ItemColumn::option_bit(const std::string& id) const {
  for (size_t i = 0; i < options.size(); ++i)
    if (options[i] == id) return (int)i;
  return -1;
}

int AttrColumn::code_of(const std::string& value) const {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == value) return (int)i + 1;
  return 0;
}

const ItemColumn* Dataset::item(const std::string& key) const {
  auto it = item_index_.find(key);
  return it == item_index_.end() ? nullptr : &items[it->second];
}

const AttrColumn* Dataset::attr(const std::string& name) const {
  for (const auto& a : attrs)
    if (a.name == name) return &a;
  return nullptr;
}

int Dataset::org_index(const std::string& code) const {
  auto it = org_index_.find(code);
  return it == org_index_.end() ? -1 : (int)it->second;
}

namespace {

std::string normalise_bool(const std::string& raw) {
  std::string l = to_lower_ascii(trim(raw));
  if (l == "true" || l == "1" || l == "yes" || l == "ja") return "true";
  if (l == "false" || l == "0" || l == "no" || l == "nej") return "false";
  return "";
}

// Adds a dictionary-coded column; `value_of` gives an organisation's value ("" = missing) and
// `label_of` its printable label.
template <class V, class L>
AttrColumn& add_attr(Dataset& ds, const std::vector<OrgRecord>& orgs, const std::string& name, const std::string& type,
                     V value_of, L label_of, const I18n& label = {}) {
  AttrColumn col;
  col.name = name;
  col.type = type;
  col.label = label.empty() ? I18n{name, name} : label;
  col.codes.assign(orgs.size(), 0);
  std::unordered_map<std::string, uint32_t> dict;
  for (size_t i = 0; i < orgs.size(); ++i) {
    std::string v = value_of(orgs[i]);
    if (v.empty()) continue;
    auto [it, fresh] = dict.emplace(v, (uint32_t)col.values.size() + 1);
    if (fresh) {
      col.values.push_back(v);
      col.labels.push_back(label_of(orgs[i], v));
      col.sort_keys.push_back(v);
    }
    col.codes[i] = it->second;
  }
  ds.attrs.push_back(std::move(col));
  return ds.attrs.back();
}

}  // namespace

DatasetBuilder::DatasetBuilder(const instrument::Instrument& in, const std::vector<OrgRecord>& orgs) {
  using instrument::Type;
  ds_.instrument_id = in.id;
  ds_.year = in.year;
  size_t n = orgs.size();
  ds_.responded = OrgSet(n);
  for (size_t i = 0; i < n; ++i) {
    ds_.org_codes.push_back(orgs[i].code);
    ds_.org_names.push_back(orgs[i].name);
    ds_.org_index_.emplace(orgs[i].code, i);
  }
  auto same = [](const OrgRecord&, const std::string& v) { return I18n{v, v}; };
  add_attr(
      ds_, orgs, "code", "string", [](const OrgRecord& o) { return o.code; }, same);
  add_attr(
      ds_, orgs, "kind", "string", [](const OrgRecord& o) { return o.kind; }, same);
  add_attr(
      ds_, orgs, "county_code", "string", [](const OrgRecord& o) { return o.county_code; },
      [](const OrgRecord& o, const std::string& v) {
        return I18n{v + " " + o.county_name, v + " " + o.county_name};
      },
      ui::label("breakdowns.county"));
  auto& sizes = add_attr(
      ds_, orgs, "size_group", "string", [](const OrgRecord& o) { return o.size_group; },
      [](const OrgRecord& o, const std::string& v) {
        return o.size_group_label.empty() ? I18n{v, v} : o.size_group_label;
      },
      ui::label("breakdowns.size_group"));
  for (size_t k = 0; k < sizes.values.size(); ++k)
    for (const auto& o : orgs)
      if (o.size_group == sizes.values[k]) {
        sizes.sort_keys[k] = std::to_string(1000 + o.size_group_rank);
        break;
      }
  add_attr(
      ds_, orgs, "skr_group", "string", [](const OrgRecord& o) { return o.skr_group; },
      [](const OrgRecord& o, const std::string& v) {
        return o.skr_group_name.empty() ? I18n{v, v} : I18n{v + " " + o.skr_group_name, v + " " + o.skr_group_name};
      },
      ui::label("breakdowns.skr_group"));
  {
    AttrColumn pop;
    pop.name = "population";
    pop.type = "number";
    pop.label = ui::label("breakdowns.population");
    for (const auto& o : orgs) pop.numbers.push_back(o.population.value_or(NAN));
    ds_.attrs.push_back(std::move(pop));
  }
  std::set<std::string> declared;
  for (const auto& a : in.attributes) {
    declared.insert(a.id);
    if (a.type == "number") {
      AttrColumn col;
      col.name = a.id;
      col.type = "number";
      col.label = a.label;
      for (const auto& o : orgs) {
        auto it = o.attributes.find(a.id);
        auto v = it == o.attributes.end() ? std::nullopt : parse_number(it->second);
        col.numbers.push_back(v.value_or(NAN));
      }
      ds_.attrs.push_back(std::move(col));
      continue;
    }
    bool is_bool = a.type == "bool";
    add_attr(
        ds_, orgs, a.id, is_bool ? "bool" : "string",
        [&](const OrgRecord& o) {
          auto it = o.attributes.find(a.id);
          if (it == o.attributes.end()) return std::string();
          return is_bool ? normalise_bool(it->second) : it->second;
        },
        [&](const OrgRecord&, const std::string& v) {
          if (!is_bool) return I18n{v, v};
          return ui::label(v == "true" ? "breakdowns.yes" : "breakdowns.no");
        },
        a.label);
    // Yes before no.
    if (is_bool)
      for (size_t k = 0; k < ds_.attrs.back().values.size(); ++k)
        ds_.attrs.back().sort_keys[k] = ds_.attrs.back().values[k] == "true" ? "0" : "1";
  }
  // Undeclared registry attributes are still a breakdown ("any registry attribute").
  std::set<std::string> extra;
  for (const auto& o : orgs)
    for (const auto& [k, v] : o.attributes)
      if (!declared.count(k)) extra.insert(k);
  for (const auto& k : extra)
    add_attr(
        ds_, orgs, k, "string",
        [&](const OrgRecord& o) {
          auto it = o.attributes.find(k);
          return it == o.attributes.end() ? std::string() : it->second;
        },
        same);

  for (const auto& item : instrument::items(in)) {
    ds_.instrument_items.insert(item.key);
    if (item.specify || item.is_comment) continue;
    ItemColumn col;
    col.key = item.key;
    if (item.type == Type::Number || item.type == Type::Percent) {
      col.kind = ItemColumn::Kind::Number;
      col.numbers.assign(n, NAN);
    } else if (item.type == Type::Text) {
      continue;  // free text is listed, not tabulated
    } else {
      col.kind = ItemColumn::Kind::Codes;
      col.multi = item.type == Type::Multi;
      // Bits follow the question's option order so that a row's subset keeps the same bits.
      for (const auto& o : item.question->options) {
        col.options.push_back(o.id);
        col.exclusive_option = col.exclusive_option || (col.multi && o.exclusive);
      }
      col.codes = CodeColumn(n, col.options.size());
      if (col.multi) col.none_chosen = OrgSet(n);
    }
    ds_.item_index_.emplace(col.key, ds_.items.size());
    ds_.items.push_back(std::move(col));
  }
}

int DatasetBuilder::item_index(const std::string& key) const {
  auto it = ds_.item_index_.find(key);
  return it == ds_.item_index_.end() ? -1 : (int)it->second;
}

void DatasetBuilder::add_answer(size_t org, const std::string& item, const instrument::Value& v) {
  using K = instrument::Value::Kind;
  if (v.empty()) return;
  auto it = ds_.item_index_.find(item);
  if (it == ds_.item_index_.end()) {
    if (v.kind == K::Text) ds_.texts.push_back({(uint32_t)org, item, v.str});
    return;
  }
  ItemColumn& col = ds_.items[it->second];
  if (col.kind == ItemColumn::Kind::Number) {
    if (v.kind == K::Number) col.numbers[org] = v.number;
    return;
  }
  uint64_t bits = 0;
  auto add = [&](const std::string& code) {
    int b = col.option_bit(code);
    if (b >= 0) bits |= 1ull << b;
  };
  if (v.kind == K::Code) add(v.str);
  else if (v.kind == K::Codes)
    for (const auto& c : v.codes) add(c);
  col.codes.set(org, bits);
  if (v.kind == K::Codes && v.codes.empty() && col.multi) col.none_chosen.set(org);
}

}  // namespace dp::stats
