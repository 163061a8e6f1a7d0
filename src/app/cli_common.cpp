#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "app/cli.h"
#include "core/error.h"

namespace dp::app {

void add_db_option(CLI::App* cmd, std::string& db) {
  const char* env = std::getenv("DIGIPULS_DB");
  db = (env && *env) ? env : "digipuls.db";
  cmd->add_option("--db", db, "SQLite database file (default: $DIGIPULS_DB or ./digipuls.db)")->capture_default_str();
}

void add_format_option(CLI::App* cmd, std::string& format, const std::string& def) {
  format = def;
  cmd->add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"csv", "json", "table"}))
      ->capture_default_str();
}

std::string read_file(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::bad_input("cannot read file", Location{path, 0, 0, {}});
  ss << in.rdbuf();
  return ss.str();
}

void progress(const std::string& label, size_t done, size_t total) {
  static const bool enabled =
      isatty(2) || (std::getenv("DIGIPULS_PROGRESS") && std::string(std::getenv("DIGIPULS_PROGRESS")) == "1");
  if (!enabled || total == 0) return;
  static int last = -1;
  int pct = (int)(100.0 * (double)done / (double)total);
  if (pct == last && done != total) return;
  last = pct;
  std::fprintf(stderr, "\r  %s %3d %%", label.c_str(), pct);
  if (done >= total) {
    std::fprintf(stderr, "\n");
    last = -1;
  }
  std::fflush(stderr);
}

}  // namespace dp::app
