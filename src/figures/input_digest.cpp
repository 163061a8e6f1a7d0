#include "figures/input_digest.h"

#include <cstring>
#include <fmt/format.h>
#include <sodium.h>

namespace dp::figures {

void InputDigest::add(std::string_view part) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(part.data()), part.size(), nullptr, 0);
  unsigned __int128 carry = 0;
  for (size_t w = 0; w < sum_.size(); ++w) {
    uint64_t word = 0;
    for (int b = 7; b >= 0; --b) word = word << 8 | h[w * 8 + (size_t)b];
    unsigned __int128 s = (unsigned __int128)sum_[w] + word + carry;
    sum_[w] = (uint64_t)s;
    carry = s >> 64;
  }
}

std::string InputDigest::hex() const {
  unsigned char bytes[32];
  for (size_t w = 0; w < sum_.size(); ++w)
    for (size_t b = 0; b < 8; ++b) bytes[w * 8 + b] = (unsigned char)(sum_[w] >> (8 * b));
  unsigned char d[16];
  crypto_generichash(d, sizeof d, bytes, sizeof bytes, nullptr, 0);
  std::string out;
  for (unsigned char c : d) out += fmt::format("{:02x}", c);
  return out;
}

}  // namespace dp::figures
