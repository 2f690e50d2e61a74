// The command line: options, subcommands, help text and exit statuses.
//
// This is the only file that includes CLI11 (slow to compile). It turns the
// arguments into a request for one command and hands over to that command.
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "check_command.hpp"
#include "color.hpp"
#include "explain_command.hpp"
#include "output.hpp"
#include "stats_command.hpp"

namespace dhcode {
namespace {

constexpr const char* kExitStatusHelp = R"(Exit status of explain and stats:
  0   everything was explained
  1   explain: a code is not in the registry
  64  usage error: an unknown option, a bad option value, nothing to read
  65  bad input data: an argument that is not a code, an unreadable record
  66  an input file cannot be opened or read
  74  writing the output failed
When several apply, the most severe wins: 74, then 66, then 65, then 1.
Exit status of check: see 'dhcode check --help'.)";

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
      "explain",
      "Print the meaning, recommended action and retry advice of each code, or of each "
      "response in files or on stdin.");
  explain->add_option("CODE|FILE", explain_request.arguments,
                      "return codes (400000008), files of responses, - for stdin; "
                      "with none, responses are read from stdin");
  explain->footer(R"(Arguments that start with a digit are codes; others are files.
Inputs may hold one response, a JSON array of them, NDJSON, objects one
after another, or log lines and `curl -i` output with responses in them.

Examples:
  dhcode explain 400000008
  dhcode explain 100000004 400010009
  dhcode explain --json 400010002 | jq .retryable
  curl -s "$url" | dhcode explain
  dhcode explain resp.json api.log
  tail -f app.log | dhcode explain)");

  CheckRequest check_request;
  CLI::App* check = app.add_subcommand(
      "check",
      "For scripts: an exit status that says whether the response succeeded, may "
      "succeed on retry, or failed.");
  check->add_option("FILE", check_request.inputs, "files of responses, - for stdin (default)");
  check->add_flag("-v,--verbose", check_request.verbose,
                  "print each response's explanation, and every problem on stderr");
  check->footer(R"(Exit status (with several responses, the worst wins):
  0   the response is a success (Code 0)
  75  a later retry of the same request can succeed (EX_TEMPFAIL)
  1   any other error code, known or not
  65  the input is not a readable response, or holds none
  66  an input file cannot be opened or read
  64  usage error

Examples:
  curl -s "$url" > resp.json; dhcode check resp.json && echo ok
  # retry while the answer says a retry can help
  for attempt in 1 2 3 4 5; do
    curl -s "$url" | dhcode check; status=$?
    [ "$status" -ne 75 ] && break
    sleep $((attempt * 2))
  done)");

  StatsRequest stats_request;
  CLI::App* stats = app.add_subcommand(
      "stats", "Count the codes in logs of responses: one row per code, most frequent first.");
  stats->add_option("FILE", stats_request.inputs, "log files, - for stdin (default)");
  stats->footer(R"(Retry column: yes, no, - for success, ? for a code not in the registry.

Examples:
  dhcode stats api.log
  dhcode stats --json api.log | jq '.codes[0]'
  journalctl -u myservice | dhcode stats)");

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
  } else if (check->parsed()) {
    check_request.json = json;
    check_request.color = color;
    status = run_check(check_request, output);
  } else if (stats->parsed()) {
    stats_request.json = json;
    stats_request.color = color;
    status = run_stats(stats_request, output);
  }
  if (output.failed()) {
    report("cannot write the output");
    status = worse(status, ExitStatus::io_error);
  }
  return static_cast<int>(status);
}

}  // namespace dhcode
