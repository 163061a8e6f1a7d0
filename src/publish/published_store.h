#pragma once
// PublishedData over the statistics store: published campaigns' computed values and the imported
// history, with the publication rules applied (published_data.h).
#include <memory>

#include "publish/published_data.h"
#include "storage/store.h"

namespace dp::publish {

std::unique_ptr<PublishedData> make_published_data(storage::Store& store);

}  // namespace dp::publish
