#pragma once
// One campaign's answers held column-wise in memory: a column per item, one small integer per
// organisation. A coded item stores the set of chosen options as a bit mask (bit k = the k-th
// option of the question), in the narrowest integer that holds its options (1, 2, 4 or 8 bytes):
// a single choice has one bit, a multiple choice any number, an unanswered item none. Numbers are
// doubles with NaN for "no answer". Organisation attributes are dictionary-coded columns.
// Only shown answers are held: the loader applies the instrument's visibility first.
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "instrument/model.h"
#include "instrument/value.h"
#include "stats/orgset.h"

namespace dp::stats {

// The nominal codes of one coded item, one per organisation.
class CodeColumn {
 public:
  CodeColumn() = default;
  CodeColumn(size_t n, size_t options);
  int width() const { return width_; }
  uint64_t get(size_t i) const;
  void set(size_t i, uint64_t bits);
  // Calls f with the column's vector (std::vector<uint8_t>, <uint16_t>, <uint32_t> or <uint64_t>),
  // so that loops over it are compiled for its width.
  template <class F>
  void visit(F&& f) const {
    switch (width_) {
      case 1: f(w8_); break;
      case 2: f(w16_); break;
      case 4: f(w32_); break;
      default: f(w64_); break;
    }
  }

 private:
  int width_ = 1;
  std::vector<uint8_t> w8_;
  std::vector<uint16_t> w16_;
  std::vector<uint32_t> w32_;
  std::vector<uint64_t> w64_;
};

struct ItemColumn {
  enum class Kind { Codes, Number, Text };
  std::string key;  // "q01.ifo"
  Kind kind = Kind::Codes;
  bool multi = false;  // a multiple choice (several bits may be set)
  // A multiple choice with an option that excludes the others («Inget samarbete»): its options
  // are not independent of each other (the disclosure audit links them).
  bool exclusive_option = false;
  std::vector<std::string> options;  // bit order
  CodeColumn codes;
  // Multiple choices answered with no option ticked: an answer («none of these»), as the
  // instrument's evaluator and answer check have it, though no bit is set.
  OrgSet none_chosen;
  std::vector<double> numbers;  // NaN = no answer

  int option_bit(const std::string& id) const;  // -1 when unknown
};

// An organisation's registry facts for one campaign (attributes already merged with the
// campaign's overrides), as the loader or the generator hands them in.
struct OrgRecord {
  std::string code;
  std::string name;
  std::string kind = "municipality";
  std::string county_code;
  std::string county_name;
  std::string size_group;
  I18n size_group_label;
  int size_group_rank = 0;  // position of the group in the size-group scheme (report order)
  std::string skr_group;
  std::string skr_group_name;
  std::optional<double> population;
  std::map<std::string, std::string> attributes;  // declared attributes, normalised text ("true", "false", "12")
};

// A dictionary-coded organisation attribute (county_code, size_group, declared attributes...).
struct AttrColumn {
  std::string name;
  std::string type = "string";                  // string | bool | number
  std::vector<std::string> values;              // dictionary; index + 1 is the code
  std::vector<I18n> labels;                     // printable label per dictionary value
  std::vector<std::string> sort_keys;           // order of the values in tables (default: the value)
  I18n label;                                   // what the attribute is, for breakdown headings
  std::vector<uint32_t> codes;                  // 0 = missing
  std::vector<double> numbers;                  // number attributes, NaN = missing
  int code_of(const std::string& value) const;  // 0 when absent
};

struct TextAnswer {
  uint32_t org;
  std::string item;
  std::string text;
};

class Dataset {
 public:
  std::string instrument_id;
  int year = 0;
  std::vector<std::string> org_codes;
  std::vector<std::string> org_names;
  OrgSet responded;
  std::vector<AttrColumn> attrs;
  std::vector<ItemColumn> items;
  std::vector<TextAnswer> texts;
  std::set<std::string> instrument_items;  // every item key of the instrument version (asked or not)

  size_t size() const { return org_codes.size(); }
  const ItemColumn* item(const std::string& key) const;
  const AttrColumn* attr(const std::string& name) const;
  int org_index(const std::string& code) const;  // -1 when absent

  std::unordered_map<std::string, size_t> item_index_;
  std::unordered_map<std::string, size_t> org_index_;
};

// Builds a Dataset. Slow-path add_answer parses instrument::Value; the generator and the
// benchmark use add_bits / add_number with column indices directly.
class DatasetBuilder {
 public:
  // Declared attributes are typed as the instrument declares them (bool, string, number).
  DatasetBuilder(const instrument::Instrument& in, const std::vector<OrgRecord>& orgs);

  int item_index(const std::string& key) const;  // -1 when the instrument has no such coded/number item
  const ItemColumn& column(size_t i) const { return ds_.items[i]; }

  void set_responded(size_t org) { ds_.responded.set(org); }
  // Stores one answer; answers to unknown items and unknown option codes are ignored (the loader
  // has checked them against the instrument). Text answers go to the free-text list.
  void add_answer(size_t org, const std::string& item, const instrument::Value& v);
  void add_bits(size_t org, size_t item, uint64_t bits) { ds_.items[item].codes.set(org, bits); }
  void add_number(size_t org, size_t item, double v) { ds_.items[item].numbers[org] = v; }
  void add_text(size_t org, const std::string& item, std::string text) {
    ds_.texts.push_back({(uint32_t)org, item, std::move(text)});
  }
  // The dataset as built so far (the generator evaluates conditions on it).
  const Dataset& view() const { return ds_; }

  Dataset finish() { return std::move(ds_); }

 private:
  Dataset ds_;
};

}  // namespace dp::stats
