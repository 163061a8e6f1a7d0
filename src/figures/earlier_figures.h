#pragma once
// Stored figures placed back into a computation's layout: what earlier published revisions said
// (the disclosure audit counts them as known) and where a stored revision's figures go.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "stats/compute.h"
#include "stats/disclosure_audit.h"
#include "storage/store.h"

namespace dp::figures {

using Coordinates =
    std::tuple<std::string, std::string, std::string, std::string>;  // key figure, cell, breakdown, group

// Where each stored figure goes in a computation's layout: (cell index, flat group).
std::map<Coordinates, std::pair<size_t, size_t>> layout_index(const stats::Results& r);

// The figures that revisions of the campaign published before `revision` (0: before any new one).
std::vector<stats::EarlierFigure> earlier_published(storage::Store& store, int64_t campaign_id, int revision,
                                                    const stats::Results& layout);

}  // namespace dp::figures
