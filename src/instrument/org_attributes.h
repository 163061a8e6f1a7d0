#pragma once
// The attributes a condition sees as org.<name>: the registry's built-in facts plus the declared
// attributes, typed as the instrument declares them. A campaign can override attribute values
// (e.g. which municipalities requisitioned stimulus funds this year).
#include <map>
#include <string>

#include "instrument/model.h"
#include "instrument/visibility.h"
#include "registry/model.h"

namespace dp::instrument {

OrgAttributes org_attributes(const registry::Organisation& org, const std::map<std::string, std::string>& overrides,
                             const Instrument& in);

// Reads a raw registry value as the declared type ("true"/"ja"/"1" for bool, numbers for number).
Scalar typed_value(const std::string& raw, const std::string& type);

}  // namespace dp::instrument
