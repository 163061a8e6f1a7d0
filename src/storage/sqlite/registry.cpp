#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

// The registry as of a year (?1), with populations as of ?2, all organisations or one (?3). Each
// fact is the latest non-null value recorded at or before the year.
const char* kAsOf = R"SQL(
  SELECT o.code,
    COALESCE((SELECT kind FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.kind IS NOT NULL
              ORDER BY f.year DESC LIMIT 1), o.kind),
    (SELECT name FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.name IS NOT NULL
     ORDER BY f.year DESC LIMIT 1),
    (SELECT county_code FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.county_code IS NOT NULL
     ORDER BY f.year DESC LIMIT 1),
    (SELECT skr_group_code FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.skr_group_code IS NOT NULL
     ORDER BY f.year DESC LIMIT 1),
    (SELECT skr_group_name FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.skr_group_name IS NOT NULL
     ORDER BY f.year DESC LIMIT 1),
    COALESCE((SELECT active FROM org_facts f WHERE f.code = o.code AND f.year <= ?1 AND f.active IS NOT NULL
              ORDER BY f.year DESC LIMIT 1), 1),
    (SELECT population FROM populations p WHERE p.code = o.code AND p.year <= ?2 ORDER BY p.year DESC LIMIT 1),
    (SELECT year FROM populations p WHERE p.code = o.code AND p.year <= ?2 ORDER BY p.year DESC LIMIT 1)
  FROM organisations o
  WHERE EXISTS (SELECT 1 FROM org_facts f WHERE f.code = o.code AND f.year <= ?1) AND (?3 IS NULL OR o.code = ?3)
  ORDER BY o.code)SQL";

// Each attribute's latest value at or before the year (?1), of all organisations or one (?2).
const char* kAttributesAsOf = R"SQL(
  SELECT a.code, a.name, a.value FROM org_attributes a
  WHERE a.year = (SELECT MAX(b.year) FROM org_attributes b WHERE b.code = a.code AND b.name = a.name AND b.year <= ?1)
    AND (?2 IS NULL OR a.code = ?2))SQL";

const char* kUpsertFacts = R"SQL(
  INSERT INTO org_facts(code, year, kind, name, county_code, skr_group_code, skr_group_name, active)
  VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
  ON CONFLICT(code, year) DO UPDATE SET
    kind = COALESCE(excluded.kind, kind), name = COALESCE(excluded.name, name),
    county_code = COALESCE(excluded.county_code, county_code),
    skr_group_code = COALESCE(excluded.skr_group_code, skr_group_code),
    skr_group_name = COALESCE(excluded.skr_group_name, skr_group_name),
    active = COALESCE(excluded.active, active))SQL";

// Registry names and codes; the size group and the county name are filled in by the caller.
registry::Organisation read_organisation(Row& r) {
  registry::Organisation o;
  o.code = r.text();
  o.kind = r.text();
  o.name = r.text();
  o.county_code = r.text();
  o.skr_group_code = r.text();
  o.skr_group_name = r.text();
  o.active = r.flag();
  o.population = r.opt_int64();
  o.population_year = r.integer();
  return o;
}

}  // namespace

void SqliteRegistry::upsert_county(const registry::County& c) {
  db_.write([&](SQLite::Database& db) {
    run(db, "INSERT INTO counties(code, name) VALUES(?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name",
        c.code, c.name);
  });
}

std::vector<registry::County> SqliteRegistry::counties() {
  return all(db_.conn(), "SELECT code, name FROM counties ORDER BY code", [](Row& r) {
    registry::County c;
    c.code = r.text();
    c.name = r.text();
    return c;
  });
}

