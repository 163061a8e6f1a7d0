#pragma once
#include <optional>
#include <string>
#include <vector>

#include "instrument/model.h"

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

class InstrumentStore {
 public:
  virtual ~InstrumentStore() = default;
  // Stores (or replaces) an instrument version with its exact YAML text.
  virtual void put(const instrument::Instrument& in) = 0;
  virtual std::vector<InstrumentInfo> list() = 0;
  // The YAML text of a stored instrument (parse it with instrument::load).
  virtual std::optional<std::string> source(const std::string& id) = 0;
};

}  // namespace dp::storage
