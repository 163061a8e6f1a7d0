#pragma once
// Secrets: random tokens, token digests for storage, constant-time comparison, and argon2id
// password hashes, all from libsodium.
#include <string>

namespace dp::web {

std::string random_token(size_t bytes = 32);         // URL-safe base64, no padding
std::string token_digest(const std::string& token);  // hex BLAKE2b-256: store this, never the token
bool equal_constant_time(const std::string& a, const std::string& b);

// argon2id with a random salt; parameters from OWASP's recommendation (19 MiB, t=2, p=1), as a
// PHC string "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>". Hashes written by libargon2 (which
// Digipuls used before) have the same form and keep verifying.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& encoded_hash, const std::string& password);

// The hashing a sign-in uses, replaceable in tests (a counting hasher proves that every path
// through sign-in does the same work).
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual std::string hash(const std::string& password) const { return hash_password(password); }
  virtual bool verify(const std::string& encoded_hash, const std::string& password) const {
    return verify_password(encoded_hash, password);
  }
};

}  // namespace dp::web
