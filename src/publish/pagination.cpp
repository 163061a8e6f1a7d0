#include "publish/pagination.h"

#include <string>

#include "api/params.h"
#include "core/error.h"

namespace dp::publish {

PageSpan page_of_rows(size_t total, size_t per_page, size_t page) {
  if (per_page == 0) throw api::bad_param("per_page", "per_page must be at least 1");
  PageSpan s;
  s.pages = total == 0 ? 1 : (total + per_page - 1) / per_page;
  if (page == 0 || page > s.pages)
    throw api::bad_param("page",
                         "page must be between 1 and " + std::to_string(s.pages) + ", not " + std::to_string(page));
  s.page = page;
  s.first = std::min(total, (page - 1) * per_page);
  s.count = std::min(per_page, total - s.first);
  return s;
}

CubePage page_of_cube(const Cube& cube, size_t dim, size_t max_cells, size_t page) {
  if (max_cells == 0) throw api::bad_param("per_page", "per_page must be at least 1");
  size_t n = cube.dimensions().at(dim).categories.size();
  size_t per_category = n == 0 ? 0 : cube.size() / n;
  size_t per_page = per_category == 0 ? std::max<size_t>(n, 1) : std::max<size_t>(1, max_cells / per_category);
  CubePage p;
  p.span = page_of_rows(n, per_page, page);
  p.cube = p.span.pages == 1 ? cube : cube.slice(dim, p.span.first, p.span.count);
  return p;
}

}  // namespace dp::publish
