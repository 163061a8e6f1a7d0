#pragma once
// Loading a new instrument version into a database that is already in use (`digipuls instrument
// import`, the admin page "Instruments"): the instrument checked on its own and against its
// previous version, with the key-figure and report files that come with it checked against it,
// then stored all together or not at all. No rebuild, no resource folder.
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "instrument/model.h"
#include "instrument/versions.h"
#include "storage/store.h"

namespace dp::figures {

struct DeclarationFile {
  std::string name;  // as given: positions in messages use it
  std::string text;
};

struct ImportRequest {
  DeclarationFile instrument;
  std::optional<DeclarationFile> keyfigures;  // a digipuls-keyfigures/1 file of the instrument's family
  std::optional<DeclarationFile> report;      // a digipuls-report/1 file of this version
};

struct ImportCheck {
  std::optional<instrument::Instrument> instrument;  // set when the instrument itself is valid
  Diagnostics diagnostics;                           // every file's problems, errors and warnings
  bool ok() const { return instrument && !has_errors(diagnostics); }
};

// The version `id` as stored in the database (none asked when `store` is null), else as bundled;
// none when neither has it or its text does not parse.
std::optional<instrument::Instrument> stored_or_bundled_version(storage::Store* store, const std::string& id);

// Checks everything the import would store, stores nothing.
ImportCheck check_import(storage::Store& store, const ImportRequest& req);

struct ImportOutcome {
  std::string id;
  bool instrument_stored = false;                // false: this exact version was already there
  std::vector<std::string> declarations_stored;  // resource names of the key-figure/report files stored
  Diagnostics warnings;
};

// check_import, then stores the instrument and its declarations in one transaction. Throws
// dp::Error (BadInput) with every error line when a file is invalid, and (Conflict) when the
// database holds the version's id with another text: a stored version is never replaced (a
// correction to its wording is an erratum, a new version gets a new id).
ImportOutcome import_instrument(storage::Store& store, const ImportRequest& req);

// Records an erratum: `corrected` is the stored version `id` with corrected wording (labels, help
// texts, titles, units, check messages) and nothing else changed, so every answer stays valid.
// Throws dp::Error (BadInput) naming each field that is not wording, or when nothing changed or
// the note is empty; (NotFound) when the version is not stored. Returns the texts changed.
std::vector<instrument::TextChange> record_erratum(storage::Store& store, const DeclarationFile& corrected,
                                                   const std::string& note);

}  // namespace dp::figures
