#pragma once
// Computed and historical key-figure values, revisions and publication.
namespace dp::storage {
class StatsStore {
 public:
  virtual ~StatsStore() = default;
};
}  // namespace dp::storage
