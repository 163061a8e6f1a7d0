#pragma once
// Language-aware text: labels in Swedish and English, Swedish collation (Å, Ä, Ö last) and
// Swedish number formatting (decimal comma, space between thousands), all through ICU.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp {

enum class Lang { sv, en };

Lang parse_lang(std::string_view s, Lang fallback = Lang::sv);
const char* lang_code(Lang l);

// A label in both languages. English falls back to Swedish when it is missing.
struct I18n {
  std::string sv;
  std::string en;

  const std::string& get(Lang l) const { return (l == Lang::en && !en.empty()) ? en : sv; }
  bool empty() const { return sv.empty() && en.empty(); }
};

// Compare two UTF-8 strings the Swedish way. Thread-safe.
int collate_sv(std::string_view a, std::string_view b);
void sort_sv(std::vector<std::string>& v);

// Sort any range by a UTF-8 key, the Swedish way.
template <class It, class KeyFn>
void sort_sv_by(It first, It last, KeyFn key) {
  std::stable_sort(first, last, [&](const auto& a, const auto& b) { return collate_sv(key(a), key(b)) < 0; });
}

// "12 345,6" (sv) or "12,345.6" (en). Uses U+00A0 as the Swedish group separator so that
// numbers never break across lines, and the ASCII hyphen-minus for negatives.
std::string format_number(double value, int decimals, Lang lang);
std::string format_integer(long long value, Lang lang);

// Strict number parsing for user input: accepts "12", "12.5", "12,5", "-3", " 1 234,5 " (spaces
// and U+00A0 as group separators). Returns nullopt for anything else.
std::optional<double> parse_number(std::string_view s);

// True when s is well-formed UTF-8 without NUL bytes.
bool valid_utf8(std::string_view s);

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string to_lower_ascii(std::string_view s);

}  // namespace dp
