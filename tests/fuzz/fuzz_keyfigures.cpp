// libFuzzer target for the statistics declaration parsers: any bytes, read as a key-figure file,
// a report file and a disclosure-profile file, must give diagnostics or a result, never a crash,
// a hang or a sanitizer report. Seeds: the bundled declarations and the golden cases (tests/fuzz/run.sh).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.h"
#include "core/resources.h"
#include "instrument/load.h"
#include "stats/keyfigures_load.h"
#include "stats/report_load.h"
#include "stats/suppression.h"

namespace {

const dp::instrument::Instrument& instrument() {
  static const dp::instrument::Instrument in = [] {
    return dp::instrument::load_or_throw(dp::resources::require("instruments/ehalsa-2021.yaml"), "ehalsa-2021.yaml");
  }();
  return in;
}

const dp::stats::KeyFigureSet& keyfigures() {
  static const dp::stats::KeyFigureSet set = [] {
    // The family file names 2022 too; here only 2021 is at hand, which the file allows.
    auto res = dp::stats::load_keyfigures(dp::resources::require("instruments/ehalsa.keyfigures.yaml"),
                                          "ehalsa.keyfigures.yaml", {&instrument()}, nullptr);
    return res.set ? *res.set : dp::stats::KeyFigureSet{};
  }();
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto kf = dp::stats::load_keyfigures(text, "fuzz.yaml", {&instrument()}, nullptr);
  if (kf.set && !kf.set->keyfigures.empty()) (void)kf.set->keyfigures.front().cell("x");
  auto rep = dp::stats::load_report(text, "fuzz.yaml", &keyfigures());
  (void)rep;
  try {
    (void)dp::stats::parse_profiles(text, "fuzz.yaml");
  } catch (const dp::Error&) {
    // Bad profiles are reported by throwing dp::Error: that is the expected outcome.
  }
  return 0;
}
