#pragma once
// The instrument (questionnaire) model: what a YAML file in instruments/ becomes after parsing.
// The file format is documented in docs/instrument-format.md; this header follows it key by key.
// Everything here is plain data: no I/O, no storage.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "instrument/condition.h"

namespace dp::instrument {

enum class Kind { Survey, Maturity };

// Question types. A matrix asks the same cell type for each of its rows.
enum class Type { YesNo, Single, Multi, Number, Percent, Text, Matrix };
const char* type_name(Type t);

// 'Vet ej' / 'Ej relevant' style options are marked so that statistics can treat them as
// answers (they stay in the denominator, as the 2021 report does) while knowing what they are.
enum class Missing { None, DontKnow, NotRelevant };

enum class Comparability { Same, Reworded, Changed };
inline constexpr Comparability kComparabilities[] = {Comparability::Same, Comparability::Reworded,
                                                     Comparability::Changed};
const char* comparability_name(Comparability c);  // as files spell it: same, reworded, changed

struct Option {
  std::string id;
  I18n label;
  bool exclusive = false;  // in a multi: cannot be combined with other options ('Inget samarbete')
  bool specify = false;    // has an "ange vad" text field; its item key is "<item>:<option id>"
  Missing missing = Missing::None;
  std::optional<double> score;  // maturity scale: points of this rating (0-100); none = not scored
  Pos pos;
  // An answer historical microdata hold outside the printed categories («annat svar»): accepted
  // by an import only, never offered on the form, counted in the base of the item's key figures
  // and in none of their expanded categories.
  bool import_only = false;
};

// Lineage: which item of the previous instrument version this one continues, and whether the
// two can be put in one time series.
struct Lineage {
  std::string instrument;  // previous instrument version id; empty = the instrument's `previous`
  std::string id;          // question (or "question.row") id there
  Comparability comparability = Comparability::Same;
  I18n note;
  // Where options went (`options: {new: old}`): this version's option `now` continues the previous
  // version's `was`. An option not named here continues the previous option with the same id.
  struct OptionLink {
    std::string now, was;
    Pos pos;
  };
  std::vector<OptionLink> options;
  Pos pos;
};

struct Row {
  std::string id;
  I18n label;
  I18n help;
  Condition show_if;
  Condition eligible_if;
  std::vector<std::string> options;  // subset of the question's option ids offered in this row; empty = all
  std::optional<Lineage> continues;
  // `prefill: false` on the row: its answer means something else each year (an amount of one
  // funding year), so last year's answer is never offered. Unset = the question's `prefill`.
  std::optional<bool> prefill;
  Pos pos;
};

// A register value (e.g. a key-figure share in percent) at or above `min` maps to the scale option
// `rating`; bands are tried from the highest min down (docs/instrument-format.md, "Maturity").
struct RegisterBand {
  double min = 0;
  std::string rating;
  Pos pos;
};

// Extra keys of an indicator in a maturity instrument (docs/instrument-format.md, "Maturity").
struct MaturityMeta {
  double weight = 1;
  std::string target_group;                  // id from the instrument's dimensions.target_groups ("" = all)
  std::string perspective;                   // id from dimensions.perspectives
  std::string area;                          // id from dimensions.areas
  std::string indicator = "introduced";      // "introduced" | "used" | "effect"
  std::string register_keyfigure;            // key figure id whose value can prefill this indicator
  std::vector<RegisterBand> register_bands;  // how a register value becomes a rating
  std::vector<I18n> measures;                // suggested measures for the action plan
};

struct Question {
  std::string id;
  Type type = Type::Single;
  Type cell = Type::Single;  // for a matrix: the type asked per row; otherwise equals `type`
  I18n label;
  I18n help;
  bool mandatory = true;
  std::vector<Option> options;  // yes/no questions get "ja"/"nej" unless options are given
  std::vector<Row> rows;        // matrix only
  I18n unit;                    // number/percent
  std::optional<double> min, max;
  bool integer = false;
  bool comment = false;  // free-text comment field; item key "<question>:comment"
  Condition show_if;
  Condition eligible_if;
  std::optional<Lineage> continues;
  // false: the answer is tied to its year (amounts of one year's stimulus funds), so prefill from
  // last year never offers it, for the question, its rows, "ange vad" texts and comment.
  bool prefill = true;
  std::optional<MaturityMeta> maturity;
  std::string source_comment;  // uncertainty notes kept from the file (`note:` key)
  Pos pos;

