#pragma once
// Secrets: random tokens (libsodium), token digests for storage, constant-time comparison, and
// argon2id password hashes (libargon2).
#include <string>

namespace dp::web {

std::string random_token(size_t bytes = 32);  // URL-safe base64, no padding
std::string token_digest(const std::string& token);  // hex BLAKE2b-256: store this, never the token
bool equal_constant_time(const std::string& a, const std::string& b);

// argon2id with a random salt; parameters from OWASP's recommendation (19 MiB, t=2, p=1).
std::string hash_password(const std::string& password);
bool verify_password(const std::string& encoded_hash, const std::string& password);

}  // namespace dp::web
