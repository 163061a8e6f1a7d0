#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "instrument/model.h"
#include "instrument/versions.h"

namespace dp::storage {

struct InstrumentInfo {
  std::string id;
  std::string family;
  std::string kind;  // survey | maturity
  int year = 0;
  std::string previous;
  I18n title;
  std::string source_file;
  std::string loaded_at;
};

// A recorded correction of a stored version's wording (docs/instrument-format.md, "Errata").
struct InstrumentErratum {
  int64_t id = 0;
  std::string instrument_id;
  std::string recorded_at;
  std::string note;
  std::vector<instrument::TextChange> changes;

  // Where it corrected the wording, for a list: "q01.label, q03.options.ja.label".
  std::string places() const {
    std::string out;
    for (const auto& c : changes) out += (out.empty() ? "" : ", ") + c.where;
    return out;
  }
};

class InstrumentStore {
 public:
  virtual ~InstrumentStore() = default;
  // Stores (or replaces) an instrument version with its exact YAML text.
  virtual void put(const instrument::Instrument& in) = 0;
  virtual std::vector<InstrumentInfo> list() = 0;
  // The YAML text of a stored instrument (parse it with instrument::load).
  virtual std::optional<std::string> source(const std::string& id) = 0;

  // Imported key-figure and report files (kind "keyfigures" or "report"), by resource name
  // ("instruments/ehalsa.keyfigures.yaml"): they take the place of the bundled file of that name.
  virtual void put_declaration(const std::string& name, const std::string& kind, const std::string& text) = 0;
  virtual std::optional<std::string> declaration(const std::string& name) = 0;
  virtual std::vector<std::pair<std::string, std::string>> declarations(const std::string& kind) = 0;  // (name, text)

  // Replaces the stored text of `corrected.id` by the corrected one and records the erratum with
  // the text it replaces. The caller has checked that only wording changed.
  virtual void record_erratum(const instrument::Instrument& corrected, const std::string& note,
                              const std::vector<instrument::TextChange>& changes) = 0;
  virtual std::vector<InstrumentErratum> errata(const std::string& instrument_id) = 0;  // oldest first
};

}  // namespace dp::storage
