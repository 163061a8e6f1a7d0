// StatsStore on SQLite: revisions (stat_runs), their figures (stat_values) and imported history
// (stat_history). Schema in schema_stats.cpp.
#include <map>

#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const char* kRunCols =
    "r.id, r.campaign_id, r.revision, r.computed_at, r.note, r.profile, r.input_hash, COALESCE(r.published_at, ''), "
    "r.summary, (SELECT COUNT(*) FROM stat_values v WHERE v.run_id = r.id)";

// "" = now: what is published is decided at a moment, and scheduled revisions wait for theirs.
std::string moment(const std::string& as_of) { return as_of.empty() ? now_utc() : as_of; }

StatRun read_run(SQLite::Statement& q) {
  StatRun r;
  r.id = q.getColumn(0).getInt64();
  r.campaign_id = q.getColumn(1).getInt64();
  r.revision = q.getColumn(2).getInt();
  r.computed_at = q.getColumn(3).getString();
  r.note = q.getColumn(4).getString();
  r.profile = q.getColumn(5).getString();
  r.input_hash = q.getColumn(6).getString();
  r.published_at = q.getColumn(7).getString();
  r.summary = q.getColumn(8).getString();
  r.value_count = q.getColumn(9).getInt64();
  return r;
}

template <class T>
void bind_opt(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v) s.bind(i, *v);
  else s.bind(i);
}

std::optional<int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::optional<double> opt_double(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getDouble();
}

// The edge between rows and Figures: markers are stored by their stable names.
constexpr const char* kFigureCols = "keyfigure, cell, breakdown, grp, year, n, count, value, marker, decimals";

// Reads the columns of kFigureCols, starting at `at`.
Figure read_figure(SQLite::Statement& q, int at, FigureOrigin origin) {
  Figure f;
  f.key.keyfigure = q.getColumn(at).getString();
  f.key.cell = q.getColumn(at + 1).getString();
  f.key.breakdown = q.getColumn(at + 2).getString();
  f.key.group = q.getColumn(at + 3).getString();
  f.key.year = q.getColumn(at + 4).getInt();
  f.n = opt_int(q.getColumn(at + 5));
  f.count = opt_int(q.getColumn(at + 6));
  f.value = opt_double(q.getColumn(at + 7));
  f.marker = parse_marker(q.getColumn(at + 8).getString()).value_or(Marker::None);
  f.decimals = q.getColumn(at + 9).getInt();
  f.origin = origin;
  return f;
}

// Binds the values of kFigureCols, starting at parameter `at`.
void bind_figure(SQLite::Statement& s, int at, const Figure& f) {
  s.bind(at, f.key.keyfigure);
  s.bind(at + 1, f.key.cell);
  s.bind(at + 2, f.key.breakdown);
  s.bind(at + 3, f.key.group);
  s.bind(at + 4, f.key.year);
  bind_opt(s, at + 5, f.n);
  bind_opt(s, at + 6, f.count);
  bind_opt(s, at + 7, f.value);
  s.bind(at + 8, marker_name(f.marker));
  s.bind(at + 9, f.decimals);
}

// A row of stat_history: the figure columns, then source, note_sv, note_en.
Figure read_history(SQLite::Statement& q) {
  Figure h = read_figure(q, 0, FigureOrigin::History);
  h.source = q.getColumn(10).getString();
  h.note.sv = q.getColumn(11).getString();
  h.note.en = q.getColumn(12).getString();
  return h;
}

// Binds keyfigure, cell, breakdown and group (not the year) from parameter `at` on.
void bind_cell(SQLite::Statement& s, int at, const FigureKey& k) {
  s.bind(at, k.keyfigure);
  s.bind(at + 1, k.cell);
  s.bind(at + 2, k.breakdown);
  s.bind(at + 3, k.group);
}

}  // namespace

StatRun SqliteStats::add_run(const StatRun& in, const std::vector<Figure>& values) {
  StatRun out = in;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement next(db, "SELECT COALESCE(MAX(revision), 0) + 1 FROM stat_runs WHERE campaign_id = ?");
    next.bind(1, in.campaign_id);
    next.executeStep();
    out.revision = next.getColumn(0).getInt();
    out.computed_at = in.computed_at.empty() ? now_utc() : in.computed_at;
    SQLite::Statement ins(
        db,
        "INSERT INTO stat_runs(campaign_id, revision, computed_at, note, profile, input_hash, summary) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, in.campaign_id);
    ins.bind(2, out.revision);
    ins.bind(3, out.computed_at);
    ins.bind(4, in.note);
    ins.bind(5, in.profile);
    ins.bind(6, in.input_hash);
    ins.bind(7, in.summary.empty() ? "{}" : in.summary);
    ins.exec();
    out.id = db.getLastInsertRowid();
    SQLite::Statement v(db, std::string("INSERT INTO stat_values(run_id, ") + kFigureCols +
                                ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& x : values) {
      v.reset();
      v.bind(1, out.id);
      bind_figure(v, 2, x);
      v.exec();
    }
    out.value_count = (int64_t)values.size();
  });
  return out;
}

