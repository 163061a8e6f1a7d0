#pragma once
// Command-line plumbing shared by the command files (cli_*.cpp). Each file registers its commands
// on the root app; a command parses its options and calls into a module. Conventions
// (docs/cli.md): --help everywhere, --db defaults to $DIGIPULS_DB or ./digipuls.db, exit 0 on
// success, 1 on bad input, 2 on usage errors; messages on stderr, data on stdout.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace dp::app {

struct Cli {
  CLI::App& root;
  int& status;  // the exit status the chosen command sets

  // Wraps a command body: the body's return value becomes the exit status.
  void on_run(CLI::App* cmd, std::function<int()> body) {
    cmd->callback([this, body = std::move(body)] { status = body(); });
  }
};

// Adds --db with the documented default.
void add_db_option(CLI::App* cmd, std::string& db);

// Output format option: csv | json | table.
void add_format_option(CLI::App* cmd, std::string& format, const std::string& def = "table");

// Reads a whole file or "-" for stdin; throws dp::Error (BadInput) naming the file.
std::string read_file(const std::string& path);

// Writes progress to stderr ("\r  label  42 %") when stderr is a terminal or DIGIPULS_PROGRESS=1.
void progress(const std::string& label, size_t done, size_t total);

void register_instrument_commands(Cli& cli);
void register_registry_commands(Cli& cli);
void register_db_commands(Cli& cli);
void register_campaign_commands(Cli& cli);
void register_response_commands(Cli& cli);
void register_user_commands(Cli& cli);
void register_serve_command(Cli& cli);
void register_check_command(Cli& cli);
void register_stats_commands(Cli& cli);
void register_stats_checks(CLI::App* stats_group, Cli& cli);  // verify, audit-published
void register_selfassess_commands(Cli& cli);

}  // namespace dp::app
