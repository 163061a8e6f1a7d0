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

}  // namespace dp::storage::sqlite
