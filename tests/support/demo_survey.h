#pragma once
// The frame of the small hand-written declarations many tests build their case on: an instrument
// "<family>-2021" with one section of the questions a test gives, and a key-figure file of that
// family with the key figures it gives. Only the lines that matter to a test stay in the test.
#include <string>

namespace dp::test {

// `questions`: the YAML list items under the section's `questions:`, each line indented by six
// spaces ("      - {id: q1, type: yesno, ...}").
inline std::string demo_instrument_yaml(const std::string& questions, const std::string& family = "demo") {
  return "format: digipuls-instrument/1\nid: " + family + "-2021\nfamily: " + family +
         "\nyear: 2021\ntitle: {sv: \"Demo\", en: \"Demo\"}\nsections:\n  - id: a\n    title: {sv: \"A\", en: \"A\"}\n"
         "    questions:\n" +
         questions;
}

// `keyfigures`: the YAML list items under `keyfigures:`, each line indented by two spaces. The
// header is four lines, so a key figure's first line is line 5 of the text.
inline std::string demo_keyfigures_yaml(const std::string& keyfigures, const std::string& family = "demo") {
  return "format: digipuls-keyfigures/1\nfamily: " + family + "\ninstruments: [" + family + "-2021]\nkeyfigures:\n" +
         keyfigures;
}

}  // namespace dp::test
