#pragma once
// The digest of a computation's input (answers, statuses, organisation facts, declarations and
// disclosure profile): equal input, equal digest, whatever order the parts arrive in (answers
// come per organisation, organisations in storage order). Each part is hashed with BLAKE2b
// (libsodium) and the hashes are summed, so the sum does not depend on the order.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dp::figures {

class InputDigest {
 public:
  void add(std::string_view part);
  // 32 hex digits (a BLAKE2b digest of the sum).
  std::string hex() const;

 private:
  std::array<uint64_t, 4> sum_{};  // 256 bits, little-endian words
};

}  // namespace dp::figures
