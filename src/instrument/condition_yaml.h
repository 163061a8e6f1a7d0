#pragma once
// Conditions written in declaration files (instruments' show_if, eligible_if and flag_if; key
// figures' count and base): read through the positioned reader, so a syntax error is reported
// where it stands inside the condition's text, with the file's own code.
#include <string>
#include <yaml-cpp/yaml.h>

#include "core/yaml_reader.h"
#include "instrument/condition.h"

namespace dp::instrument {

// The condition under `key` of `map` (empty when there is none). Its `pos` is where its text
// starts: inside the quotes of a quoted scalar.
Condition read_condition(yaml::Reader& r, const YAML::Node& map, const char* key, DiagnosticCode syntax);

// A condition written by the program (an expanded shorthand) at `at`.
Condition condition_at(yaml::Reader& r, const std::string& text, Pos at, DiagnosticCode syntax,
                       const std::string& key = "");

}  // namespace dp::instrument
