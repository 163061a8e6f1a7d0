#pragma once
// The one published-number type (docs/architecture.md, "Figures"): a key-figure cell's value in
// one group of one breakdown for one year, with its base, its marker and where it comes from.
// The engine computes the value part per group (FigureValue); the store keeps whole Figures
// (revisions and imported history) and converts them to rows only at its edge; report tables,
// pages and the API read Figures. Pure data.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "core/marker.h"
#include "core/text.h"

namespace dp {

// Where a published number stands.
struct FigureKey {
  std::string keyfigure;               // "K02"
  std::string cell;                    // "ifo.ks"; "" for a key figure with one unnamed cell
  std::string breakdown = "national";  // national | county | size_group | municipality | an attribute
  std::string group = "total";         // "total", a county code, a size group id, an organisation code
  int year = 0;

  friend auto operator<=>(const FigureKey&, const FigureKey&) = default;
};

// The number itself, as published: what is absent is not known or must not be shown.
struct FigureValue {
  std::optional<int64_t> n;      // the base (organisations counted; answers, for a pooled share);
                                 // absent where the cell was not asked or does not apply
  std::optional<int64_t> count;  // the numerator, for shares and counts; absent where the marker hides it
  std::optional<double> value;   // percent, count, sum, mean, median, ...; absent where the marker hides it
  Marker marker = Marker::None;
  int decimals = 0;  // the precision it is published with
};

enum class FigureOrigin : unsigned char {
  Computed,  // by a stored revision of a campaign (or computed now, not stored)
  History,   // a published table of an earlier report, imported
};

struct Figure : FigureValue {
  FigureKey key;
  FigureOrigin origin = FigureOrigin::Computed;
  int64_t campaign_id = 0;  // Computed: the campaign and its revision (0 = not stored)
  int revision = 0;
  std::string source;  // History: "Socialstyrelsen 2021, Tabell 21"
  I18n note;           // History: a note printed with the value
};

}  // namespace dp
