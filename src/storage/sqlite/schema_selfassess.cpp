#include "storage/sqlite/migrations.h"

namespace dp::storage::sqlite {

std::vector<Migration> selfassess_migrations() { return {}; }

}  // namespace dp::storage::sqlite
