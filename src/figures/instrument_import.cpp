#include "figures/instrument_import.h"

#include <algorithm>
#include <fmt/format.h>

#include "figures/declarations.h"
#include "instrument/load.h"
#include "instrument/versions.h"
#include "stats/coverage.h"
#include "stats/keyfigures_load.h"
#include "stats/report_load.h"
#include "storage/instrument_store.h"

namespace dp::figures {

namespace {

bool is_keyfigures(const std::string& text) { return text.find("digipuls-keyfigures/1") != std::string::npos; }

std::string report_name(const std::string& id) { return "instruments/" + id + ".report.yaml"; }

Diagnostic problem(Diagnostic::Severity sev, DiagnosticCode code, const std::string& file, std::string msg) {
  Diagnostic d;
  d.severity = sev;
  d.code = code;
  d.where = Location{file, 1, 1, {}};
  d.message = std::move(msg);
  return d;
}

void append(Diagnostics& to, const Diagnostics& from) { to.insert(to.end(), from.begin(), from.end()); }

}  // namespace

std::optional<instrument::Instrument> stored_or_bundled_version(storage::Store* store, const std::string& id) {
  auto src = version_source(store, id);
  if (!src) return std::nullopt;
  return instrument::load(*src, id + ".yaml").instrument;
}

ImportCheck check_import(storage::Store& store, const ImportRequest& req) {
  ImportCheck out;
  auto res = instrument::load(req.instrument.text, req.instrument.name);
  out.diagnostics = res.diagnostics;
  if (!res.instrument) return out;
  out.instrument = std::move(res.instrument);
  const auto& in = *out.instrument;
  using enum DiagnosticCode;
  if (!in.previous.empty()) {
    if (auto prev = stored_or_bundled_version(&store, in.previous))
      instrument::check_lineage(in, *prev, out.diagnostics);
    else
      out.diagnostics.push_back(problem(Diagnostic::Severity::Error, InstrumentLineage, req.instrument.name,
                                        fmt::format("previous version '{}' is neither in the database nor bundled: "
                                                    "import it first",
                                                    in.previous)));
  }
  // The key figures the family computes with from now on: the file given, else the one in use.
  std::string kf_name = keyfigures_file(in.family), kf_text;
  if (req.keyfigures) {
    kf_name = req.keyfigures->name;
    kf_text = req.keyfigures->text;
    if (!is_keyfigures(kf_text))
      out.diagnostics.push_back(problem(Diagnostic::Severity::Error, KeyFiguresUnknownFormat, kf_name,
                                        "not a key-figure file (format: digipuls-keyfigures/1)"));
  } else if (auto t = declaration_in_use(store, kf_name)) {
    kf_text = *t;
  }
  if (kf_text.empty() || has_errors(out.diagnostics)) return out;
  std::vector<instrument::Instrument> family;
  try {
    family = keyfigure_family(store, kf_text, kf_name, &in);
  } catch (const Error& e) {
    out.diagnostics.push_back(problem(Diagnostic::Severity::Error, KeyFiguresYaml, kf_name, e.what()));
    return out;
  }
  bool named = std::any_of(family.begin(), family.end(), [&](const auto& f) { return f.id == in.id; });
  if (!named)
    out.diagnostics.push_back(problem(Diagnostic::Severity::Warning, KeyFiguresCoverage, kf_name,
                                      fmt::format("does not name {} under `instruments:`, so no key figure reads its "
                                                  "answers: import a key-figure file that does",
                                                  in.id)));
  std::vector<const instrument::Instrument*> ptrs;
  for (const auto& f : family) ptrs.push_back(&f);
  auto history = bundled_history();
  auto kfs = stats::load_keyfigures(kf_text, kf_name, ptrs, &history);
  if (req.keyfigures) append(out.diagnostics, kfs.diagnostics);
  else if (!kfs.set)
    out.diagnostics.push_back(problem(Diagnostic::Severity::Error, KeyFiguresInstrument, kf_name,
                                      fmt::format("the key figures in use do not hold for {}: import a corrected "
                                                  "key-figure file with it",
                                                  in.id)));
  if (!kfs.set) return out;
  // Coverage of this version only: what older versions ask was settled when they were imported.
  if (named)
    for (const auto& d : stats::coverage_warnings(*kfs.set, ptrs))
      if (d.code != KeyFiguresCoverage || d.where.file == in.source_file) out.diagnostics.push_back(d);
  if (req.report) {
    const auto& r = *req.report;
    std::string rid;
    try {
      rid = stats::report_instrument(r.text, r.name);
    } catch (const Error& e) {
      out.diagnostics.push_back(problem(Diagnostic::Severity::Error, ReportYaml, r.name, e.what()));
      return out;
    }
    if (rid != in.id)
      out.diagnostics.push_back(problem(Diagnostic::Severity::Error, ReportUnresolved, r.name,
                                        fmt::format("is written for instrument '{}', not {}", rid, in.id)));
    append(out.diagnostics, stats::load_report(r.text, r.name, &*kfs.set).diagnostics);
  }
  return out;
}

ImportOutcome import_instrument(storage::Store& store, const ImportRequest& req) {
  ImportOutcome out;
  store.write_transaction([&] {
    auto check = check_import(store, req);
    throw_if_errors(check.diagnostics, "not imported", req.instrument.name);
    for (const auto& d : check.diagnostics) out.warnings.push_back(d);
    const auto& in = *check.instrument;
    out.id = in.id;
    auto existing = store.instruments().source(in.id);
    if (existing && *existing != req.instrument.text)
      throw Error::conflict(
          fmt::format("{}: the database already holds {} with other content; a stored version is "
                      "never replaced (fix wording with an erratum, or give the new version a new id)",
                      req.instrument.name, in.id));
    if (!existing) {
      auto stored = in;
      stored.source_file = req.instrument.name.substr(req.instrument.name.rfind('/') + 1);
      store.instruments().put(stored);
      out.instrument_stored = true;
    }
    auto put = [&](const std::optional<DeclarationFile>& f, const std::string& name, const char* kind) {
      if (!f || store.instruments().declaration(name) == f->text) return;
      store.instruments().put_declaration(name, kind, f->text);
      out.declarations_stored.push_back(name);
    };
    put(req.keyfigures, keyfigures_file(in.family), "keyfigures");
    put(req.report, report_name(in.id), "report");
  });
  return out;
}

std::vector<instrument::TextChange> record_erratum(storage::Store& store, const DeclarationFile& corrected,
                                                   const std::string& note) {
  if (note.find_first_not_of(" \t\n") == std::string::npos)
    throw Error::bad_input("an erratum needs a note saying what was corrected and why", Location{"", 0, 0, "note"});
  auto now = instrument::load(corrected.text, corrected.name);
  throw_if_errors(now.diagnostics, "erratum not recorded", corrected.name);
  const auto& in = *now.instrument;
  std::vector<instrument::TextChange> changes;
  store.write_transaction([&] {
    auto src = store.instruments().source(in.id);
    if (!src) throw Error::not_found(fmt::format("{}: no stored version {} to correct", corrected.name, in.id));
    auto stored = instrument::load_or_throw(*src, in.id + ".yaml");
    Diagnostics diags;
    changes = instrument::erratum_changes(stored, in, diags);
    throw_if_errors(diags, "erratum not recorded", corrected.name);
    if (changes.empty())
      throw Error::bad_input(
          fmt::format("{}: no wording differs from the stored {}: nothing to correct", corrected.name, in.id));
    auto kept = in;
    kept.source_file = stored.source_file;
    store.instruments().record_erratum(kept, note, changes);
  });
  return changes;
}

}  // namespace dp::figures
