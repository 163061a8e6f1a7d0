// Commands whose modules are being built; each moves to its own cli_*.cpp when it lands.
#include "app/cli.h"

namespace dp::app {
void register_registry_commands(Cli&) {}
void register_db_commands(Cli&) {}
void register_campaign_commands(Cli&) {}
void register_response_commands(Cli&) {}
void register_user_commands(Cli&) {}
void register_serve_command(Cli&) {}
void register_stats_commands(Cli&) {}
void register_selfassess_commands(Cli&) {}
}  // namespace dp::app
