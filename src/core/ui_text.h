#pragma once
// The UI strings of every language, read once from the declarative message files
// templates/i18n/sv.yaml (the default) and en.yaml. Code names a string by its dotted key; the
// words themselves never live in C++ (tests/core/ui_text_test.cpp refuses Swedish literals in src/).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/text.h"

namespace dp::ui {

// All strings of a language as a nested object; English falls back to Swedish key by key.
const nlohmann::json& strings(Lang lang);

// True when the dotted key names a string.
bool has(std::string_view key);

// One string by dotted key ("markers.nil"). A key missing from the files is a bug: Error (Internal)
// naming the key.
std::string text(std::string_view key, Lang lang);
// Both languages of a key, for outputs that carry both (JSON-stat, the API's metadata).
I18n label(std::string_view key);
I18n label(std::string_view key, const std::map<std::string, std::string>& values);

// "{name} text" with each {name} replaced by its value; unknown placeholders stay as they are.
std::string fill(std::string text, const std::map<std::string, std::string>& values);
// text(key, lang) with its placeholders filled.
std::string text(std::string_view key, Lang lang, const std::map<std::string, std::string>& values);

}  // namespace dp::ui
