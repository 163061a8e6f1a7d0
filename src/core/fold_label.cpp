#include "core/fold_label.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/error.h"
#include "core/text.h"

namespace dp {

std::string fold_label(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(err);
  if (U_FAILURE(err) || !fold) throw Error::internal("ICU: no NFKC_Casefold normaliser");
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), (int32_t)s.size()));
  icu::UnicodeString folded = fold->normalize(in, err);
  if (U_FAILURE(err)) return trim(s);
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out.append((UChar)' ');
    space = false;
    out.append(c);
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

}  // namespace dp
