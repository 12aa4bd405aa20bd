// Each subcommand registers itself from one function; main() holds the table of them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace lisbind::cli {

// Set by the subcommand's options; run after parsing. Returns the process exit code.
using CommandAction = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  // Adds options to `sub` and returns what to run when the user picked it.
  CommandAction (*setup)(CLI::App& sub);
  // Left out of --help: for lisbind's own scripts, not for users.
  bool hidden = false;
};

CommandAction setup_dump(CLI::App& sub);
CommandAction setup_gen(CLI::App& sub);
CommandAction setup_import(CLI::App& sub);
CommandAction setup_sync(CLI::App& sub);
CommandAction setup_status(CLI::App& sub);
CommandAction setup_remove(CLI::App& sub);
CommandAction setup_explain(CLI::App& sub);
CommandAction setup_verify(CLI::App& sub);
CommandAction setup_migrate(CLI::App& sub);
CommandAction setup_binding_name(CLI::App& sub);

}  // namespace lisbind::cli
