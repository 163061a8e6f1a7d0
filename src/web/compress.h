#pragma once
#include <optional>
#include <string>

namespace dp::web {

// gzip (RFC 1952) of data, or nullopt if zlib fails.
std::optional<std::string> gzip(const std::string& data, int level = 6);
// Whether a content type is worth compressing (text, JSON, SVG, CSV, JS).
bool compressible(const std::string& content_type);
// Strong ETag of a body: "\"<hex>\"" (BLAKE2b, 128 bits).
std::string etag_of(const std::string& body);

}  // namespace dp::web
