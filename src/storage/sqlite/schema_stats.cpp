#include "storage/sqlite/migrations.h"

namespace dp::storage::sqlite {

std::vector<Migration> stats_migrations() { return {}; }

}  // namespace dp::storage::sqlite
