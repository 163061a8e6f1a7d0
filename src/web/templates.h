#pragma once
// Mustache templates (templates/*.mustache, escaping by default) rendered from JSON view models,
// and the UI strings of each language (core/ui_text.h: templates/i18n/sv.yaml, en.yaml). No markup
// in C++.
#include <nlohmann/json.hpp>
#include <string>

#include "core/text.h"

namespace dp::web {

class Templates {
 public:
  Templates();

  // Renders templates/<name>.mustache. Partials are templates/partials/<p>.mustache ({{> p}}).
  // Throws dp::Error (Internal) for a missing or broken template.
  std::string render(const std::string& name, const nlohmann::json& ctx) const;

  // UI strings as a nested object ({{t.nav.home}}); English falls back to Swedish key by key.
  const nlohmann::json& strings(Lang lang) const;
  // One string by dotted key ("errors.not_found"); the key itself when missing.
  std::string t(Lang lang, const std::string& key) const;

 private:
  nlohmann::json sv_, en_;
};

}  // namespace dp::web
