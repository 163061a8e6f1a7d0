#include "publish/cube.h"

#include <algorithm>
#include <stdexcept>

namespace dp::publish {

int Dimension::find(const std::string& id_) const {
  for (size_t i = 0; i < categories.size(); ++i)
    if (categories[i].id == id_) return (int)i;
  return -1;
}

void Cube::set_dimensions(std::vector<Dimension> dims) {
  dims_ = std::move(dims);
  size_t n = dims_.empty() ? 0 : 1;
  for (const auto& d : dims_) n *= d.categories.size();
  values_.assign(n, std::nullopt);
  status_.assign(n, std::string());
  decimals_.assign(n, -1);
}

std::vector<size_t> Cube::shape() const {
  std::vector<size_t> s;
  for (const auto& d : dims_) s.push_back(d.categories.size());
  return s;
}

size_t Cube::index(const std::vector<size_t>& c) const {
  if (c.size() != dims_.size()) throw std::out_of_range("cube index: wrong number of coordinates");
  size_t idx = 0;
  for (size_t i = 0; i < dims_.size(); ++i) {
    if (c[i] >= dims_[i].categories.size()) throw std::out_of_range("cube index: category out of range");
    idx = idx * dims_[i].categories.size() + c[i];
  }
  return idx;
}

std::vector<size_t> Cube::coords(size_t index) const {
  std::vector<size_t> c(dims_.size());
  for (size_t i = dims_.size(); i-- > 0;) {
    size_t n = dims_[i].categories.size();
    c[i] = index % n;
    index /= n;
  }
  return c;
}

void Cube::set(size_t index, std::optional<double> value, std::string status, int decimals) {
  values_.at(index) = value;
  status_.at(index) = std::move(status);
  decimals_.at(index) = (signed char)std::max(-1, std::min(decimals, 12));
}

int Cube::decimals(size_t index) const {
  if (decimals_[index] >= 0) return decimals_[index];
  auto c = coords(index);
  for (size_t i = 0; i < dims_.size(); ++i) {
    if (dims_[i].role != "metric") continue;
    const auto& cat = dims_[i].categories[c[i]];
    if (cat.unit) return cat.unit->decimals;
  }
  return 0;
}

Cube Cube::slice(size_t dim, size_t first, size_t count) const {
  if (dim >= dims_.size()) throw std::out_of_range("cube slice: no such dimension");
  Cube out;
  out.title = title;
  out.source = source;
  out.updated = updated;
  out.notes = notes;
  out.legend = legend;
  auto dims = dims_;
  auto& cats = dims[dim].categories;
  size_t end = std::min(cats.size(), first + count);
  first = std::min(first, end);
  cats = std::vector<Category>(cats.begin() + first, cats.begin() + end);
  out.set_dimensions(std::move(dims));
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = out.coords(i);
    c[dim] += first;
    size_t src = index(c);
    out.values_[i] = values_[src];
    out.status_[i] = status_[src];
    out.decimals_[i] = decimals_[src];
  }
  return out;
}

}  // namespace dp::publish
