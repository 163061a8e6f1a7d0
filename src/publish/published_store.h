#pragma once
// PublishedData over the statistics store: published campaigns' computed values and the imported
// history, with the publication rules applied (published_data.h).
#include <functional>
#include <memory>
#include <string>

#include "publish/published_data.h"
#include "storage/store.h"

namespace dp::publish {

// `clock` gives the current UTC time (default: the system clock): a revision scheduled for later
// is not published until the clock reaches its time.
using Clock = std::function<std::string()>;
std::unique_ptr<PublishedData> make_published_data(storage::Store& store, Clock clock = {});

}  // namespace dp::publish
