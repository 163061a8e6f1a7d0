#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

void SqliteRegistry::upsert_county(const registry::County& c) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO counties(code, name) VALUES(?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name");
    q.bind(1, c.code);
    q.bind(2, c.name);
    q.exec();
  });
}

std::vector<registry::County> SqliteRegistry::counties() {
  SQLite::Statement q(db_.conn(), "SELECT code, name FROM counties ORDER BY code");
  std::vector<registry::County> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

static void bind_opt(SQLite::Statement& q, int i, const std::optional<std::string>& v) {
  if (v) q.bind(i, *v);
  else q.bind(i);
}

void SqliteRegistry::apply(const registry::ImportRecord& r) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement exists(db, "SELECT 1 FROM organisations WHERE code = ?");
    exists.bind(1, r.code);
    if (!exists.executeStep()) {
      if (!r.name)
        throw Error::bad_input(fmt::format("organisation {} is new: the row needs a name", r.code),
                               Location{"", r.line, 0, "name"});
      SQLite::Statement ins(db, "INSERT INTO organisations(code, kind) VALUES(?, ?)");
      ins.bind(1, r.code);
      ins.bind(2, r.kind.value_or("municipality"));
      ins.exec();
    }
    if (r.kind || r.name || r.county_code || r.skr_group_code || r.skr_group_name || r.active) {
      SQLite::Statement f(db, R"SQL(
        INSERT INTO org_facts(code, year, kind, name, county_code, skr_group_code, skr_group_name, active)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(code, year) DO UPDATE SET
          kind = COALESCE(excluded.kind, kind), name = COALESCE(excluded.name, name),
          county_code = COALESCE(excluded.county_code, county_code),
          skr_group_code = COALESCE(excluded.skr_group_code, skr_group_code),
          skr_group_name = COALESCE(excluded.skr_group_name, skr_group_name),
          active = COALESCE(excluded.active, active))SQL");
      f.bind(1, r.code);
      f.bind(2, r.year);
      bind_opt(f, 3, r.kind);
      bind_opt(f, 4, r.name);
      bind_opt(f, 5, r.county_code);
      bind_opt(f, 6, r.skr_group_code);
      bind_opt(f, 7, r.skr_group_name);
      if (r.active) f.bind(8, *r.active ? 1 : 0);
      else f.bind(8);
      f.exec();
    }
    if (r.population) {
      SQLite::Statement p(db, "INSERT INTO populations(code, year, population) VALUES(?, ?, ?) "
                              "ON CONFLICT(code, year) DO UPDATE SET population = excluded.population");
      p.bind(1, r.code);
      p.bind(2, r.year);
      p.bind(3, (int64_t)*r.population);
      p.exec();
    }
    for (const auto& [name, value] : r.attributes) {
      SQLite::Statement a(db, "INSERT INTO org_attributes(code, year, name, value) VALUES(?, ?, ?, ?) "
                              "ON CONFLICT(code, year, name) DO UPDATE SET value = excluded.value");
      a.bind(1, r.code);
      a.bind(2, r.year);
      a.bind(3, name);
      a.bind(4, value);
      a.exec();
    }
  });
}

