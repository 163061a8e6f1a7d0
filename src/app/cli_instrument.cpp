// digipuls instrument check FILE...
#include <iostream>

#include "app/cli.h"
#include "instrument/load.h"

namespace dp::app {

void register_instrument_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("instrument", "Work with instrument (questionnaire) files");
  grp->require_subcommand(1);

  auto* check = grp->add_subcommand("check", "Validate instrument files; prints every problem as file:line:column");
  static std::vector<std::string> files;
  // No CLI::ExistingFile check: a missing file is bad input (exit 1, like every other command), not a usage error.
  check->add_option("files", files, "Instrument YAML files")->required();
  cli.on_run(check, [] {
    int errors = 0, warnings = 0;
    for (const auto& f : files) {
      std::string text;
      try {
        text = read_file(f);
      } catch (const Error& e) {
        // Keep checking the other files; a missing one is an error like any other.
        std::cerr << e.what() << "\n";
        ++errors;
        continue;
      }
      auto res = instrument::load(text, f);
      for (const auto& d : res.diagnostics) {
        std::cerr << d.str() << "\n";
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
      }
      if (res.instrument)
        std::cout << f << ": ok (" << res.instrument->id << ", " << instrument::items(*res.instrument).size()
                  << " items)\n";
    }
    if (errors) std::cerr << errors << " error(s), " << warnings << " warning(s)\n";
    return errors ? 1 : 0;
  });
}

}  // namespace dp::app
