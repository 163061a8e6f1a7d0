#pragma once
// The statistics declarations a campaign uses, found by its instrument: the family's key-figure
// file (instruments/<family>.keyfigures.yaml), the report file of the instrument version (or of
// the newest earlier version of the family), the disclosure profiles and the published history.
// They are bundled in the binary (core/resources.h); the instrument versions come from the
// database, so the key figures are checked against exactly the questionnaires that were asked.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "instrument/model.h"
#include "stats/history.h"
#include "stats/keyfigures.h"
#include "stats/report_spec.h"
#include "stats/suppression.h"
#include "storage/store.h"

namespace dp::figures {

struct Declarations {
  std::vector<instrument::Instrument> family;  // the versions the key-figure file names that are available
  stats::KeyFigureSet keyfigures;
  std::optional<stats::ReportSpec> report;  // none when the family has no report file
  stats::ProfileSet profiles;
  stats::HistoryData history;
  std::string keyfigures_text;  // for the input hash

  const instrument::Instrument* instrument(const std::string& id) const;
  std::vector<const instrument::Instrument*> family_ptrs() const;
};

// The bundled published history (data/history/*.csv): the files (name, text) and as read.
std::vector<std::pair<std::string, std::string>> bundled_history_files();
stats::HistoryData bundled_history();

// Throws dp::Error (BadInput) naming the file and position when a declaration is invalid, and
// (NotFound) when the family has no key-figure file.
Declarations load_declarations(storage::Store& store, const instrument::Instrument& campaign_instrument);

// The text of instrument version `id`: as stored in the database (none asked when `store` is
// null), else as bundled with the program.
std::optional<std::string> version_source(storage::Store* store, const std::string& id);

// A family's key-figure file ("instruments/ehalsa.keyfigures.yaml") and the text of a declaration
// file in use: the one imported into the database (`instrument import`), else the bundled one.
std::string keyfigures_file(const std::string& family);
std::optional<std::string> declaration_in_use(storage::Store& store, const std::string& file);

// The instrument versions a key-figure file is written for (its `instruments:`) that exist: as
// asked (from the database), else bundled. `known` (the campaign's instrument) is taken as is.
std::vector<instrument::Instrument> keyfigure_family(storage::Store& store, const std::string& keyfigures_text,
                                                     const std::string& keyfigures_file,
                                                     const instrument::Instrument* known = nullptr);

// Every instrument version bundled with the program (instruments/*.yaml of format
// digipuls-instrument/1), parsed; throws dp::Error at file:line:column for an invalid one.
std::vector<instrument::Instrument> bundled_instruments();

// The bundled file names, for `digipuls stats check`.
std::vector<std::string> bundled_keyfigure_files();
std::vector<std::string> bundled_report_files();

}  // namespace dp::figures
