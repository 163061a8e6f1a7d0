#pragma once
// Large answers come in pages. A cube is cut along one dimension (the regions) into pages of
// whole categories, so every page is itself a complete JSON-stat dataset; row lists (the
// Kolada-shaped endpoint) are cut into pages of rows. Pages are numbered from 1.
#include <cstddef>

#include "publish/cube.h"

namespace dp::publish {

struct PageSpan {
  size_t page = 1;   // this page
  size_t pages = 1;  // number of pages (1 for an empty list)
  size_t first = 0;  // first item on this page
  size_t count = 0;  // items on this page
};

// Rows [first, first+count) of `total` on page `page` with `per_page` rows a page. Throws
// dp::Error (BadInput, field "page") when page is 0 or past the last page, and (field
// "per_page") when per_page is 0.
PageSpan page_of_rows(size_t total, size_t per_page, size_t page);

struct CubePage {
  Cube cube;
  PageSpan span;  // in categories of the cut dimension
};

// The page-th page of a cube cut along dimension `dim`, each page at most `max_cells` cells
// (but always at least one category). Throws like page_of_rows.
CubePage page_of_cube(const Cube& cube, size_t dim, size_t max_cells, size_t page);

}  // namespace dp::publish
