#pragma once
// Disclosure control (docs/statistics.md, "Disclosure control"): a minimum number of organisations
// per published group, and complementary suppression so that no suppressed figure can be worked
// out from the totals, from the other cells of a table or from another breakdown. Profiles are
// declared in instruments/disclosure.yaml; the 'reproduce-2021' profile switches it off, as the
// report printed counts down to a single municipality.
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "stats/compute.h"

namespace dp::stats {

struct DisclosureProfile {
  std::string id;
  I18n label;
  int min_n = 0;              // groups with 0 < n < min_n are suppressed; 0 = no suppression
  bool complementary = true;  // protect them with secondary suppression
  // The breakdowns published under this profile (empty: every breakdown). Each further
  // cross-classification gives an attacker more equations, so a protective profile publishes few.
  std::vector<std::string> breakdowns;
  // Also publish each organisation's own figures (breakdown "municipality"). Only with min_n <= 1:
  // a group of one organisation is below any higher threshold.
  bool organisations = false;
  // The audit's protection rule (docs/statistics.md, "The audit"): a withheld count is disclosed
  // when the published figures leave fewer than protection_width + 1 possible values of it; a
  // withheld sum or mean when they pin it down to less than protection_percent of its value.
  int protection_width = 1;
  double protection_percent = 10;
  I18n note;
};

struct ProfileSet {
  std::string default_id;
  std::vector<DisclosureProfile> profiles;
  const DisclosureProfile* find(std::string_view id) const;
};

// Parses instruments/disclosure.yaml. Throws dp::Error (BadInput) listing every problem with its
// file:line:column.
ProfileSet parse_profiles(std::string_view yaml_text, const std::string& file_name);

// A cell whose every figure follows from public facts alone (the registry and who responded, e.g.
// the response rate K51): it reads no answer, so it is never withheld.
bool is_public_knowledge(const Cell& cell);
// A base whose size follows from public facts: the respondents or the approached organisations,
// restricted at most by registry attributes. A base that reads answers (those that answered an
// item, or a `where` on answers) has an n that is itself a count of answers: it is withheld with
// the figure (docs/statistics.md, "Bases").
bool base_is_public(const Cell& cell);

struct SuppressionReport {
  size_t primary = 0;    // group figures below the minimum (counted per unit of cells sharing a base)
  size_t secondary = 0;  // figures withheld to protect them
  size_t cells = 0;      // cell figures marked suppressed
};

// Marks suppressed figures in place (marker Suppressed, no value, no count; n stays published).
// Cells that count the same organisations (the same base) share one pattern, so that no identity
// between them (options summing to n, a category sum) can reveal a withheld figure.
//
// Safety is proved, not hoped for: a withheld figure of group g is safe when two organisations i
// (in g) and j (outside g) answered differently but belong to the same published group in every
// breakdown (where they differ, both groups are withheld). Swapping their answers then yields
// other microdata that reproduce every published figure exactly while changing g's figure, so no
// attacker, whatever the method, can tell which is true. Groups are withheld until every withheld
// figure of every cell has such a pair. The dataset is needed to find the pairs.
SuppressionReport suppress(Results& results, const Dataset& dataset, const DisclosureProfile& profile);

}  // namespace dp::stats