std::vector<registry::Organisation> SqliteRegistry::query(const std::string* code, int year, int population_year,
                                                          const registry::SizeGroupScheme& scheme) {
  auto& db = db_.conn();
  // Each fact is the latest non-null value recorded at or before the year.
  auto fact = [](const char* col) {
    return fmt::format("(SELECT {0} FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.{0} IS NOT NULL "
                       "ORDER BY f.year DESC LIMIT 1)",
                       col);
  };
  std::string sql = fmt::format(
      "SELECT o.code, COALESCE({}, o.kind), {}, {}, {}, {}, COALESCE({}, 1), "
      "(SELECT population FROM populations p WHERE p.code = o.code AND p.year <= ?2 ORDER BY p.year DESC LIMIT 1), "
      "(SELECT year FROM populations p WHERE p.code = o.code AND p.year <= ?2 ORDER BY p.year DESC LIMIT 1) "
      "FROM organisations o WHERE EXISTS (SELECT 1 FROM org_facts f WHERE f.code = o.code AND f.year <= ?1) {} "
      "ORDER BY o.code",
      fact("kind"), fact("name"), fact("county_code"), fact("skr_group_code"), fact("skr_group_name"), fact("active"),
      code ? "AND o.code = ?3" : "");
  SQLite::Statement q(db, sql);
  q.bind(1, year);
  q.bind(2, population_year);
  if (code) q.bind(3, *code);
  std::map<std::string, std::string> county_names;
  for (auto& c : counties()) county_names[c.code] = c.name;
  std::vector<registry::Organisation> out;
  std::map<std::string, size_t> index;
  while (q.executeStep()) {
    registry::Organisation o;
    o.code = q.getColumn(0).getString();
    o.kind = q.getColumn(1).getString();
    o.name = q.getColumn(2).getString();
    o.county_code = q.getColumn(3).getString();
    o.county_name = county_names.count(o.county_code) ? county_names[o.county_code] : "";
    o.skr_group_code = q.getColumn(4).getString();
    o.skr_group_name = q.getColumn(5).getString();
    o.active = q.getColumn(6).getInt() != 0;
    if (!q.getColumn(7).isNull()) {
      o.population = q.getColumn(7).getInt64();
      o.population_year = q.getColumn(8).getInt();
      o.size_group = scheme.group_of(*o.population);
    }
    if (!o.active) continue;
    index[o.code] = out.size();
    out.push_back(std::move(o));
  }
  SQLite::Statement a(db, std::string("SELECT a.code, a.name, a.value FROM org_attributes a "
                                      "WHERE a.year = (SELECT MAX(b.year) FROM org_attributes b WHERE b.code = a.code "
                                      "AND b.name = a.name AND b.year <= ?1)") +
                              (code ? " AND a.code = ?2" : ""));
  a.bind(1, year);
  if (code) a.bind(2, *code);
  while (a.executeStep()) {
    auto it = index.find(a.getColumn(0).getString());
    if (it != index.end()) out[it->second].attributes[a.getColumn(1).getString()] = a.getColumn(2).getString();
  }
  return out;
}

std::vector<registry::Organisation> SqliteRegistry::list(int year, int population_year,
                                                         const registry::SizeGroupScheme& scheme) {
  return query(nullptr, year, population_year, scheme);
}

std::optional<registry::Organisation> SqliteRegistry::find(const std::string& code, int year, int population_year,
                                                           const registry::SizeGroupScheme& scheme) {
  auto v = query(&code, year, population_year, scheme);
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::vector<int> SqliteRegistry::years() {
  SQLite::Statement q(db_.conn(), "SELECT year FROM org_facts UNION SELECT year FROM populations "
                                  "UNION SELECT year FROM org_attributes ORDER BY 1");
  std::vector<int> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt());
  return out;
}

void SqliteRegistry::put_boundaries(const std::string& kind, const std::string& geojson) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO boundaries(kind, geojson) VALUES(?, ?) "
                            "ON CONFLICT(kind) DO UPDATE SET geojson = excluded.geojson");
    q.bind(1, kind);
    q.bind(2, geojson);
    q.exec();
  });
}

std::optional<std::string> SqliteRegistry::boundaries(const std::string& kind) {
  SQLite::Statement q(db_.conn(), "SELECT geojson FROM boundaries WHERE kind = ?");
  q.bind(1, kind);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void SqliteRegistry::put_size_groups(const std::string& yaml_text) {
  registry::parse_size_groups(yaml_text, "size_groups.yaml");  // refuse a broken scheme
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "INSERT INTO settings(key, value) VALUES('size_groups', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, yaml_text);
    q.exec();
  });
}

registry::SizeGroupScheme SqliteRegistry::size_groups() {
  SQLite::Statement q(db_.conn(), "SELECT value FROM settings WHERE key = 'size_groups'");
  if (!q.executeStep()) throw Error::bad_input("the database has no size groups; run `digipuls init`");
  return registry::parse_size_groups(q.getColumn(0).getString(), "size_groups (database)");
}

}  // namespace dp::storage::sqlite
