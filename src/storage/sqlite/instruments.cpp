#include <nlohmann/json.hpp>

#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const char* kPut = R"SQL(
  INSERT INTO instruments(id, family, kind, year, previous, title_sv, title_en, source_file, source_text, loaded_at)
  VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET family = excluded.family, kind = excluded.kind, year = excluded.year,
    previous = excluded.previous, title_sv = excluded.title_sv, title_en = excluded.title_en,
    source_file = excluded.source_file, source_text = excluded.source_text, loaded_at = excluded.loaded_at)SQL";

InstrumentInfo read_info(Row& r) {
  InstrumentInfo i;
  i.id = r.text();
  i.family = r.text();
  i.kind = r.text();
  i.year = r.integer();
  i.previous = r.text();
  i.title.sv = r.text();
  i.title.en = r.text();
  i.source_file = r.text();
  i.loaded_at = r.text();
  return i;
}

}  // namespace

void SqliteInstruments::put(const instrument::Instrument& in) {
  db_.write([&](SQLite::Database& db) {
    run(db, kPut, in.id, in.family, in.kind == instrument::Kind::Maturity ? "maturity" : "survey", in.year, in.previous,
        in.title.sv, in.title.en, in.source_file, in.source_text, now_utc());
  });
}

std::vector<InstrumentInfo> SqliteInstruments::list() {
  return all(db_.conn(),
             "SELECT id, family, kind, year, COALESCE(previous, ''), title_sv, title_en, source_file, loaded_at "
             "FROM instruments ORDER BY family, year, id",
             read_info);
}

std::optional<std::string> SqliteInstruments::source(const std::string& id) {
  return one(
      db_.conn(), "SELECT source_text FROM instruments WHERE id = ?", [](Row& r) { return r.text(); }, id);
}

void SqliteInstruments::put_declaration(const std::string& name, const std::string& kind, const std::string& text) {
  db_.write([&](SQLite::Database& db) {
    run(db,
        "INSERT INTO declarations(name, kind, text, loaded_at) VALUES(?, ?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, text = excluded.text, loaded_at = excluded.loaded_at",
        name, kind, text, now_utc());
  });
}

std::optional<std::string> SqliteInstruments::declaration(const std::string& name) {
  return one(
      db_.conn(), "SELECT text FROM declarations WHERE name = ?", [](Row& r) { return r.text(); }, name);
}

std::vector<std::pair<std::string, std::string>> SqliteInstruments::declarations(const std::string& kind) {
  return all(
      db_.conn(), "SELECT name, text FROM declarations WHERE kind = ? ORDER BY name",
      [](Row& r) {
        auto name = r.text();
        return std::pair{name, r.text()};
      },
      kind);
}

namespace {

// The changes column: a JSON array of {"where", "before": {sv, en}, "after": {sv, en}}.
std::string encode_changes(const std::vector<instrument::TextChange>& changes) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : changes)
    list.push_back({{"where", c.where},
                    {"before", {{"sv", c.before.sv}, {"en", c.before.en}}},
                    {"after", {{"sv", c.after.sv}, {"en", c.after.en}}}});
  return list.dump();
}

std::vector<instrument::TextChange> decode_changes(const std::string& text) {
  std::vector<instrument::TextChange> out;
  for (const auto& c : nlohmann::json::parse(text)) {
    auto i18n = [&](const char* side) {
      const auto& t = c.at(side);
      return I18n{t.value("sv", ""), t.value("en", "")};
    };
    out.push_back({c.value("where", ""), i18n("before"), i18n("after")});
  }
  return out;
}

}  // namespace

void SqliteInstruments::record_erratum(const instrument::Instrument& corrected, const std::string& note,
                                       const std::vector<instrument::TextChange>& changes) {
  db_.write([&](SQLite::Database& db) {
    auto now = now_utc();
    run(db,
        "INSERT INTO instrument_errata(instrument_id, recorded_at, note, changes, before_text) "
        "SELECT id, ?, ?, ?, source_text FROM instruments WHERE id = ?",
        now, note, encode_changes(changes), corrected.id);
    run(db, "UPDATE instruments SET source_text = ?, title_sv = ?, title_en = ? WHERE id = ?", corrected.source_text,
        corrected.title.sv, corrected.title.en, corrected.id);
  });
}

std::vector<InstrumentErratum> SqliteInstruments::errata(const std::string& instrument_id) {
  return all(
      db_.conn(),
      "SELECT id, instrument_id, recorded_at, note, changes FROM instrument_errata WHERE instrument_id = ? ORDER BY id",
      [](Row& r) {
        InstrumentErratum e;
        e.id = r.integer();
        e.instrument_id = r.text();
        e.recorded_at = r.text();
        e.note = r.text();
        e.changes = decode_changes(r.text());
        return e;
      },
      instrument_id);
}

}  // namespace dp::storage::sqlite
