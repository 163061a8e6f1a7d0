#include "web/compress.h"

#include <sodium.h>
#include <zlib.h>

namespace dp::web {

std::optional<std::string> gzip(const std::string& data, int level) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = (uInt)data.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = (uInt)out.size();
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(zs.total_out);
  return out;
}

bool compressible(const std::string& t) {
  return t.rfind("text/", 0) == 0 || t.find("json") != std::string::npos || t.find("svg") != std::string::npos ||
         t.find("javascript") != std::string::npos || t.find("csv") != std::string::npos;
}

std::string etag_of(const std::string& body) {
  static const bool init = sodium_init() >= 0;
  (void)init;
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string("\"") + hex + "\"";
}

}  // namespace dp::web
