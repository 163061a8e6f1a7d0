// Instrument YAML parser and validator: any input must give diagnostics, never a crash or hang.
// When the input is a valid instrument, items, visibility and condition JSON are exercised too.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "instrument/load.h"
#include "instrument/visibility.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto res = dp::instrument::load(text, "fuzz.yaml");
  for (const auto& d : res.diagnostics) (void)d.str();
  if (res.instrument) {
    const auto& in = *res.instrument;
    auto items = dp::instrument::items(in);
    dp::instrument::Visibility vis(in, {}, {{"county_code", std::string("01")}});
    for (const auto& it : items) (void)vis.shown(it.key);
    for (const auto& s : in.sections)
      for (const auto& q : s.questions)
        if (q.show_if.expr) (void)dp::instrument::to_json(*q.show_if.expr).dump();
  }
  return 0;
}
