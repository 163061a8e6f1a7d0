#include "web/crypto.h"

#include <argon2.h>
#include <sodium.h>

#include <cstring>
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
  unsigned char salt[16];
  randombytes_buf(salt, sizeof salt);
  const uint32_t t = 2, m = 19 * 1024, p = 1;
  size_t len = argon2_encodedlen(t, m, p, sizeof salt, 32, Argon2_id);
  std::string enc(len, '\0');
  int rc = argon2id_hash_encoded(t, m, p, password.data(), password.size(), salt, sizeof salt, 32, enc.data(), enc.size());
  if (rc != ARGON2_OK) throw Error::internal(std::string("argon2: ") + argon2_error_message(rc));
  enc.resize(std::strlen(enc.c_str()));
  return enc;
}

bool verify_password(const std::string& encoded, const std::string& password) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace dp::web
