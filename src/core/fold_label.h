#pragma once
// Matching printed labels as people type them (a label-based microdata import).
#include <string>
#include <string_view>

namespace dp {

// A label folded for comparison: Unicode case folding with compatibility normalisation
// (NFKC_Casefold: "ÄLDREOMSORG" and "äldreomsorg" match), runs of white space (including U+00A0)
// as one space, none at either end.
std::string fold_label(std::string_view s);

}  // namespace dp
