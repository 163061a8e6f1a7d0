// digipuls instrument check | import | new-version | diff (docs/cli.md, docs/instrument-format.md
// "The yearly cycle"). Thin: find the files, call the instrument and figures modules, print.
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/output.h"
#include "figures/declarations.h"
#include "figures/instrument_import.h"
#include "instrument/load.h"
#include "instrument/versions.h"
#include "storage/instrument_store.h"
#include "storage/store.h"

namespace dp::app {

namespace fs = std::filesystem;

namespace {

bool file_exists(const std::string& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string beside(const std::string& file, const std::string& name) {
  return (fs::path(file).parent_path() / name).string();
}

// Finds instrument versions by id: among the files given, beside a file, in the database (when
// --db names one that exists), else bundled.
class Versions {
 public:
  explicit Versions(const std::string& db) {
    if (!db.empty() && file_exists(db)) store_ = storage::open_sqlite(db, {.create = false});
  }
  void add_file(const std::string& path, const std::string& text) { files_[path] = text; }

  std::optional<instrument::Instrument> find(const std::string& id, const std::string& near_file) {
    for (const auto& [path, text] : files_)
      if (auto r = instrument::load(text, path); r.instrument && r.instrument->id == id) return r.instrument;
    std::string sibling = beside(near_file, id + ".yaml");
    if (!near_file.empty() && file_exists(sibling))
      if (auto r = instrument::load(read_file(sibling), sibling); r.instrument) return r.instrument;
    return figures::stored_or_bundled_version(store_.get(), id);
  }

  // An id or a file name: the file's instrument, else the version found by id.
  instrument::Instrument resolve(const std::string& id_or_file) {
    if (file_exists(id_or_file)) return instrument::load_or_throw(read_file(id_or_file), id_or_file);
    if (auto in = find(id_or_file, "")) return *in;
    throw Error::bad_input(
        fmt::format("'{}' is neither an instrument file nor a known instrument version", id_or_file));
  }

  storage::Store* store() { return store_.get(); }

 private:
  std::map<std::string, std::string> files_;
  std::unique_ptr<storage::Store> store_;
};

void register_check(CLI::App* grp, Cli& cli) {
  auto* check =
      grp->add_subcommand("check",
                          "Validate instrument files, lineage against the previous version included; prints every "
                          "problem as file:line:column");
  static std::vector<std::string> files;
  static std::string db;
  // No CLI::ExistingFile check: a missing file is bad input (exit 1, like every other command), not a usage error.
  check->add_option("files", files, "Instrument YAML files")->required();
  check->add_option("--db", db,
                    "Also look for previous versions in this database (else: the files given, the file's folder, the "
                    "bundled ones)");
  cli.on_run(check, [] {
    int errors = 0, warnings = 0;
    Versions versions(db);
    std::map<std::string, std::string> texts;
    for (const auto& f : files) {
      try {
        texts[f] = read_file(f);
        versions.add_file(f, texts[f]);
      } catch (const Error& e) {
        // Keep checking the other files; a missing one is an error like any other.
        std::cerr << e.what() << "\n";
        ++errors;
      }
    }
    for (const auto& f : files) {
      if (!texts.count(f)) continue;
      auto res = instrument::load(texts[f], f);
      if (res.instrument && !res.instrument->previous.empty()) {
        if (auto prev = versions.find(res.instrument->previous, f)) {
          instrument::check_lineage(*res.instrument, *prev, res.diagnostics);
        } else {
          std::cerr << fmt::format(
              "{}: warning: previous version '{}' not found (give its file, or --db): lineage "
              "not checked against it\n",
              f, res.instrument->previous);
          ++warnings;
        }
      }
      for (const auto& d : res.diagnostics) {
        std::cerr << d.str() << "\n";
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
      }
      if (res.instrument && !has_errors(res.diagnostics))
        std::cout << f << ": ok (" << res.instrument->id << ", " << instrument::items(*res.instrument).size()
                  << " items)\n";
    }
    if (errors) std::cerr << errors << " error(s), " << warnings << " warning(s)\n";
    return errors ? 1 : 0;
  });
}

void register_import(CLI::App* grp, Cli& cli) {
  auto* cmd =
      grp->add_subcommand("import",
                          "Load a new instrument version (and its key-figure and report files) into a database, "
                          "all or nothing");
  static std::string db, file, keyfigures, report;
  add_db_option(cmd, db);
  cmd->add_option("file", file, "The instrument YAML file")->required();
  cmd->add_option("--keyfigures", keyfigures,
                  "The family's key-figure file (default: <family>.keyfigures.yaml beside the file, if there)");
  cmd->add_option("--report", report,
                  "The version's report file (default: <id>.report.yaml beside the file, if there)");
  cli.on_run(cmd, [] {
    figures::ImportRequest req;
    req.instrument = {file, read_file(file)};
    // Which family and id: read them from the file itself (errors are reported by the import).
    auto peek = instrument::load(req.instrument.text, file);
    auto declaration = [&](const std::string& given,
                           const std::string& default_name) -> std::optional<figures::DeclarationFile> {
      if (!given.empty()) return figures::DeclarationFile{given, read_file(given)};
      if (default_name.empty()) return std::nullopt;
      std::string p = beside(file, default_name);
      if (file_exists(p)) return figures::DeclarationFile{p, read_file(p)};
      return std::nullopt;
    };
    req.keyfigures = declaration(keyfigures, peek.instrument ? peek.instrument->family + ".keyfigures.yaml" : "");
    req.report = declaration(report, peek.instrument ? peek.instrument->id + ".report.yaml" : "");
    auto store = storage::open_sqlite(db, {.create = false});
    auto out = figures::import_instrument(*store, req);
    for (const auto& w : out.warnings) std::cerr << w.str() << "\n";
    std::cerr << fmt::format(
        "{}: {}\n", out.id,
        out.instrument_stored ? "imported" : "already in the database with the same content, unchanged");
    for (const auto& d : out.declarations_stored) std::cerr << fmt::format("{}: imported\n", d);
    return 0;
  });
}

void register_new_version(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("new-version",
                                  "Write next year's instrument from a version: every question continues its namesake, "
                                  "ready to edit");
  static std::string from, out, db;
  static int year = 0;
  cmd->add_option("--from", from, "The version to start from: an id (ehalsa-2022) or a file")->required();
  cmd->add_option("--year", year, "The new version's year")->required();
  cmd->add_option("--out", out, "Where to write the new YAML file")->required();
  cmd->add_option("--db", db, "Look the version up in this database first (else: bundled)");
  cli.on_run(cmd, [] {
    std::string text, name;
    if (file_exists(from)) {
      text = read_file(from);
      name = from;
    } else {
      Versions v(db);
      if (auto s = figures::version_source(v.store(), from)) text = *s;
      if (text.empty()) throw Error::bad_input(fmt::format("--from: no instrument file or version '{}'", from));
      name = from + ".yaml";
    }
    auto nv = instrument::next_version(text, name, year);
    if (file_exists(out)) throw Error::bad_input(fmt::format("{}: exists; not overwritten", out));
    std::ofstream f(out, std::ios::binary);
    f << nv.yaml;
    f.close();
    if (!f) throw Error::bad_input(fmt::format("{}: cannot write", out));
    for (const auto& n : nv.notes) std::cerr << out << ": " << n << "\n";
    std::cerr << fmt::format("{}: {} written ({} place(s) above still name an earlier year; check them)\n", out, nv.id,
                             nv.notes.size());
    return 0;
  });
}

void register_diff(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("diff",
                                  "What changed between two instrument versions (ids or files): questions added, "
                                  "dropped, reworded, changed");
  static std::string a, b, db, format;
  cmd->add_option("a", a, "The earlier version (id or file)")->required();
  cmd->add_option("b", b, "The later version (id or file)")->required();
  cmd->add_option("--db", db, "Look versions up in this database first (else: bundled)");
  add_format_option(cmd, format);
  cli.on_run(cmd, [] {
    Versions v(db);
    auto ia = v.resolve(a), ib = v.resolve(b);
    Rows rows{{"item", "change", "was", "detail"}, {}};
    for (const auto& c : instrument::diff(ia, ib))
      rows.rows.push_back({c.item, instrument::kind_name(c.kind), c.was, c.detail});
    print_rows(rows, format);
    std::cerr << fmt::format("{} → {}: {} change(s)\n", ia.id, ib.id, rows.rows.size());
    return 0;
  });
}

void register_errata(CLI::App* grp, Cli& cli) {
  auto* rec = grp->add_subcommand(
      "erratum", "Correct the wording of a stored version (labels, help texts, titles) without losing answers");
  static std::string db, file, note;
  add_db_option(rec, db);
  rec->add_option("file", file, "The stored version with its wording corrected (same id, nothing else changed)")
      ->required();
  rec->add_option("--note", note, "What was corrected and why (shown with the instrument and in the report)")
      ->required();
  cli.on_run(rec, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto changes = figures::record_erratum(*store, {file, read_file(file)}, note);
    for (const auto& c : changes) std::cerr << fmt::format("  {}: «{}» → «{}»\n", c.where, c.before.sv, c.after.sv);
    std::cerr << fmt::format("{}: erratum recorded ({} text(s) corrected)\n", file, changes.size());
    return 0;
  });
  auto* list = grp->add_subcommand("errata", "List the errata recorded for a version");
  static std::string db2, id, format;
  add_db_option(list, db2);
  add_format_option(list, format);
  list->add_option("id", id, "Instrument version id")->required();
  cli.on_run(list, [] {
    auto store = storage::open_sqlite(db2, {.create = false});
    Rows rows{{"recorded_at", "note", "where", "before", "after"}, {}};
    rows.formula_safe = true;
    for (const auto& e : store->instruments().errata(id))
      for (const auto& c : e.changes) rows.rows.push_back({e.recorded_at, e.note, c.where, c.before.sv, c.after.sv});
    print_rows(rows, format);
    return 0;
  });
}

}  // namespace

void register_instrument_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("instrument", "Work with instrument (questionnaire) files and versions");
  grp->require_subcommand(1);
  register_check(grp, cli);
  register_import(grp, cli);
  register_new_version(grp, cli);
  register_diff(grp, cli);
  register_errata(grp, cli);
}

}  // namespace dp::app
