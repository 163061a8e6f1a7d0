#pragma once
// Checking answers against the instrument: the same rules for the web form, the CSV import and
// the synthetic generator. Problems carry a code (for translated UI messages) and an English text.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "instrument/value.h"
#include "instrument/visibility.h"

namespace dp::instrument {

struct AnswerProblem {
  std::string item;                         // item key
  std::string code;                         // unknown_item, not_shown, bad_value, unknown_option, exclusive, below_min,
                                            // above_max, not_integer, too_long, bad_text, missing
  std::string message;                      // English, for the command line
  std::map<std::string, std::string> args;  // values for translated messages (min, max, option...)
};

enum class CheckMode {
  Draft,   // saving a draft: values must be valid, missing answers are fine, hidden answers ignored
  Submit,  // as Draft, and every shown mandatory item must be answered
  Import,  // as Submit for values, and an answer to an item that is not shown is an error
};

constexpr size_t kMaxTextLength = 20000;

std::vector<AnswerProblem> check_answers(const Instrument& in, const Answers& answers, const OrgAttributes& org,
                                         CheckMode mode);

// The value rules of one item (options, exclusivity, range, whole numbers, text length), whatever
// its visibility: a draft may hold a value for an item that is hidden at the moment. `import`:
// historical microdata may also hold the item's import-only options.
std::vector<AnswerProblem> check_value(const Item& item, const Value& value, bool import = false);

// Items by key, for lookups.
std::map<std::string, Item> item_index(const Instrument& in);

// Parses one raw value (a form field, a CSV cell) for an item. For multi items `raw` holds the
// codes separated by '|'. Returns nullopt and sets *error on a malformed value; an empty raw
// string gives an Empty value.
std::optional<Value> parse_value(const Item& item, const std::string& raw, std::string* error);

}  // namespace dp::instrument
