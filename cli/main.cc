#include <algorithm>
#include <filesystem>
#include <iostream>

#include "base/errors.h"
#include "cli/commands.h"
#include "lisbind/version.h"

namespace {

const lisbind::cli::Command kCommands[] = {
    {.name = "dump",
     .summary = "Load Go packages and the closure of packages their exported API references; print "
                "the API model",
     .setup = lisbind::cli::setup_dump},
    {.name = "gen",
     .summary =
         "Write Lisette typedefs (.d.lis) and a per-symbol ledger for Go packages into a directory",
     .setup = lisbind::cli::setup_gen},
    {.name = "import",
     .summary =
         "Bind Go modules into this Lisette project: lisette.toml, vendored typedefs, lis's cache",
     .setup = lisbind::cli::setup_import},
    {.name = "sync",
     .summary =
         "Reinstall the vendored bindings into lis's cache and refresh the stamp (no network)",
     .setup = lisbind::cli::setup_sync},
    {.name = "status",
     .summary = "Report drift between lisette.toml, the vendored bindings and lis's cache",
     .setup = lisbind::cli::setup_status},
    {.name = "remove",
     .summary = "Undo `lisbind import MODULE`",
     .setup = lisbind::cli::setup_remove},
    {.name = "explain",
     .summary = "Show how one Go symbol was bound: the rule and the evidence behind each decision",
     .setup = lisbind::cli::setup_explain},
    {.name = "verify",
     .summary =
         "Prove bindings against the Go compiler: probe programs that use every bound declaration",
     .setup = lisbind::cli::setup_verify},
    {.name = "migrate",
     .summary = "Migrate a Go codebase to Lisette one package at a time: `migrate check` proves a "
                "rewrite keeps the Go API",
     .setup = lisbind::cli::setup_migrate},
    {.name = "binding-name",
     .summary = "Print the name lis binds `import \"go:PATH\"` to, for each PATH",
     .setup = lisbind::cli::setup_binding_name,
     .hidden = true},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "lisbind: makes Go packages callable from Lisette.\n"
      "It reads the exported API of Go packages and writes Lisette typedefs (.d.lis) for them.",
      "lisbind"};
  app.set_version_flag("--version", std::string("lisbind ") + lisbind::kLisbindVersion +
                                        " (targets lis " + lisbind::kPinnedLisVersion + ")");
  app.require_subcommand(1);
  lisbind::cli::CommandAction chosen;
  for (const auto& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    if (command.hidden) sub->group("");
    auto action = command.setup(*sub);
    sub->callback([&chosen, action] { chosen = action; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return chosen ? chosen() : 0;
  } catch (const lisbind::UserError& e) {
    // One line, whatever a hostile file put into the message.
    std::string what;
    for (char c : std::string(e.what())) {
      if (c == '\n') {
        what += "\\n";
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        what += '?';
      } else {
        what += c;
      }
    }
    std::cerr << "lisbind: " << what << "\n";
    return 1;
  } catch (const std::filesystem::filesystem_error& e) {
    // A file-system failure nothing closer handled: say which file and what, in one line.
    std::cerr << "lisbind: " << e.code().message() << ": " << e.path1().string()
              << (e.path2().empty() ? std::string{} : " -> " + e.path2().string())
              << " (nothing else was changed after this step; `lisbind status` shows the state)\n";
    return 1;
  } catch (const std::exception& e) {
    std::string what = e.what();
    std::replace(what.begin(), what.end(), '\n', ' ');
    std::cerr << "lisbind: internal error: " << what << "\n";
    return 1;
  }
}
