#include "core/diagnostic_code.h"

#include <array>
#include <cstddef>

namespace dp {
namespace {

using enum DiagnosticCode;

constexpr std::array kCatalogue = {
    DiagnosticCodeInfo{InstrumentYaml, "I001", "YAML syntax error, a key twice in one map, or the file is not UTF-8"},
    DiagnosticCodeInfo{InstrumentUnknownKey, "I002", "unknown key"},
    DiagnosticCodeInfo{InstrumentMissingKey, "I003", "a required key is missing"},
    DiagnosticCodeInfo{InstrumentWrongType, "I004", "a value has the wrong type"},
    DiagnosticCodeInfo{InstrumentBadId, "I005", "an id does not match its pattern"},
    DiagnosticCodeInfo{InstrumentDuplicateId, "I006", "duplicate id"},
    DiagnosticCodeInfo{InstrumentConditionSyntax, "I007", "condition syntax error"},
    DiagnosticCodeInfo{InstrumentUnknownReference, "I008", "a condition refers to an unknown question or row"},
    DiagnosticCodeInfo{InstrumentUnknownOption, "I009",
                       "a condition compares with an option code the item does not have"},
    DiagnosticCodeInfo{InstrumentConditionCycle, "I010", "conditions form a cycle"},
    DiagnosticCodeInfo{InstrumentUnknownAttribute, "I011", "eligibility uses an unknown attribute"},
    DiagnosticCodeInfo{InstrumentEligibilityUsesAnswer, "I012", "eligible_if refers to answers"},
    DiagnosticCodeInfo{InstrumentMissingLabel, "I013", "a label is missing"},
    DiagnosticCodeInfo{InstrumentNotAllowedWord, "I014", "a value is not one of the allowed words"},
    DiagnosticCodeInfo{InstrumentBadNumber, "I015", "a numeric setting is wrong"},
    DiagnosticCodeInfo{InstrumentStructure, "I016", "a structural rule is broken"},
    DiagnosticCodeInfo{InstrumentUnknownRowOption, "I017", "a row's option subset names an unknown option"},
    DiagnosticCodeInfo{InstrumentLineage, "I018", "lineage is incomplete"},
    DiagnosticCodeInfo{InstrumentMaturity, "I019", "a maturity key is wrong"},
    DiagnosticCodeInfo{InstrumentTooLarge, "I020", "the document is too large or too deeply nested"},
    DiagnosticCodeInfo{InstrumentUnknownFormat, "I021", "unknown format"},
    DiagnosticCodeInfo{InstrumentBadCheck, "I022", "a check names an unknown question, or its severity is wrong"},
    DiagnosticCodeInfo{KeyFiguresYaml, "S001", "YAML syntax error, a key twice in one map, or not UTF-8"},
    DiagnosticCodeInfo{KeyFiguresUnknownKey, "S002", "unknown key"},
    DiagnosticCodeInfo{KeyFiguresMissingKey, "S003", "a required key is missing"},
    DiagnosticCodeInfo{KeyFiguresWrongType, "S004", "a value has the wrong type"},
    DiagnosticCodeInfo{KeyFiguresBadId, "S005", "an id does not match its pattern"},
    DiagnosticCodeInfo{KeyFiguresDuplicateId, "S006", "duplicate id"},
    DiagnosticCodeInfo{KeyFiguresConditionSyntax, "S007", "condition syntax error"},
    DiagnosticCodeInfo{KeyFiguresUnknownReference, "S008", "unknown question, row, theme or part"},
    DiagnosticCodeInfo{KeyFiguresUnknownOption, "S009", "a condition compares with an option the item does not have"},
    DiagnosticCodeInfo{KeyFiguresNotAllowedWord, "S010", "a value is not one of the allowed words"},
    DiagnosticCodeInfo{KeyFiguresMissingLabel, "S011", "a label is missing"},
    DiagnosticCodeInfo{KeyFiguresHistoryLabel, "S012", "history: unknown table, row or column label"},
    DiagnosticCodeInfo{KeyFiguresHistoryClaim, "S013",
                       "history: a published cell is claimed by no key figure, or by two"},
    DiagnosticCodeInfo{KeyFiguresStructure, "S014", "a structural rule is broken"},
    DiagnosticCodeInfo{KeyFiguresInstrument, "S015", "an instrument the file names is not available"},
    DiagnosticCodeInfo{KeyFiguresUnknownFormat, "S016", "unknown format"},
    DiagnosticCodeInfo{KeyFiguresTooLarge, "S017", "the document is too large or too deeply nested"},
    DiagnosticCodeInfo{KeyFiguresUnknownAttribute, "S018", "a condition uses an unknown attribute"},
    DiagnosticCodeInfo{ReportYaml, "R001", "YAML syntax error, a key twice in one map, or not UTF-8"},
    DiagnosticCodeInfo{ReportUnknownKey, "R002", "unknown key"},
    DiagnosticCodeInfo{ReportMissingKey, "R003", "a required key is missing"},
    DiagnosticCodeInfo{ReportWrongType, "R004", "a value has the wrong type"},
    DiagnosticCodeInfo{ReportBadId, "R005", "an id does not match its pattern"},
    DiagnosticCodeInfo{ReportDuplicateId, "R006", "duplicate id"},
    DiagnosticCodeInfo{ReportUnknownReference, "R008", "unknown part"},
    DiagnosticCodeInfo{ReportNotAllowedWord, "R010", "a value is not one of the allowed words"},
    DiagnosticCodeInfo{ReportMissingLabel, "R011", "a label is missing"},
    DiagnosticCodeInfo{ReportUnresolved, "R012", "a table names an unknown key figure, cell or sum_of sibling"},
    DiagnosticCodeInfo{ReportStructure, "R014", "a structural rule is broken"},
    DiagnosticCodeInfo{ReportUnknownFormat, "R016", "unknown format"},
    DiagnosticCodeInfo{ReportTooLarge, "R017", "the document is too large or too deeply nested"},
};

// The table is indexed by the enum: each entry must sit at its own code's place.
constexpr bool in_enum_order() {
  for (size_t i = 0; i < kCatalogue.size(); ++i)
    if (static_cast<size_t>(kCatalogue[i].code) != i) return false;
  return true;
}
static_assert(in_enum_order(), "diagnostic catalogue out of enum order");
static_assert(kCatalogue.size() == static_cast<size_t>(ReportTooLarge) + 1, "a diagnostic code without an entry");

}  // namespace

std::span<const DiagnosticCodeInfo> diagnostic_catalogue() { return kCatalogue; }

const DiagnosticCodeInfo& info(DiagnosticCode code) { return kCatalogue[static_cast<size_t>(code)]; }

}  // namespace dp
