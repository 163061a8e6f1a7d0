#pragma once
// Encoded API answers kept in memory, keyed by the data revision, the language and the request
// URL, so that repeating a request does no query, no encoding, no hashing and no compression:
// the hot path is one lookup and one copy. Bounded by bytes (least recently used goes first).
// Thread-safe.
#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dp::publish {

struct CachedResponse {
  int status = 200;
  std::string content_type;
  // Shared, so that an answer is sent from the cache without a copy (web::Response::shared_body).
  std::shared_ptr<const std::string> body;                   // identity
  std::shared_ptr<const std::string> gzip;                   // gzip of body; null when not worth it
  std::string etag;                                          // strong ETag of body
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Link, Content-Disposition

  size_t bytes() const { return (body ? body->size() : 0) + (gzip ? gzip->size() : 0) + 256; }
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}

  std::shared_ptr<const CachedResponse> get(const std::string& key);
  // Stores an entry (replacing any under the same key) and returns it. Entries larger than
  // half the budget are returned without being stored.
  std::shared_ptr<const CachedResponse> put(const std::string& key, CachedResponse entry);
  void clear();

  size_t bytes() const;
  size_t entries() const;
  // Lookups that found an entry, and that did not (for the metrics).
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  using Lru = std::list<std::pair<std::string, std::shared_ptr<const CachedResponse>>>;
  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  Lru lru_;  // front = most recently used
  std::unordered_map<std::string, Lru::iterator> index_;
  std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace dp::publish
