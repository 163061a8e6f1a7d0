#include "selfassess/rules.h"

#include "core/error.h"
#include "core/resources.h"
#include "core/yaml_reader.h"

namespace dp::selfassess {

const Band& Rules::band_of(double score) const {
  for (const auto& b : bands)
    if (score >= b.min) return b;
  return bands.back();
}

namespace {

Error bad(const std::string& file, const std::string& key, const std::string& what) {
  Location loc;
  loc.file = file;
  loc.field = key;
  return Error::bad_input(file + ": " + key + ": " + what, loc);
}

I18n label_of(const YAML::Node& n) {
  I18n l;
  if (n.IsScalar()) l.sv = n.Scalar();
  else if (n.IsMap()) {
    if (n["sv"]) l.sv = n["sv"].as<std::string>();
    if (n["en"]) l.en = n["en"].as<std::string>();
  }
  return l;
}

}  // namespace

Rules parse_rules(std::string_view yaml_text, const std::string& file) {
  YAML::Node root = yaml::parse_or_throw(yaml_text, file);
  if (!root.IsMap()) throw bad(file, "(file)", "the rules must be a map");
  Rules r;
  try {
    auto bands = root["bands"];
    if (!bands || !bands.IsSequence() || bands.size() == 0) throw bad(file, "bands", "a list of bands is required");
    double last = 1e300;
    for (const auto& b : bands) {
      Band band;
      if (!b["id"] || !b["min"]) throw bad(file, "bands", "every band needs id and min");
      band.id = b["id"].as<std::string>();
      band.min = b["min"].as<double>();
      band.label = label_of(b["label"]);
      if (band.label.sv.empty()) throw bad(file, "bands." + band.id + ".label", "a Swedish label is required");
      if (band.min >= last) throw bad(file, "bands." + band.id + ".min", "bands must go from the highest min down");
      last = band.min;
      r.bands.push_back(band);
    }
    if (r.bands.back().min != 0) throw bad(file, "bands", "the last band must have min 0");
    if (auto a = root["action_plan"]; a && a["default_level"])
      r.plan_default_level = a["default_level"].as<std::string>();
    if (auto s = root["strengths_weaknesses"]; s && s["count"]) r.list_count = s["count"].as<int>();
    if (r.list_count < 1) throw bad(file, "strengths_weaknesses.count", "must be at least 1");
    if (auto w = root["workshop"]; w && w["spread_alert"]) r.spread_alert = w["spread_alert"].as<double>();
  } catch (const YAML::Exception& e) {
    throw bad(file, "(value)", std::string("wrong type: ") + e.what());
  }
  return r;
}

const Rules& bundled_rules() {
  static const Rules rules =
      parse_rules(resources::require("data/selfassess/rules.yaml"), "data/selfassess/rules.yaml");
  return rules;
}

}  // namespace dp::selfassess