void SqliteRegistry::apply(const registry::ImportRecord& r) {
  db_.write([&](SQLite::Database& db) {
    if (number(db, "SELECT COUNT(*) FROM organisations WHERE code = ?", r.code) == 0) {
      if (!r.name)
        throw Error::bad_input(fmt::format("organisation {} is new: the row needs a name", r.code),
                               Location{"", r.line, 0, "name"});
      run(db, "INSERT INTO organisations(code, kind) VALUES(?, ?)", r.code, r.kind.value_or("municipality"));
    }
    if (r.kind || r.name || r.county_code || r.skr_group_code || r.skr_group_name || r.active)
      run(db, kUpsertFacts, r.code, r.year, r.kind, r.name, r.county_code, r.skr_group_code, r.skr_group_name,
          r.active);
    if (r.population)
      run(db,
          "INSERT INTO populations(code, year, population) VALUES(?, ?, ?) "
          "ON CONFLICT(code, year) DO UPDATE SET population = excluded.population",
          r.code, r.year, *r.population);
    for (const auto& [name, value] : r.attributes)
      run(db,
          "INSERT INTO org_attributes(code, year, name, value) VALUES(?, ?, ?, ?) "
          "ON CONFLICT(code, year, name) DO UPDATE SET value = excluded.value",
          r.code, r.year, name, value);
  });
}

std::vector<registry::Organisation> SqliteRegistry::query(const std::string* code, int year, int population_year,
                                                          const registry::SizeGroupScheme& scheme) {
  auto& db = db_.conn();
  std::optional<std::string> only = code ? std::optional<std::string>(*code) : std::nullopt;
  std::map<std::string, std::string> county_names;
  for (auto& c : counties()) county_names[c.code] = c.name;
  std::vector<registry::Organisation> out;
  std::map<std::string, size_t> index;
  for (auto& o : all(db, kAsOf, read_organisation, year, population_year, only)) {
    if (!o.active) continue;
    o.county_name = county_names.count(o.county_code) ? county_names[o.county_code] : "";
    if (o.population) o.size_group = scheme.group_of(*o.population);
    index[o.code] = out.size();
    out.push_back(std::move(o));
  }
  struct Attribute {
    std::string code, name, value;
  };
  auto attributes = all(
      db, kAttributesAsOf,
      [](Row& r) {
        Attribute a;
        a.code = r.text();
        a.name = r.text();
        a.value = r.text();
        return a;
      },
      year, only);
  for (auto& a : attributes)
    if (auto it = index.find(a.code); it != index.end()) out[it->second].attributes[a.name] = a.value;
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
  return all(
      db_.conn(),
      "SELECT year FROM org_facts UNION SELECT year FROM populations UNION SELECT year FROM org_attributes ORDER BY 1",
      [](Row& r) { return r.integer(); });
}

void SqliteRegistry::put_boundaries(const std::string& kind, const std::string& geojson) {
  db_.write([&](SQLite::Database& db) {
    run(db,
        "INSERT INTO boundaries(kind, geojson) VALUES(?, ?) ON CONFLICT(kind) DO UPDATE SET geojson = excluded.geojson",
        kind, geojson);
  });
}

std::optional<std::string> SqliteRegistry::boundaries(const std::string& kind) {
  return one(
      db_.conn(), "SELECT geojson FROM boundaries WHERE kind = ?", [](Row& r) { return r.text(); }, kind);
}

void SqliteRegistry::put_size_groups(const std::string& yaml_text) {
  registry::parse_size_groups(yaml_text, "size_groups.yaml");  // refuse a broken scheme
  db_.write([&](SQLite::Database& db) {
    run(db,
        "INSERT INTO settings(key, value) VALUES('size_groups', ?) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value",
        yaml_text);
  });
}

registry::SizeGroupScheme SqliteRegistry::size_groups() {
  auto text = one(db_.conn(), "SELECT value FROM settings WHERE key = 'size_groups'", [](Row& r) { return r.text(); });
  if (!text) throw Error::bad_input("the database has no size groups; run `digipuls init`");
  return registry::parse_size_groups(*text, "size_groups (database)");
}

}  // namespace dp::storage::sqlite
