#pragma once
// A data cube: the one shape every download and API answer is written from (JSON-stat, CSV,
// XLSX). Dimensions × categories, one value (or none) and one status per cell, stored row-major
// in the order of the dimensions (the last dimension varies fastest), as JSON-stat 2.0 lays it
// out. Labels are in both languages; writers pick one. Plain data: no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace dp::publish {

// The unit of a metric category (JSON-stat category.unit).
struct Unit {
  I18n label;          // «procent», «kommuner»
  int decimals = 0;    // decimals shown
  std::string symbol;  // "%" or ""
};

struct Category {
  std::string id;
  I18n label;
  std::optional<Unit> unit;  // metric dimensions only
};

struct Dimension {
  std::string id;  // "keyfigure", "region", "year"
  I18n label;
  std::string role;  // "", "time", "geo" or "metric" (JSON-stat roles)
  std::vector<Category> categories;

  // Index of a category id, or -1.
  int find(const std::string& id) const;
};

// What a status symbol means, for legends (JSON-stat extension, CSV/XLSX notes).
struct StatusLegend {
  std::string symbol;  // ".."
  std::string name;    // "not_available"
  I18n label;          // «Uppgift saknas»
};

class Cube {
 public:
  I18n title;
  std::string source;   // «Digipuls; Socialstyrelsen 2021 (historik)»
  std::string updated;  // ISO 8601 date-time of the data revision
  std::vector<I18n> notes;
  std::vector<StatusLegend> legend;

  // Sets the dimensions and clears the cells (all values absent, no status).
  void set_dimensions(std::vector<Dimension> dims);
  const std::vector<Dimension>& dimensions() const { return dims_; }

  size_t size() const { return values_.size(); }
  std::vector<size_t> shape() const;

  // Row-major index of a cell from one category index per dimension; throws std::out_of_range.
  size_t index(const std::vector<size_t>& coords) const;
  // The category indexes of a row-major index.
  std::vector<size_t> coords(size_t index) const;

  // decimals < 0: the unit's decimals.
  void set(size_t index, std::optional<double> value, std::string status = "", int decimals = -1);
  const std::optional<double>& value(size_t index) const { return values_[index]; }
  const std::string& status(size_t index) const { return status_[index]; }

  // The decimals of a cell: its own when set, else from the unit of its metric category, else 0.
  int decimals(size_t index) const;

  // A cube with the categories [first, first + count) of dimension `dim` only (for pages).
  Cube slice(size_t dim, size_t first, size_t count) const;

 private:
  std::vector<Dimension> dims_;
  std::vector<std::optional<double>> values_;
  std::vector<std::string> status_;
  std::vector<signed char> decimals_;
};

}  // namespace dp::publish
