#pragma once
// Accounts, sessions, invitations and sign-in throttling (collection issue). Filled in by the
// collection module's storage work.
namespace dp::storage {
class UserStore {
 public:
  virtual ~UserStore() = default;
};
}  // namespace dp::storage
