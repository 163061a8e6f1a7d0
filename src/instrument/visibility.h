#pragma once
// Which items an organisation is shown, given its registry attributes and its answers so far.
// One function decides it for the form, the import, the generator and the statistics.
#include <map>
#include <set>
#include <string>

#include "instrument/condition.h"
#include "instrument/model.h"
#include "instrument/value.h"

namespace dp::instrument {

// Registry attributes of one organisation in one year: built-in (code, county_code, size_group...)
// and declared ones (stimulus_requisitioned...).
using OrgAttributes = std::map<std::string, Scalar>;

enum class Shown { Yes, NotEligible, ConditionFalse };

class Visibility {
 public:
  Visibility(const Instrument& in, const Answers& answers, const OrgAttributes& org);

  Shown item(const std::string& key) const;
  bool shown(const std::string& key) const { return item(key) == Shown::Yes; }
  bool question_shown(const std::string& question_id) const;
  bool section_shown(const std::string& section_id) const;

  // The answers restricted to shown items (what counts as the response).
  Answers effective(const Answers& answers) const;

 private:
  std::map<std::string, Shown> items_;
  std::set<std::string> questions_shown_;
  std::set<std::string> sections_shown_;
};

// Eligibility alone (no answers): is the organisation asked this item at all?
bool eligible(const Instrument& in, const Item& item, const OrgAttributes& org);

}  // namespace dp::instrument