std::vector<StatRun> SqliteStats::runs(int64_t campaign_id) {
  SQLite::Statement q(
      db_.conn(), std::string("SELECT ") + kRunCols + " FROM stat_runs r WHERE r.campaign_id = ? ORDER BY r.revision");
  q.bind(1, campaign_id);
  std::vector<StatRun> out;
  while (q.executeStep()) out.push_back(read_run(q));
  return out;
}

std::optional<StatRun> SqliteStats::run(int64_t campaign_id, int revision) {
  std::string sql = std::string("SELECT ") + kRunCols + " FROM stat_runs r WHERE r.campaign_id = ? " +
                    (revision > 0 ? "AND r.revision = ?" : "ORDER BY r.revision DESC LIMIT 1");
  SQLite::Statement q(db_.conn(), sql);
  q.bind(1, campaign_id);
  if (revision > 0) q.bind(2, revision);
  if (!q.executeStep()) return std::nullopt;
  return read_run(q);
}

std::optional<StatRun> SqliteStats::published_run(int64_t campaign_id, const std::string& as_of) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kRunCols +
                                      " FROM stat_runs r WHERE r.campaign_id = ? AND r.published_at IS NOT NULL "
                                      "AND r.published_at <= ? ORDER BY r.published_at DESC, r.revision DESC LIMIT 1");
  q.bind(1, campaign_id);
  q.bind(2, moment(as_of));
  if (!q.executeStep()) return std::nullopt;
  return read_run(q);
}

std::vector<Figure> SqliteStats::values(int64_t run_id) {
  SQLite::Statement q(db_.conn(),
                      "SELECT v.keyfigure, v.cell, v.breakdown, v.grp, v.year, v.n, v.count, v.value, v.marker, "
                      "v.decimals, r.campaign_id, r.revision FROM stat_values v JOIN stat_runs r ON r.id = v.run_id "
                      "WHERE v.run_id = ?");
  q.bind(1, run_id);
  std::vector<Figure> out;
  while (q.executeStep()) {
    Figure f = read_figure(q, 0, FigureOrigin::Computed);
    f.campaign_id = q.getColumn(10).getInt64();
    f.revision = q.getColumn(11).getInt();
    out.push_back(std::move(f));
  }
  return out;
}

void SqliteStats::publish_run(int64_t run_id, const std::string& at) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement u(db, "UPDATE stat_runs SET published_at = ? WHERE id = ?");
    u.bind(1, moment(at));
    u.bind(2, run_id);
    if (u.exec() != 1) throw Error::not_found("no stored revision " + std::to_string(run_id));
  });
}

void SqliteStats::withdraw_scheduled(int64_t campaign_id, const std::string& as_of) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement u(db, "UPDATE stat_runs SET published_at = NULL WHERE campaign_id = ? AND published_at > ?");
    u.bind(1, campaign_id);
    u.bind(2, moment(as_of));
    u.exec();
  });
}

size_t SqliteStats::replace_history(const std::vector<Figure>& history) {
  db_.write([&](SQLite::Database& db) {
    db.exec("DELETE FROM stat_history");
    SQLite::Statement ins(db, std::string("INSERT INTO stat_history(") + kFigureCols +
                                  ", source, note_sv, note_en) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& h : history) {
      ins.reset();
      bind_figure(ins, 1, h);
      ins.bind(11, h.source);
      ins.bind(12, h.note.sv);
      ins.bind(13, h.note.en);
      ins.exec();
    }
  });
  return history.size();
}

std::vector<Figure> SqliteStats::history(const std::string& keyfigure) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kFigureCols +
                                      ", source, note_sv, note_en FROM stat_history WHERE ?1 = '' OR keyfigure = ?1 "
                                      "ORDER BY keyfigure, cell, breakdown, grp, year");
  q.bind(1, keyfigure);
  std::vector<Figure> out;
  while (q.executeStep()) out.push_back(read_history(q));
  return out;
}