  const Option* option(const std::string& id) const;
  const Row* row(const std::string& id) const;
  bool is_matrix() const { return type == Type::Matrix; }
  bool has_codes() const { return cell == Type::YesNo || cell == Type::Single || cell == Type::Multi; }
  // What it asks, as messages name it: "single", or "matrix of yesno".
  std::string shape() const;
};

struct Section {
  std::string id;
  I18n title;
  I18n help;
  Condition show_if;
  Condition eligible_if;
  std::vector<Question> questions;
  Pos pos;
};

// A consistency rule over a response (sums, ranges, logical checks between questions): when
// `flag_if` holds for the answers the organisation is shown, the response is flagged. A warning
// asks the respondent to look again and lists the response for the analyst's verification; an
// error stops the submission.
struct Check {
  std::string id;
  Condition flag_if;
  bool blocking = false;               // severity: error (true) or warning (false)
  std::vector<std::string> questions;  // where the message is shown: question ids
  I18n message;
  Pos pos;
};

// A registry attribute that eligibility rules may use (org.<id>). The built-in attributes
// (code, name, kind, county_code, size_group, skr_group, population) need no declaration.
struct Attribute {
  std::string id;
  std::string type = "bool";  // bool | string | number
  I18n label;
  Pos pos;
};

struct Dimension {
  std::string id;
  I18n label;
};

struct Instrument {
  std::string format;  // "digipuls-instrument/1"
  std::string id;      // unique version id, e.g. "ehalsa-2021"
  std::string family;  // the series the versions belong to, e.g. "ehalsa"
  Kind kind = Kind::Survey;
  int year = 0;
  std::string previous;  // id of the version this one continues ("" = first)
  I18n title;
  I18n description;
  std::string reference_period;
  std::vector<Attribute> attributes;
  std::vector<Section> sections;
  std::vector<Check> checks;
  // Maturity instruments: the three ways indicators are grouped, and the rating scale.
  std::vector<Dimension> target_groups, perspectives, areas;
  std::vector<Option> scale;
  std::string note;
  std::string source_file;
  std::string source_text;  // the YAML as read, kept so the database holds the exact file
  // Question ids in an order where every condition's references come first (set by validate()).
  std::vector<std::string> evaluation_order;

  const Question* question(const std::string& id) const;
  const Section* section_of(const std::string& question_id) const;
  std::vector<const Question*> questions() const;
};

// An item is one answerable unit: a question, or one row of a matrix. Text fields attached to an
// item (an option's "ange vad", a question's comment) are items too, with kind Text.
struct Item {
  std::string key;  // "q03", "q08.barn_unga", "q07:annat", "q07:comment"
  const Question* question = nullptr;
  const Row* row = nullptr;         // matrix rows
  const Option* specify = nullptr;  // "ange vad" text of this option
  bool is_comment = false;
  Type type = Type::Single;                   // the value type of this item
  std::vector<const Option*> options;         // options offered for this item (row subsets applied)
  std::vector<const Option*> import_options;  // import-only options of this item (not on the form)
};

// All items in document order.
std::vector<Item> items(const Instrument& in);

// Item key helpers.
std::string item_key(const Question& q, const Row* row);
std::string specify_key(const std::string& item, const std::string& option);
std::string comment_key(const Question& q);

}  // namespace dp::instrument
