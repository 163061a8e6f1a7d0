#include "publish/response_cache.h"

namespace dp::publish {

std::shared_ptr<const CachedResponse> ResponseCache::get(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

std::shared_ptr<const CachedResponse> ResponseCache::put(const std::string& key, CachedResponse entry) {
  auto ptr = std::make_shared<const CachedResponse>(std::move(entry));
  size_t size = ptr->bytes();
  if (size > max_bytes_ / 2) return ptr;
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->second->bytes();
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.emplace_front(key, ptr);
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    auto& last = lru_.back();
    bytes_ -= last.second->bytes();
    index_.erase(last.first);
    lru_.pop_back();
  }
  return ptr;
}

void ResponseCache::clear() {
  std::lock_guard lock(mu_);
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mu_);
  return index_.size();
}

}  // namespace dp::publish
