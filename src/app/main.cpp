// digipuls: one binary for the whole chain (instrument -> response -> key figure -> page/API).
// main only assembles the command line; every command lives in a cli_*.cpp file.
#include <iostream>
#include <spdlog/spdlog.h>

#include "app/cli.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App root{"Digipuls: national follow-up of e-health and welfare technology in municipalities"};
  root.require_subcommand(1);
  root.set_version_flag("--version", std::string("digipuls ") + DIGIPULS_VERSION);
  int status = 0;
  dp::app::Cli cli{root, status};
  dp::app::register_db_commands(cli);
  dp::app::register_registry_commands(cli);
  dp::app::register_instrument_commands(cli);
  dp::app::register_campaign_commands(cli);
  dp::app::register_response_commands(cli);
  dp::app::register_user_commands(cli);
  dp::app::register_stats_commands(cli);
  dp::app::register_selfassess_commands(cli);
  dp::app::register_serve_command(cli);
  dp::app::register_check_command(cli);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = root.exit(e);  // prints help or the usage error
    return rc == 0 ? 0 : 2;
  } catch (const dp::Error& e) {
    std::cerr << "digipuls: " << e.what() << "\n";
    return dp::exit_status(e.code());
  } catch (const std::exception& e) {
    std::cerr << "digipuls: internal error: " << e.what() << "\n";
    return 3;
  }
  return status;
}
