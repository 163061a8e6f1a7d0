#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

void SqliteInstruments::put(const instrument::Instrument& in) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, R"SQL(
      INSERT INTO instruments(id, family, kind, year, previous, title_sv, title_en, source_file, source_text, loaded_at)
      VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET family = excluded.family, kind = excluded.kind, year = excluded.year,
        previous = excluded.previous, title_sv = excluded.title_sv, title_en = excluded.title_en,
        source_file = excluded.source_file, source_text = excluded.source_text, loaded_at = excluded.loaded_at)SQL");
    q.bind(1, in.id);
    q.bind(2, in.family);
    q.bind(3, in.kind == instrument::Kind::Maturity ? "maturity" : "survey");
    q.bind(4, in.year);
    q.bind(5, in.previous);
    q.bind(6, in.title.sv);
    q.bind(7, in.title.en);
    q.bind(8, in.source_file);
    q.bind(9, in.source_text);
    q.bind(10, now_utc());
    q.exec();
  });
}

std::vector<InstrumentInfo> SqliteInstruments::list() {
  SQLite::Statement q(db_.conn(), "SELECT id, family, kind, year, COALESCE(previous, ''), title_sv, title_en, "
                                  "source_file, loaded_at FROM instruments ORDER BY family, year, id");
  std::vector<InstrumentInfo> out;
  while (q.executeStep()) {
    InstrumentInfo i;
    i.id = q.getColumn(0).getString();
    i.family = q.getColumn(1).getString();
    i.kind = q.getColumn(2).getString();
    i.year = q.getColumn(3).getInt();
    i.previous = q.getColumn(4).getString();
    i.title = {q.getColumn(5).getString(), q.getColumn(6).getString()};
    i.source_file = q.getColumn(7).getString();
    i.loaded_at = q.getColumn(8).getString();
    out.push_back(i);
  }
  return out;
}

std::optional<std::string> SqliteInstruments::source(const std::string& id) {
  SQLite::Statement q(db_.conn(), "SELECT source_text FROM instruments WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace dp::storage::sqlite
