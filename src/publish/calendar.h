#pragma once
// The view models of the publication calendar's notices on a key-figure page: coming publications
// ("upcoming") and the revisions published after a campaign's first publication, with the figures
// of this key figure whose published value changed ("revised").
#include <nlohmann/json.hpp>

#include "publish/published_data.h"
#include "publish/site.h"

namespace dp::publish {

nlohmann::json publication_notices(Site& site, const KeyFigureMeta& kf, Lang lang);

}  // namespace dp::publish
