#pragma once
// Computed and historical key-figure values, revisions and publication (docs/statistics.md,
// "Revisions and history"). A computation of a campaign is stored as a numbered revision that is
// never changed afterwards; a correction makes a new revision with a note. One revision per
// campaign can be published; the public side reads only published revisions. A publication may be
// scheduled: its time (`published_at`) lies ahead, and until then it is not published as far as
// every `as_of` question is concerned ("" = now). History is the
// published national figures of earlier reports, imported with their source; a series takes a
// computed value where a campaign of that year has one, else the historical value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/figure.h"

namespace dp::storage {

struct StatRun {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int revision = 0;
  std::string computed_at;
  std::string note;
  std::string profile;       // disclosure profile
  std::string input_hash;    // of answers, declarations and profile: equal input, equal figures
  std::string published_at;  // "" = not published; a time ahead = scheduled for that moment
  std::string summary;       // JSON: respondents, suppression counts
  int64_t value_count = 0;
};

class StatsStore {
 public:
  virtual ~StatsStore() = default;

  // Stores a new revision of the campaign (the next number) with its figures (their keys and
  // values; the origin is the run), in one transaction.
  virtual StatRun add_run(const StatRun& run, const std::vector<Figure>& values) = 0;
  virtual std::vector<StatRun> runs(int64_t campaign_id) = 0;  // oldest first
  // revision 0: the latest.
  virtual std::optional<StatRun> run(int64_t campaign_id, int revision) = 0;
  // The revision published at `as_of` ("" = now): the one with the latest publication time not
  // after it. A revision scheduled for later is not it.
  virtual std::optional<StatRun> published_run(int64_t campaign_id, const std::string& as_of = "") = 0;
  // A revision's figures (origin Computed, with the run's campaign and revision).
  virtual std::vector<Figure> values(int64_t run_id) = 0;
  // Marks a revision as the published one of its campaign from `at` on ("" = now; a later time
  // schedules it). Earlier publications keep their date.
  virtual void publish_run(int64_t run_id, const std::string& at = "") = 0;
  // Clears the campaign's publications that lie after `as_of` (scheduled, so never public).
  virtual void withdraw_scheduled(int64_t campaign_id, const std::string& as_of) = 0;

  // Replaces all imported history (figures of origin History, with source and note) in one
  // transaction; returns the number of figures.
  virtual size_t replace_history(const std::vector<Figure>& history) = 0;
  virtual std::vector<Figure> history(const std::string& keyfigure = "") = 0;

  // One cell's series over the years: per year the computed value of that year's campaign
  // (published revisions only, as of `as_of`, or else the latest), otherwise the historical value.
  virtual std::vector<Figure> series(const std::string& keyfigure, const std::string& cell,
                                     const std::string& breakdown, const std::string& group, bool published_only,
                                     const std::string& as_of = "") = 0;
  // Every computed point (each campaign's chosen revision) and every historical point, for reports
  // that show several years at once.
  virtual std::vector<Figure> all_points(bool published_only, const std::string& as_of = "") = 0;

  // A stamp of everything published: it changes whenever a revision is published and whenever
  // the history is replaced, and is otherwise stable. Cheap (the public side asks every second to
  // know when its caches are stale). A scheduled publication changes it when its time comes.
  virtual std::string publication_stamp(const std::string& as_of = "") = 0;
  // When the published figures last changed (ISO 8601 UTC), "" when nothing is published.
  virtual std::string last_published_at(const std::string& as_of = "") = 0;
};

}  // namespace dp::storage
