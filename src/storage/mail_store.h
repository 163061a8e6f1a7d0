#pragma once
// The outbox: every message, its attempts and outcome.
namespace dp::storage {
class MailStore {
 public:
  virtual ~MailStore() = default;
};
}  // namespace dp::storage
