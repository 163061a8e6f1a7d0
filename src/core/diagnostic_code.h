#pragma once
// The one catalogue of diagnostic codes (like pyxform's ErrorCode): every problem a declaration
// file can have, with the code printed for it. The printed codes are stable (golden cases, docs
// and users' notes cite them); the tables in docs/instrument-format.md and
// docs/keyfigure-format.md list them, and a test keeps the docs and this catalogue in step.
//   I... instrument files   S... key-figure and disclosure-profile files   R... report files
#include <cstdint>
#include <span>
#include <string_view>

namespace dp {

enum class DiagnosticCode : uint8_t {
  // Instrument files (docs/instrument-format.md, "Diagnostics").
  InstrumentYaml,                   // I001
  InstrumentUnknownKey,             // I002
  InstrumentMissingKey,             // I003
  InstrumentWrongType,              // I004
  InstrumentBadId,                  // I005
  InstrumentDuplicateId,            // I006
  InstrumentConditionSyntax,        // I007
  InstrumentUnknownReference,       // I008
  InstrumentUnknownOption,          // I009
  InstrumentConditionCycle,         // I010
  InstrumentUnknownAttribute,       // I011
  InstrumentEligibilityUsesAnswer,  // I012
  InstrumentMissingLabel,           // I013
  InstrumentNotAllowedWord,         // I014
  InstrumentBadNumber,              // I015
  InstrumentStructure,              // I016
  InstrumentUnknownRowOption,       // I017
  InstrumentLineage,                // I018
  InstrumentMaturity,               // I019
  InstrumentTooLarge,               // I020
  InstrumentUnknownFormat,          // I021
  InstrumentBadCheck,               // I022
  // Key-figure and disclosure-profile files (docs/keyfigure-format.md, "Diagnostics").
  KeyFiguresYaml,              // S001
  KeyFiguresUnknownKey,        // S002
  KeyFiguresMissingKey,        // S003
  KeyFiguresWrongType,         // S004
  KeyFiguresBadId,             // S005
  KeyFiguresDuplicateId,       // S006
  KeyFiguresConditionSyntax,   // S007
  KeyFiguresUnknownReference,  // S008
  KeyFiguresUnknownOption,     // S009
  KeyFiguresNotAllowedWord,    // S010
  KeyFiguresMissingLabel,      // S011
  KeyFiguresHistoryLabel,      // S012
  KeyFiguresHistoryClaim,      // S013
  KeyFiguresStructure,         // S014
  KeyFiguresInstrument,        // S015
  KeyFiguresUnknownFormat,     // S016
  KeyFiguresTooLarge,          // S017
  KeyFiguresUnknownAttribute,  // S018
  // Report files (docs/keyfigure-format.md, "Diagnostics").
  ReportYaml,              // R001
  ReportUnknownKey,        // R002
  ReportMissingKey,        // R003
  ReportWrongType,         // R004
  ReportBadId,             // R005
  ReportDuplicateId,       // R006
  ReportUnknownReference,  // R008
  ReportNotAllowedWord,    // R010
  ReportMissingLabel,      // R011
  ReportUnresolved,        // R012
  ReportStructure,         // R014
  ReportUnknownFormat,     // R016
  ReportTooLarge,          // R017
};

struct DiagnosticCodeInfo {
  DiagnosticCode code;
  std::string_view id;       // "I008"
  std::string_view problem;  // one line, as in the docs' table
};

// Every code, in enum order.
std::span<const DiagnosticCodeInfo> diagnostic_catalogue();
const DiagnosticCodeInfo& info(DiagnosticCode code);
inline std::string_view code_id(DiagnosticCode code) { return info(code).id; }

// The codes a kind of declaration file reports its generic YAML problems with (the positioned
// reader, core/yaml_reader.h, finds those; the file's own parser reports the rest).
struct FileCodes {
  DiagnosticCode yaml;  // syntax, not UTF-8, a key twice in one map
  DiagnosticCode unknown_key;
  DiagnosticCode missing_key;
  DiagnosticCode wrong_type;
  DiagnosticCode missing_label;
  DiagnosticCode too_large;  // bytes, nesting, nodes
  // Instruments ask for an English label even where a plain text gives the Swedish one.
  bool plain_label_wants_english = false;
};

inline constexpr FileCodes kInstrumentCodes{DiagnosticCode::InstrumentYaml,
                                            DiagnosticCode::InstrumentUnknownKey,
                                            DiagnosticCode::InstrumentMissingKey,
                                            DiagnosticCode::InstrumentWrongType,
                                            DiagnosticCode::InstrumentMissingLabel,
                                            DiagnosticCode::InstrumentTooLarge,
                                            true};
// Key-figure files and the disclosure profiles.
inline constexpr FileCodes kKeyFigureCodes{DiagnosticCode::KeyFiguresYaml,
                                           DiagnosticCode::KeyFiguresUnknownKey,
                                           DiagnosticCode::KeyFiguresMissingKey,
                                           DiagnosticCode::KeyFiguresWrongType,
                                           DiagnosticCode::KeyFiguresMissingLabel,
                                           DiagnosticCode::KeyFiguresTooLarge,
                                           false};
inline constexpr FileCodes kReportCodes{DiagnosticCode::ReportYaml,
                                        DiagnosticCode::ReportUnknownKey,
                                        DiagnosticCode::ReportMissingKey,
                                        DiagnosticCode::ReportWrongType,
                                        DiagnosticCode::ReportMissingLabel,
                                        DiagnosticCode::ReportTooLarge,
                                        false};

}  // namespace dp
