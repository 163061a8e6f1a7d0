#include "storage/sqlite/migrations.h"

namespace dp::storage::sqlite {

std::vector<Migration> collection_migrations() { return {}; }

}  // namespace dp::storage::sqlite
