// stats_bench: the statistics engine against SQLite and DuckDB on the same data
// (docs/benchmarks.md). For each N organisations and Y years it generates the answers (the 2021
// instrument, synthetic municipalities beyond the real 290), then times
//   - the engine: every cell of every key figure × every breakdown × every year, on the columnar
//     datasets in memory;
//   - SQLite and DuckDB: GROUP BY over one long answers table (year, org, item, opt, num) joined
//     with the organisations, per breakdown: option counts, answered counts, bases and numeric
//     aggregates. These are the raw aggregates behind the simple cells (one option of one item),
//     a subset of what the engine computes; the derived cells are the engine's alone.
// Both peers read the same CSV files; the engine's option counts are checked against SQLite's
// cell by cell, and DuckDB's result rows against SQLite's by checksum.
// The SQL here is a benchmark peer's, not the product's (the product's SQL is in src/storage/).
#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/csv.h"
#include "core/resources.h"
#include "instrument/load.h"
#include "registry/model.h"
#include "stats/compute.h"
#include "stats/history.h"
#include "stats/keyfigures_load.h"
#include "stats/synthetic.h"

using namespace dp;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::vector<stats::OrgRecord> bundled_orgs() {
  auto scheme = registry::parse_size_groups(resources::require("data/registry/size_groups.yaml"), "size_groups.yaml");
  auto munis = csv::parse(resources::require("data/registry/municipalities.csv"), "municipalities.csv");
  auto attrs = csv::parse(resources::require("data/registry/attributes-2021.csv"), "attributes-2021.csv");
  std::map<std::string, std::map<std::string, std::string>> by_code;
  for (const auto& r : attrs.rows)
    for (size_t c = 2; c < attrs.header.size(); ++c) by_code[r.fields[1]][attrs.header[c]] = r.fields[c];
  std::vector<stats::OrgRecord> out;
  auto col = [&](const char* n) { return (size_t)munis.column(n); };
  for (const auto& r : munis.rows) {
    stats::OrgRecord o;
    o.code = r.fields[col("code")];
    o.name = r.fields[col("name")];
    o.county_code = r.fields[col("county_code")];
    o.county_name = r.fields[col("county_name")];
    o.population = std::stod(r.fields[col("pop_2019")]);
    o.size_group = scheme.group_of((long long)*o.population);
    for (size_t k = 0; k < scheme.groups.size(); ++k)
      if (scheme.groups[k].id == o.size_group) {
        o.size_group_label = scheme.groups[k].label;
        o.size_group_rank = (int)k;
      }
    o.skr_group = r.fields[col("skr_group_code")];
    o.skr_group_name = r.fields[col("skr_group_name")];
    o.attributes = by_code[o.code];
    out.push_back(o);
  }
  return out;
}

const std::vector<std::string> kBreakdowns = {
    "national", "county", "size_group", "skr_group", "stimulus_requisitioned", "home_health_care"};

// The aggregation queries of both SQL peers: per breakdown, option counts, answered counts,
// bases and numeric aggregates, GROUP BY over the long table.
std::string queries() {
  std::string q;
  for (const auto& b : kBreakdowns) {
    std::string join = "FROM answers a JOIN orgs o ON o.year = a.year AND o.org = a.org ";
    q += fmt::format(
        "SELECT a.year, o.{0}, a.item, a.opt, COUNT(*) {1}WHERE a.opt >= 0 GROUP BY a.year, o.{0}, a.item, a.opt;\n", b,
        join);
    q += fmt::format(
        "SELECT a.year, o.{0}, a.item, COUNT(DISTINCT a.org) {1}WHERE a.opt >= 0 GROUP BY a.year, o.{0}, a.item;\n", b,
        join);
    q += fmt::format("SELECT year, {0}, SUM(responded), COUNT(*) FROM orgs GROUP BY year, {0};\n", b);
    q += fmt::format(
        "SELECT a.year, o.{0}, a.item, COUNT(*), SUM(a.num), MIN(a.num), MAX(a.num) {1}WHERE a.opt < 0 "
        "GROUP BY a.year, o.{0}, a.item;\n",
        b, join);
  }
  return q;
}

