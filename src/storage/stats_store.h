#pragma once
// Computed and historical key-figure values, revisions and publication (docs/statistics.md,
// "Revisions and history"). A computation of a campaign is stored as a numbered revision that is
// never changed afterwards; a correction makes a new revision with a note. One revision per
// campaign can be published; the public side reads only published revisions. History is the
// published national figures of earlier reports, imported with their source; a series takes a
// computed value where a campaign of that year has one, else the historical value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dp::storage {

// One figure: a key-figure cell in one group of one breakdown, for one year.
struct StatValue {
  std::string keyfigure;
  std::string cell;
  std::string breakdown = "national";
  std::string group = "total";
  int year = 0;
  std::optional<int64_t> n;
  std::optional<int64_t> count;  // absent when withheld
  std::optional<double> value;   // absent when withheld or not available
  std::string marker;            // "" or a marker name (nil, rounds_to_zero, not_applicable, ...)
  int decimals = 0;
};

struct StatRun {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int revision = 0;
  std::string computed_at;
  std::string note;
  std::string profile;       // disclosure profile
  std::string input_hash;    // of answers, declarations and profile: equal input, equal figures
  std::string published_at;  // "" = not published
  std::string summary;       // JSON: respondents, suppression counts
  int64_t value_count = 0;
};

struct HistoryRecord {
  std::string keyfigure;
  std::string cell;
  std::string breakdown = "national";
  std::string group = "total";
  int year = 0;
  std::optional<int64_t> n;
  std::optional<int64_t> count;
  std::optional<double> value;
  std::string marker;
  int decimals = 0;
  std::string source;  // "Socialstyrelsen 2021, Tabell 21 (L1178)"
  std::string note_sv;
  std::string note_en;
};

// A point of a series: computed by a campaign's revision, or imported history.
struct SeriesPoint {
  StatValue value;
  std::string origin;  // computed | history
  int64_t campaign_id = 0;
  int revision = 0;
  std::string source;
};

class StatsStore {
 public:
  virtual ~StatsStore() = default;

  // Stores a new revision of the campaign (the next number) with its figures, in one transaction.
  virtual StatRun add_run(const StatRun& run, const std::vector<StatValue>& values) = 0;
  virtual std::vector<StatRun> runs(int64_t campaign_id) = 0;  // oldest first
  // revision 0: the latest.
  virtual std::optional<StatRun> run(int64_t campaign_id, int revision) = 0;
  virtual std::optional<StatRun> published_run(int64_t campaign_id) = 0;
  virtual std::vector<StatValue> values(int64_t run_id) = 0;
  // Marks a revision as the published one of its campaign (earlier publications keep their date).
  virtual void publish_run(int64_t run_id) = 0;

  // Replaces all imported history in one transaction; returns the number of records.
  virtual size_t replace_history(const std::vector<HistoryRecord>& records) = 0;
  virtual std::vector<HistoryRecord> history(const std::string& keyfigure = "") = 0;

  // One cell's series over the years: per year the computed value of that year's campaign
  // (published revisions only, or else the latest), otherwise the historical value.
  virtual std::vector<SeriesPoint> series(const std::string& keyfigure, const std::string& cell,
                                          const std::string& breakdown, const std::string& group,
                                          bool published_only) = 0;
  // Every computed point (each campaign's chosen revision) and every historical point, for reports
  // that show several years at once.
  virtual std::vector<SeriesPoint> all_points(bool published_only) = 0;
};

}  // namespace dp::storage
