#include "web/crypto.h"

#include <cstring>
#include <sodium.h>
#include <stdexcept>
#include <vector>

#include "core/error.h"

namespace dp::web {

static void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw Error::internal("libsodium failed to initialise");
}

std::string random_token(size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string token_digest(const std::string& token) {
  ensure_sodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool equal_constant_time(const std::string& a, const std::string& b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(const std::string& password) {
  ensure_sodium();
  const unsigned long long ops = 2;
  const size_t mem = 19u * 1024 * 1024;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw Error::internal("argon2id: out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& encoded, const std::string& password) {
  ensure_sodium();
  if (encoded.rfind("$argon2id$", 0) != 0 || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

}  // namespace dp::web
