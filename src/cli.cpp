// The command line: options, subcommands, help text and exit statuses.
//
// This is the only file that includes CLI11 (slow to compile). It turns the
// arguments into a request for one command and hands over to that command.
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "color.hpp"
#include "explain_command.hpp"
#include "output.hpp"

namespace dhcode {
namespace {

constexpr const char* kExitStatusHelp = R"(Exit status:
  0   every code was explained (a code that is in the registry)
  1   a code is not in the registry
  64  usage error: an unknown option or a missing argument
  65  bad input data: an argument that is not a code
  66  an input file cannot be opened or read
  74  writing the output failed
When several apply, the most severe wins: 74, then 66, then 65, then 1.)";

constexpr const char* kColorHelp =
    "colour text output: auto, always or never (default auto: only when stdout is a "
    "terminal, TERM is not 'dumb' and NO_COLOR is unset or empty; a non-empty "
    "CLICOLOR_FORCE or FORCE_COLOR turns it on; this option wins over all)";

ColorMode color_mode_named(const std::string& name) {
  if (name == "always") return ColorMode::always;
  if (name == "never") return ColorMode::never;
  return ColorMode::automatic;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Explains ZEGOCLOUD Digital Human server API return codes, offline.", "dhcode"};
  app.set_version_flag("--version", std::string("dhcode ") + DHCODE_VERSION,
                       "print the version and exit");
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  app.footer(kExitStatusHelp);

  bool json = false;
  std::string color_name = "auto";
  app.add_flag("--json", json, "print one JSON object per line instead of text (never coloured)");
  app.add_option("--color", color_name, kColorHelp)
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");

  ExplainRequest explain_request;
  CLI::App* explain = app.add_subcommand(
      "explain", "Print the meaning, recommended action and retry advice of each CODE.");
  explain->add_option("CODE", explain_request.arguments, "return codes, e.g. 400000008");
  explain->footer(R"(Examples:
  dhcode explain 400000008
  dhcode explain 100000004 400010009
  dhcode explain --json 400010002 | jq .retryable)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int status = app.exit(error);
    // Help and version are successes; every other parse error is a usage error.
    return status == 0 ? 0 : static_cast<int>(ExitStatus::usage);
  }

  bool color = !json && use_color(color_mode_named(color_name), read_color_environment());
  Output output;
  ExitStatus status = ExitStatus::ok;
  if (explain->parsed()) {
    explain_request.json = json;
    explain_request.color = color;
    status = run_explain(explain_request, output);
  }
  if (output.failed()) {
    report("cannot write the output");
    status = worse(status, ExitStatus::io_error);
  }
  return static_cast<int>(status);
}

}  // namespace dhcode