std::vector<Figure> SqliteStats::points(const FigureKey* cell, bool published_only, const std::string& as_of) {
  // Each campaign's chosen revision: the latest published one, or (for internal use) the latest.
  std::string filter = cell ? " AND v.keyfigure = ?2 AND v.cell = ?3 AND v.breakdown = ?4 AND v.grp = ?5" : "";
  std::string sql =
      "WITH chosen AS (SELECT r.id, r.campaign_id, r.revision FROM stat_runs r WHERE r.id = ("
      "  SELECT r2.id FROM stat_runs r2 WHERE r2.campaign_id = r.campaign_id AND (?1 = 0 OR r2.published_at <= ?6)"
      "  ORDER BY CASE WHEN ?1 = 0 THEN r2.revision ELSE 0 END DESC, r2.published_at DESC, r2.revision DESC LIMIT 1)) "
      "SELECT v.keyfigure, v.cell, v.breakdown, v.grp, v.year, v.n, v.count, v.value, v.marker, v.decimals, "
      "ch.campaign_id, ch.revision FROM stat_values v JOIN chosen ch ON ch.id = v.run_id WHERE 1 = 1" +
      filter;
  SQLite::Statement q(db_.conn(), sql);
  q.bind(1, published_only ? 1 : 0);
  if (cell) bind_cell(q, 2, *cell);
  q.bind(6, moment(as_of));
  std::vector<Figure> out;
  while (q.executeStep()) {
    Figure p = read_figure(q, 0, FigureOrigin::Computed);
    p.campaign_id = q.getColumn(10).getInt64();
    p.revision = q.getColumn(11).getInt();
    out.push_back(std::move(p));
  }
  std::string hsql = std::string("SELECT ") + kFigureCols +
                     ", source, note_sv, note_en FROM stat_history v WHERE 1 = 1" +
                     (cell ? " AND v.keyfigure = ?1 AND v.cell = ?2 AND v.breakdown = ?3 AND v.grp = ?4" : "");
  SQLite::Statement h(db_.conn(), hsql);
  if (cell) bind_cell(h, 1, *cell);
  while (h.executeStep()) out.push_back(read_history(h));
  return out;
}

std::vector<Figure> SqliteStats::series(const std::string& keyfigure, const std::string& cell,
                                        const std::string& breakdown, const std::string& group, bool published_only,
                                        const std::string& as_of) {
  // Per year, a computed value takes over from the historical one.
  std::map<int, Figure> by_year;
  FigureKey at{keyfigure, cell, breakdown, group, 0};
  for (auto& p : points(&at, published_only, as_of)) {
    auto it = by_year.find(p.key.year);
    if (it == by_year.end() || (it->second.origin == FigureOrigin::History && p.origin == FigureOrigin::Computed))
      by_year[p.key.year] = p;
  }
  std::vector<Figure> out;
  for (auto& [y, p] : by_year) out.push_back(std::move(p));
  return out;
}

std::vector<Figure> SqliteStats::all_points(bool published_only, const std::string& as_of) {
  return points(nullptr, published_only, as_of);
}

std::string SqliteStats::publication_stamp(const std::string& as_of) {
  // Published revisions (id and time: a republication changes the time), scheduled ones (the
  // calendar announces them), and a digest of the history (replace_history rewrites it whole).
  // A scheduled revision moves from the second list to the first when its time comes.
  SQLite::Statement q(
      db_.conn(),
      "SELECT (SELECT COALESCE(group_concat(id || '@' || published_at, ','), '') FROM "
      "(SELECT id, published_at FROM stat_runs WHERE published_at <= ?1 ORDER BY id)), "
      "(SELECT COALESCE(group_concat(id || '@' || published_at, ','), '') FROM "
      "(SELECT id, published_at FROM stat_runs WHERE published_at > ?1 ORDER BY id)), "
      "(SELECT COUNT(*) || ':' || COALESCE(SUM(year), 0) || ':' || printf('%.6f', COALESCE(SUM(value), 0)) "
      "FROM stat_history)");
  q.bind(1, moment(as_of));
  q.executeStep();
  return q.getColumn(0).getString() + "|next " + q.getColumn(1).getString() + "|" + q.getColumn(2).getString();
}

std::string SqliteStats::last_published_at(const std::string& as_of) {
  SQLite::Statement q(db_.conn(), "SELECT COALESCE(MAX(published_at), '') FROM stat_runs WHERE published_at <= ?");
  q.bind(1, moment(as_of));
  q.executeStep();
  return q.getColumn(0).getString();
}

}  // namespace dp::storage::sqlite
