#pragma once
// Checks of published figures (docs/statistics.md, "Checking against what was published").
// audit_published: the published tables alone are consistent only if some microdata produce them;
// a cell no count can give is one no computation can reproduce. compare_with_published: every
// computed figure that has a published counterpart, as published (rounded) against as computed.
// Pure: figures in, findings out.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/figure.h"
#include "stats/keyfigures.h"

namespace dp::stats {

struct AuditFinding {
  FigureKey key;
  std::string source;  // «Socialstyrelsen 2021, Tabell 12»
  std::string
      rule;  // share | count_share | options_exceed_base | options_short_of_base | combined | size_groups | identity
  std::string message;
};

// The counts k with round(100·k/n) = value at `decimals` (halves up), as a closed interval; none
// if no count gives it.
std::optional<std::pair<int64_t, int64_t>> counts_giving(double value, int64_t n, int decimals);

// Published (history) figures of one family, as map_history gives them. Rules, for shares of
// organisations with a known base n: a share must be round(100·k/n) for an integer k; a printed
// count must give the printed share; the options of one single-choice item need at most n
// answers together, and exactly n when every option is printed; a combined category («totalt»
// of exclusive options) must be the share of the sum of its parts' counts; a national share lies
// within the range of its size groups' shares (a weighted mean), up to rounding.
std::vector<AuditFinding> audit_published(const KeyFigureSet& set, const std::vector<Figure>& published);

struct Comparison {
  FigureKey key;
  std::string what;       // value | n | count
  std::string published;  // as printed: "23", "5.8", "x"
  std::string computed;   // rounded as published; "" if nothing was computed
  std::string source;
  bool equal = false;
  bool flagged = false;  // the published cell is one audit_published finds unreproducible
};

using ComputedLookup = std::function<std::optional<FigureValue>(const FigureKey&)>;

// Compares every published figure of `year` that carries a value with the computed one at the
// same key, rounded to the published precision (shares from the exact count/n); and the published
// base and count where printed.
std::vector<Comparison> compare_with_published(const KeyFigureSet& set, const std::vector<Figure>& published, int year,
                                               const ComputedLookup& computed);

}  // namespace dp::stats
