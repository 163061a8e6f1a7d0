// Commands whose modules are being built; each moves to its own cli_*.cpp when it lands.
#include "app/cli.h"

namespace dp::app {
void register_campaign_list(CLI::App* grp, Cli& cli);
void register_campaign_admin(CLI::App* grp, Cli& cli);  // cli_campaign_admin.cpp
void register_campaign_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("campaigns", "Campaigns: an instrument version, a year and the organisations asked");
  grp->require_subcommand(1);
  register_campaign_list(grp, cli);
  register_campaign_admin(grp, cli);
}
void register_selfassess_commands(Cli&) {}
}  // namespace dp::app
