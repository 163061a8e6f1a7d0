#pragma once
// JSON view models for the self-assessment templates: scores with band and label, radar and bar
// charts (coordinates computed here, markup in templates/selfassess/), strengths and weaknesses,
// comparison rows. No markup here.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/ui_text.h"
#include "selfassess/comparison.h"
#include "selfassess/context.h"
#include "web/templates.h"

namespace dp::selfassess {

// {has, value, band, band_label}: value is the whole-number score.
nlohmann::json score_json(const Score& s, Lang lang);

// One chart of one dimension ("area", "target_group", "perspective"): the organisation's series
// plus optional comparison series; {id, title, summary, radar?, bars, table}. A radar needs at
// least 3 axes; with fewer only bars are drawn.
struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per group, in order
};
nlohmann::json chart_json(const std::string& dimension, const std::string& title, const std::vector<GroupScore>& groups,
                          const std::vector<Series>& compare, const web::Templates& t, Lang lang);

// Strengths (highest scores, heavier weights first) and weaknesses (weight x gap) among the agreed
// ratings; {strengths: [...], weaknesses: [...]}.
nlohmann::json strengths_weaknesses(const Loaded& l, const Rules& rules, Lang lang);

// The scale as options for a form: [{id, label, score, checked}].
nlohmann::json scale_json(const instrument::Instrument& in, const std::string& selected, Lang lang);

// The dimension label of an indicator ("Äldre ... · Invånare · Infrastruktur").
std::string indicator_context(const instrument::Instrument& in, const instrument::Question& q, Lang lang);

// A number for display: whole numbers without decimals, else up to two decimals.
std::string fmt_number(double v);

// "{name} text" substitution for UI strings with placeholders.
using ui::fill;

}  // namespace dp::selfassess
