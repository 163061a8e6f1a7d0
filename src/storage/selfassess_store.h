#pragma once
// Self-assessments, participants' ratings, agreed ratings, action plans.
namespace dp::storage {
class SelfAssessStore {
 public:
  virtual ~SelfAssessStore() = default;
};
}  // namespace dp::storage
