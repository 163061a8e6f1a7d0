#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include "core/error.h"

namespace dp {

Lang parse_lang(std::string_view s, Lang fallback) {
  if (s == "sv") return Lang::sv;
  if (s == "en") return Lang::en;
  return fallback;
}

const char* lang_code(Lang l) { return l == Lang::en ? "en" : "sv"; }

static icu::Collator& swedish_collator() {
  // One collator per thread: ICU collators are not safe for concurrent use.
  thread_local std::unique_ptr<icu::Collator> coll = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("sv", "SE"), err));
    // ICU answers U_USING_FALLBACK_WARNING (sv_SE falls back to sv, which is right).
    if (U_FAILURE(err) || !c) throw Error::internal("ICU: no Swedish collator");
    return c;
  }();
  return *coll;
}

int collate_sv(std::string_view a, std::string_view b) {
  UErrorCode err = U_ZERO_ERROR;
  auto r = swedish_collator().compareUTF8(icu::StringPiece(a.data(), (int32_t)a.size()),
                                          icu::StringPiece(b.data(), (int32_t)b.size()), err);
  if (U_FAILURE(err)) return a.compare(b);
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

void sort_sv(std::vector<std::string>& v) {
  std::stable_sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) { return collate_sv(a, b) < 0; });
}

std::string format_number(double value, int decimals, Lang lang) {
  if (std::isnan(value)) return "";
  using namespace icu::number;
  UErrorCode err = U_ZERO_ERROR;
  icu::Locale loc = lang == Lang::sv ? icu::Locale("sv", "SE") : icu::Locale("en", "GB");
  // Half up, away from zero, as every published figure is rounded (docs/statistics.md,
  // "Rounding"); ICU's default is half to even.
  auto fmt =
      NumberFormatter::withLocale(loc).precision(Precision::fixedFraction(decimals)).roundingMode(UNUM_ROUND_HALFUP);
  auto formatted = fmt.formatDouble(value, err);
  std::string out;
  formatted.toString(err).toUTF8String(out);
  if (U_FAILURE(err)) return std::to_string(value);
  // ICU's Swedish minus is U+2212; keep ASCII so that copied numbers paste into spreadsheets.
  constexpr std::string_view minus = "\xE2\x88\x92";
  std::string ascii;
  ascii.reserve(out.size());
  for (size_t i = 0; i < out.size();) {
    if (std::string_view(out).substr(i, minus.size()) == minus) {
      ascii += '-';
      i += minus.size();
    } else {
      ascii += out[i++];
    }
  }
  return ascii;
}

std::string format_integer(long long value, Lang lang) { return format_number((double)value, 0, lang); }

std::optional<double> parse_number(std::string_view in) {
  std::string s;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = in[i];
    if (c == ' ' || c == '\t') continue;
    if (c == 0xC2 && i + 1 < in.size() && (unsigned char)in[i + 1] == 0xA0) {  // NBSP
      ++i;
      continue;
    }
    s += c == ',' ? '.' : (char)c;
  }
  if (s.empty() || s.size() > 40) return std::nullopt;
  size_t i = 0;
  if (s[i] == '-' || s[i] == '+') ++i;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return std::nullopt;
  }
  if (!digits) return std::nullopt;
  double v = std::strtod(s.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

}  // namespace dp
