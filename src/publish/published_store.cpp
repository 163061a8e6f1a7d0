#include "publish/published_store.h"

namespace dp::publish {

namespace {
// Until the statistics store exists (branch stats), nothing is published.
class NothingPublished : public PublishedData {
 public:
  std::string revision() override { return "0"; }
  std::string updated() override { return ""; }
  std::vector<KeyFigureMeta> keyfigures() override { return {}; }
  std::vector<PublishedValue> values(const ValueQuery&) override { return {}; }
};
}  // namespace

std::unique_ptr<PublishedData> make_published_data(storage::Store&) { return std::make_unique<NothingPublished>(); }

}  // namespace dp::publish
