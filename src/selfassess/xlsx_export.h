#pragma once
// Export of one assessment as an XLSX workbook: results per dimension, every indicator with its
// agreed rating, comment and evidence (LIKA did not export comments; we do), and the action plan.
#include <functional>
#include <string>
#include <vector>

#include "selfassess/context.h"

namespace dp::selfassess {

// Returns the workbook's bytes. Labels in the given language.
std::string export_xlsx(const Loaded& l, const std::vector<storage::PlanItem>& plan, Lang lang,
                        const std::function<std::string(const std::string&)>& t);

}  // namespace dp::selfassess
