#pragma once
// Parsing an enum from its stable name, for the enums whose names the database, files, URLs and
// forms spell as text (collection_state.h, mail_status.h, selfassess_status.h).
#include <cstddef>
#include <fmt/format.h>
#include <string>
#include <string_view>

#include "core/error.h"

namespace dp {

// The value of `all` whose to_string() is `text`; anything else throws dp::Error (BadInput)
// naming `what`, the value, the accepted names and `where`.
template <typename E, std::size_t N>
E parse_named(const E (&all)[N], std::string_view text, const char* what, const Location& where) {
  std::string names;
  for (E e : all) {
    if (text == to_string(e)) return e;
    names += (names.empty() ? "" : ", ") + std::string(to_string(e));
  }
  throw Error::bad_input(fmt::format("{} '{}' is not one of {}", what, text.substr(0, 40), names), where);
}

}  // namespace dp
