#pragma once
// The options of `digipuls serve`: every one a flag, and every one also a key of the config
// file's `server:` section (the flag's name without "--", '-' or '_'), for a service manager
// that starts the program with one fixed command line (packaging/digipuls.yaml documents them).
// A flag given on the command line wins over the file.
#include <CLI/CLI.hpp>
#include <string>

#include "collection/auth.h"
#include "web/app.h"
#include "web/logging.h"

namespace dp::app {

struct ServeOptions {
  web::Config web;
  web::LogOptions logs;
  std::string api_rate_limit = "30/10";
  std::string heavy_rate_limit = "20/10";
  collection::AuthPolicy signin;
};

void add_serve_options(CLI::App* serve, ServeOptions& o);

// Applies the `server:` section of a YAML config file to the options not given as flags.
// Throws dp::Error (BadInput) naming the file, line and key of an unknown key or a bad value.
void apply_server_section(CLI::App* serve, const std::string& path);

// The sign-in rules in force (one window for both of its limits).
inline collection::AuthPolicy signin_policy(const ServeOptions& o) {
  auto p = o.signin;
  p.ip_window_seconds = p.address_window_seconds;
  return p;
}

}  // namespace dp::app