struct Timing {
  size_t orgs = 0, years = 0, rows = 0, cells = 0, figures = 0;
  double generate_ms = 0, engine_ms = 0, sqlite_load_ms = -1, sqlite_ms = -1, duck_load_ms = -1, duck_ms = -1;
  std::string sqlite_checksum, duck_checksum;
  size_t checked = 0, mismatches = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {290, 10000, 100000};
  size_t years = 10, sqlite_max = 100000;
  uint64_t seed = 2021;
  std::string work = "bench/results/stats", duck_script;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--orgs") {
      sizes.clear();
      for (auto& s : split(next(), ',')) sizes.push_back(std::stoul(s));
    } else if (a == "--years") years = std::stoul(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--work") work = next();
    else if (a == "--duckdb") duck_script = next();
    else if (a == "--sqlite-max") sqlite_max = std::stoul(next());
    else {
      std::cerr << "usage: stats_bench [--orgs 290,10000,100000] [--years 10] [--seed S] [--work DIR] "
                   "[--duckdb bench/stats/duckdb_peer.mjs] [--sqlite-max N]\n";
      return 2;
    }
  }
  auto in = instrument::load_or_throw(resources::require("instruments/ehalsa-2021.yaml"), "ehalsa-2021.yaml");
  auto in22 = instrument::load_or_throw(resources::require("instruments/ehalsa-2022.yaml"), "ehalsa-2022.yaml");
  std::vector<std::pair<std::string, std::string>> hfiles;
  for (const auto& p : resources::list("data/history/"))
    if (p.size() > 4 && p.substr(p.size() - 4) == ".csv")
      hfiles.emplace_back(p.substr(p.rfind('/') + 1), resources::require(p));
  auto history = stats::parse_history(hfiles);
  auto kfs = stats::load_keyfigures_or_throw(resources::require("instruments/ehalsa.keyfigures.yaml"),
                                             "ehalsa.keyfigures.yaml", {&in, &in22}, &history);
  auto marginals = stats::marginals_from_history(kfs, stats::map_history(kfs, history), 2021);
  auto real = bundled_orgs();
  std::filesystem::create_directories(work);
  std::vector<Timing> results;

  for (size_t n : sizes) {
    Timing t;
    t.orgs = n;
    t.years = years;
    std::cerr << fmt::format("== {} organisations × {} years\n", n, years);
    auto orgs = stats::synthetic_orgs(real, n, seed);
    auto t0 = Clock::now();
    std::vector<stats::Dataset> data;
    for (size_t y = 0; y < years; ++y) {
      stats::SyntheticOptions o;
      o.seed = seed + y;
      o.maturity_drift = 0.12 * ((double)y - (double)(years - 1));
      o.free_text = false;
      data.push_back(stats::generate_dataset(in, orgs, marginals, o));
      data.back().year = 2021 - (int)(years - 1 - y);
    }
    t.generate_ms = ms_since(t0);

    // The engine: all key figures × all breakdowns × all years.
    stats::ComputeOptions copts;
    copts.breakdowns = kBreakdowns;
    std::vector<stats::Results> res;
    t0 = Clock::now();
    for (const auto& ds : data) res.push_back(stats::compute(kfs, ds, copts));
    t.engine_ms = ms_since(t0);
    t.cells = res.front().cells.size();
    t.figures = res.front().cells.size() * res.front().group_count() * years;
    std::cerr << fmt::format("  engine: {:.0f} ms for {} figures\n", t.engine_ms, t.figures);

    // The long table for the SQL peers.
    std::string dir = work + "/" + std::to_string(n);
    std::filesystem::create_directories(dir);
    std::map<std::string, int> item_id;
    for (const auto& col : data.front().items) item_id.emplace(col.key, (int)item_id.size());
    {
      std::ofstream orgs_csv(dir + "/orgs.csv"), ans(dir + "/answers.csv");
      orgs_csv << "year,org,responded,national,county,size_group,skr_group,stimulus_requisitioned,home_health_care\n";
      ans << "year,org,item,opt,num\n";
      for (const auto& ds : data) {
        auto code = [&](const char* attr, size_t i) { return ds.attr(attr)->codes[i]; };
        for (size_t i = 0; i < ds.size(); ++i) {
          orgs_csv << ds.year << ',' << i << ',' << (ds.responded.test(i) ? 1 : 0) << ",0," << code("county_code", i)
                   << ',' << code("size_group", i) << ',' << code("skr_group", i) << ','
                   << code("stimulus_requisitioned", i) << ',' << code("home_health_care", i) << '\n';
        }
        for (const auto& col : ds.items) {
          int id = item_id[col.key];
          for (size_t i = 0; i < ds.size(); ++i) {
            if (col.kind == stats::ItemColumn::Kind::Number) {
              if (!std::isnan(col.numbers[i])) {
                ans << ds.year << ',' << i << ',' << id << ",-1," << col.numbers[i] << '\n';
                ++t.rows;
              }
              continue;
            }
            for (uint64_t x = col.codes.get(i); x; x &= x - 1) {
              ans << ds.year << ',' << i << ',' << id << ',' << std::countr_zero(x) << ",\n";
              ++t.rows;
            }
          }
        }
      }
    }
    std::ofstream(dir + "/queries.sql") << queries();
    std::cerr << fmt::format("  long table: {} rows\n", t.rows);

    // SQLite: a file database, the same rows, the same queries.
    if (n <= sqlite_max) {
      std::string path = dir + "/bench.sqlite";
      std::filesystem::remove(path);
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec(
          "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = "
          "MEMORY");
      t0 = Clock::now();
      db.exec(
          "CREATE TABLE orgs(year INTEGER, org INTEGER, responded INTEGER, national INTEGER, county INTEGER, "
          "size_group INTEGER, skr_group INTEGER, stimulus_requisitioned INTEGER, home_health_care INTEGER, "
          "PRIMARY KEY (year, org)) WITHOUT ROWID");
      db.exec("CREATE TABLE answers(year INTEGER, org INTEGER, item INTEGER, opt INTEGER, num REAL)");
      {
        SQLite::Transaction tx(db);
        SQLite::Statement io(db, "INSERT INTO orgs VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        auto o = csv::parse(std::string(std::istreambuf_iterator<char>(std::ifstream(dir + "/orgs.csv").rdbuf()), {}),
                            "orgs.csv");
        for (const auto& r : o.rows) {
          io.reset();
          for (int c = 0; c < 9; ++c) io.bind(c + 1, (int64_t)std::stoll(r.fields[(size_t)c]));
          io.exec();
        }
        SQLite::Statement ia(db, "INSERT INTO answers VALUES(?, ?, ?, ?, ?)");
        std::ifstream f(dir + "/answers.csv");
        std::string line;
        std::getline(f, line);
        while (std::getline(f, line)) {
          auto p = split(line, ',');
          ia.reset();
          for (int c = 0; c < 4; ++c) ia.bind(c + 1, (int64_t)std::stoll(p[(size_t)c]));
          if (p.size() > 4 && !p[4].empty()) ia.bind(5, std::stod(p[4]));
          else ia.bind(5);
          ia.exec();
        }
        tx.commit();
      }
      t.sqlite_load_ms = ms_since(t0);
      // The engine's option counts of simple cells, to check SQLite's against.
      std::map<std::string, int64_t> sql_counts;
      __int128 checksum = 0;
      t0 = Clock::now();
      std::istringstream qs(queries());
      std::string q;
      size_t qi = 0;
      while (std::getline(qs, q)) {
        if (q.empty()) continue;
        q.pop_back();  // ';'
        SQLite::Statement st(db, q);
        size_t b = qi / 4, kind = qi % 4;
        while (st.executeStep()) {
          for (int c = 2; c < st.getColumnCount(); ++c) {
            auto col = st.getColumn(c);
            if (col.isNull()) continue;
            checksum += col.isInteger() ? col.getInt64() : (int64_t)std::llround(col.getDouble());
          }
          if (kind == 0)
            sql_counts[fmt::format("{}|{}|{}|{}|{}", st.getColumn(0).getInt(), kBreakdowns[b], st.getColumn(1).getInt(),
                                   st.getColumn(2).getInt(), st.getColumn(3).getInt())] = st.getColumn(4).getInt64();
        }
        ++qi;
      }
      t.sqlite_ms = ms_since(t0);
      t.sqlite_checksum = fmt::format("{}", (long long)checksum);
      // Check: every simple cell's count (an option of an item among respondents) equals SQLite's.
      for (size_t y = 0; y < years; ++y) {
        const auto& ds = data[y];
        for (const auto& c : res[y].cells) {
          const auto* cell = c.cell;
          if (cell->stat != stats::Stat::Share || !cell->count.expr || cell->base.where.expr ||
              hides_value(c.figures[0].marker) || cell->base.kind != stats::BaseKind::Respondents)
            continue;
          const auto& e = *cell->count.expr;
          if (e.op != instrument::Expr::Op::Has || e.args[0]->op != instrument::Expr::Op::Ref) continue;
          const auto* col = ds.item(e.args[0]->ref);
          if (!col) continue;
          int bit = col->option_bit(std::get<std::string>(e.args[1]->literal));
          for (size_t b = 0; b < res[y].breakdowns.size(); ++b) {
            const auto& bd = res[y].breakdowns[b];
            const auto* attr = bd.id == "national" ? nullptr : ds.attr(bd.id == "county" ? "county_code" : bd.id);
            for (size_t g = 0; g < bd.groups.size(); ++g) {
              int code = attr ? attr->code_of(bd.groups[g].code) : 0;
              auto key = fmt::format("{}|{}|{}|{}|{}", ds.year, bd.id, code, item_id[col->key], bit);
              auto it = sql_counts.find(key);
              int64_t sql = it == sql_counts.end() ? 0 : it->second;
              ++t.checked;
              if (sql != c.figures[res[y].offsets[b] + g].count.value_or(0)) ++t.mismatches;
            }
          }
        }
      }
      std::cerr << fmt::format("  sqlite: load {:.0f} ms, queries {:.0f} ms; {} engine figures checked, {} differ\n",
                               t.sqlite_load_ms, t.sqlite_ms, t.checked, t.mismatches);
    }

    if (!duck_script.empty()) {
      std::string cmd = fmt::format("node {} {} {}/queries.sql", duck_script, dir, dir);
      FILE* p = popen(cmd.c_str(), "r");
      std::string out;
      char buf[4096];
      while (p && fgets(buf, sizeof buf, p)) out += buf;
      if (p) pclose(p);
      auto brace = out.find('{');
      if (brace != std::string::npos) {
        auto grab = [&](const std::string& k) {
          auto at = out.find("\"" + k + "\":", brace);
          if (at == std::string::npos) return std::string();
          at += k.size() + 3;
          size_t end = out.find_first_of(",}", at);
          std::string v = out.substr(at, end - at);
          if (!v.empty() && v.front() == '"') v = v.substr(1, v.size() - 2);
          return v;
        };
        t.duck_load_ms = std::stod(grab("load_ms"));
        t.duck_ms = std::stod(grab("query_ms"));
        t.duck_checksum = grab("checksum");
        std::cerr << fmt::format("  duckdb: load {:.0f} ms, queries {:.0f} ms\n", t.duck_load_ms, t.duck_ms);
      } else {
        std::cerr << "  duckdb: no result (" << out.substr(0, 300) << ")\n";
      }
    }
    results.push_back(t);
    std::filesystem::remove(dir + "/answers.csv");
    std::filesystem::remove(dir + "/bench.sqlite");
  }

  // A markdown table on stdout, for docs/benchmarks.md.
  std::cout
      << "| organisations × years | key-figure cells | figures | long-table rows | engine ms | SQLite ms | DuckDB ms | "
         "SQLite / engine | DuckDB / engine | engine = SQLite | DuckDB = SQLite |\n";
  std::cout << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& t : results) {
    auto f = [](double v) { return v < 0 ? std::string("not run") : fmt::format("{:.0f}", v); };
    auto ratio = [&](double v) { return v < 0 ? std::string("–") : fmt::format("{:.1f}×", v / t.engine_ms); };
    std::string same = t.sqlite_ms < 0 ? "–"
                                       : (t.mismatches ? fmt::format("{} differ", t.mismatches)
                                                       : fmt::format("yes ({} counts)", t.checked));
    std::string dsame =
        t.duck_ms < 0 || t.sqlite_ms < 0 ? "–" : (t.duck_checksum == t.sqlite_checksum ? "yes (checksum)" : "NO");
    std::cout << fmt::format("| {} × {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", t.orgs, t.years,
                             t.cells, t.figures, t.rows, f(t.engine_ms), f(t.sqlite_ms), f(t.duck_ms),
                             ratio(t.sqlite_ms), ratio(t.duck_ms), same, dsame);
  }
  for (const auto& t : results)
    if (t.mismatches ||
        (!t.duck_checksum.empty() && !t.sqlite_checksum.empty() && t.duck_checksum != t.sqlite_checksum))
      return 1;
  return 0;
}
