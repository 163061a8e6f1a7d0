// Microdata import parser (responses import) against the bundled 2021 instrument and a small
// synthetic scope: any input gives rows or row/column problems, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "collection/microdata.h"
#include "core/resources.h"
#include "instrument/load.h"

using namespace dp;

static const collection::CampaignContext& context() {
  static const collection::CampaignContext ctx = [] {
    collection::CampaignContext c;
    c.instrument = instrument::load_or_throw(resources::require("instruments/ehalsa-2021.yaml"), "ehalsa-2021.yaml");
    c.campaign.id = 1;
    c.campaign.slug = "ehalsa-2021";
    struct O {
      const char* code;
      const char* county;
      const char* stim;
      const char* hhc;
    };
    for (O o : {O{"0114", "01", "true", "false"}, O{"0180", "01", "false", "false"}, O{"1280", "12", "true", "true"},
                O{"2584", "25", "false", "true"}}) {
      registry::Organisation org;
      org.code = o.code;
      org.name = std::string("Kommun ") + o.code;
      org.county_code = o.county;
      org.population = 20000;
      org.attributes = {{"stimulus_requisitioned", o.stim}, {"home_health_care", o.hhc}};
      c.orgs.push_back(org);
      c.scope[o.code] = storage::CampaignOrg{o.code, true, {}};
    }
    return c;
  }();
  return ctx;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  dp::ProblemList problems;
  auto rows = collection::parse_microdata(text, "fuzz.csv", context(), problems);
  // The historical options too: labels instead of codes, answers outside the routing kept.
  dp::ProblemList labelled_problems;
  collection::ImportOptions historical{collection::Routing::Keep, true, true, Lang::sv};
  auto labelled = collection::parse_microdata(text, "fuzz.csv", context(), labelled_problems, {}, nullptr, historical);
  if (!labelled.empty() && !labelled_problems.empty()) __builtin_trap();
  if (!rows.empty() && !problems.empty()) __builtin_trap();  // rows only when the whole file is valid
  return 0;
}
