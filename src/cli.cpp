// The command line: options, subcommands, help text and exit statuses.
//
// This is the only file that includes CLI11 (slow to compile). It turns the
// arguments into a request for one command and hands over to that command.
#include "cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check_command.hpp"
#include "color.hpp"
#include "completions.hpp"
#include "explain_command.hpp"
#include "list_command.hpp"
#include "output.hpp"
#include "overlay.hpp"
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
  78  a registry overlay is broken (nothing is done)
When several apply, the most severe wins: 74, then 66, then 65, then 1.
list and search: 0, or 1 when nothing matches.
Exit status of check: see 'dhcode check --help'.

Environment:
  NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR, TERM   see --color
  DHCODE_REGISTRY   registry overlay files to load, separated by ':'
  XDG_CONFIG_HOME   $XDG_CONFIG_HOME/dhcode/registry.json (default
                    ~/.config/dhcode/registry.json) is loaded when present)";

constexpr const char* kColorHelp =
    "colour text output: auto, always or never (default auto: only when stdout is a "
    "terminal, TERM is not 'dumb' and NO_COLOR is unset or empty; a non-empty "
    "CLICOLOR_FORCE or FORCE_COLOR turns it on; this option wins over all)";

// The completion scripts are derived from the command line as defined here,
// so a new option or value reaches every shell.
CompletionSpec completion_spec(const CLI::App& app,
                               const std::map<std::string, std::vector<std::string>>& values) {
  auto options_of = [&](const CLI::App& command) {
    std::vector<CompletionOption> options;
    for (const CLI::Option* option : command.get_options()) {
      // Positionals are completed apart; --help is a global option already.
      if (option->get_positional() || (&command != &app && option->check_lname("help"))) continue;
      CompletionOption out;
      for (const std::string& name : option->get_snames()) out.names.push_back("-" + name);
      for (const std::string& name : option->get_lnames()) out.names.push_back("--" + name);
      out.help = option->get_description();
      out.takes_value = option->get_items_expected_min() > 0;
      std::string long_name = option->get_lnames().empty() ? "" : option->get_lnames().front();
      if (auto it = values.find(long_name); it != values.end()) out.values = it->second;
      out.takes_file = long_name == "registry";
      out.repeatable = out.takes_value && option->get_expected_max() > 1;
      options.push_back(std::move(out));
    }
    return options;
  };
  CompletionSpec spec;
  spec.global_options = options_of(app);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CompletionCommand command;
    command.name = sub->get_name();
    command.help = sub->get_description();
    command.options = options_of(*sub);
    if (command.name == "explain") command.arguments = Completes::codes_and_files;
    if (command.name == "check" || command.name == "stats") command.arguments = Completes::files;
    if (command.name == "completions") {
      command.arguments = Completes::words;
      command.argument_words.assign(std::begin(kShells), std::end(kShells));
    }
    spec.commands.push_back(std::move(command));
  }
  return spec;
}

constexpr std::string_view kCommandNames[] = {"explain", "check", "list",
                                              "search",  "stats", "completions"};

ColorMode color_mode_named(const std::string& name) {
  if (name == "always") return ColorMode::always;
  if (name == "never") return ColorMode::never;
  return ColorMode::automatic;
}

// The options every command shares, at their defaults until parsed.
struct GlobalOptions {
  bool json = false;
  std::string color_name = "auto";
  std::vector<std::string> registry_files;
};

// What every command does around its own work: load the registry overlays,
// decide the style, run, and say once if writing the results failed.
template <typename Command>
int run_command(const GlobalOptions& global, Command command) {
  for (const std::string& path : overlay_paths(global.registry_files)) {
    if (auto error = load_overlay(path, active_registry())) {
      report(error->message());
      return static_cast<int>(ExitStatus::config);
    }
  }
  Style style{global.json, !global.json && use_color(color_mode_named(global.color_name),
                                                     read_color_environment())};
  Output output;
  ExitStatus status = command(style, output);
  if (output.failed()) {
    // A reader that stopped early (dhcode list | head -1) is no error to
    // talk about; anything else (a full disk) is.
    if (output.error() != EPIPE)
      report(fmt::format("cannot write the output: {}", std::strerror(output.error())));
    status = worse(status, ExitStatus::io_error);
  }
  return static_cast<int>(status);
}

}  // namespace

bool only_codes_after_explain(int argc, const char* const* argv) {
  if (argc < 3 || std::string_view(argv[1]) != "explain") return false;
  return std::all_of(argv + 2, argv + argc,
                     [](const char* argument) { return argument[0] >= '0' && argument[0] <= '9'; });
}

int main(int argc, char** argv) {
  // A script runs `dhcode explain CODE` once per API response, and building
  // the CLI11 parser is most of dhcode's own start-up work (bench/startup.sh).
  // When every argument after `explain` starts with a digit there is no
  // option and no command name among them: CLI11 would hand them to explain
  // unchanged, so they go there directly. Any other shape is parsed below.
  if (only_codes_after_explain(argc, argv)) {
    ExplainRequest request;
    request.arguments.assign(argv + 2, argv + argc);
    return run_command(GlobalOptions{}, [&](Style style, Output& output) {
      request.style = style;
      return run_explain(request, output);
    });
  }

  CLI::App app{"Explains ZEGOCLOUD Digital Human server API return codes, offline.", "dhcode"};
  app.set_version_flag("--version", std::string("dhcode ") + DHCODE_VERSION,
                       "print the version and exit");
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  app.footer(kExitStatusHelp);

  GlobalOptions global;
  app.add_flag("--json", global.json,
               "print one JSON object per line instead of text (never coloured)");
  app.add_option("--color", global.color_name, kColorHelp)
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
  app.add_option("--registry", global.registry_files,
                 "load a team registry overlay (the format of 'dhcode list --json'); repeatable")
      ->option_text("FILE")
      ->allow_extra_args(false);

  // Defining options costs start-up time, and a script runs dhcode once per
  // response: only the commands named among the arguments get their options
  // defined (all of them for help without a command, and for completions).
  auto named = [&](std::string_view name) {
    return std::any_of(argv + 1, argv + argc,
                       [&](const char* argument) { return name == argument; });
  };
  bool define_all = named("completions") ||
                    std::none_of(std::begin(kCommandNames), std::end(kCommandNames), named);
  auto wanted = [&](std::string_view name) { return define_all || named(name); };

  ExplainRequest explain_request;
  CLI::App* explain = app.add_subcommand(
      "explain",
      "Print the meaning, recommended action and retry advice of each code, or of each "
      "response in files or on stdin.");
  if (wanted("explain")) {
    explain->add_flag("-v,--verbose", explain_request.notes,
                      "add what to check, where the documented facts support it");
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
  dhcode explain -v 100000004
  curl -s "$url" | dhcode explain
  dhcode explain resp.json api.log
  tail -f app.log | dhcode explain)");
  }

  CheckRequest check_request;
  CLI::App* check = app.add_subcommand(
      "check",
      "For scripts: an exit status that says whether the response succeeded, may "
      "succeed on retry, or failed.");
  if (wanted("check")) {
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
  }

  ListRequest list_request;
  std::string list_category, list_status, list_retryable;
  CLI::App* list = app.add_subcommand("list", "List every code, or those that pass the filters.");
  std::vector<std::string> category_names, status_names;
  for (std::size_t i = 0; i < kCategoryCount; ++i)
    category_names.emplace_back(name_of(static_cast<Category>(i)));
  for (std::size_t i = 0; i < kStatusCount; ++i)
    status_names.emplace_back(name_of(static_cast<Status>(i)));
  if (wanted("list")) {
    list->add_option("--category", list_category, "only codes of this category")
        ->check(CLI::IsMember(category_names));
    list->add_option("--status", list_status, "only codes of this status")
        ->check(CLI::IsMember(status_names));
    list->add_option("--retryable", list_retryable,
                     "yes: only codes whose retry can succeed; no: only the others")
        ->check(CLI::IsMember({"yes", "no"}));
    list->add_option("--range", list_request.range,
                     "only codes that start with these digits, e.g. 4000100 for 4000100xx")
        ->check([](const std::string& digits) -> std::string {
          bool ok = !digits.empty() && digits.size() <= 9 &&
                    digits.find_first_not_of("0123456789") == std::string::npos;
          return ok ? "" : "a range is 1 to 9 leading digits, e.g. 4000100";
        });
    list->footer(R"(Examples:
  dhcode list
  dhcode list --category signature
  dhcode list --retryable yes --status current
  dhcode list --range 4000100
  dhcode list --json > team.json   # the format of a registry overlay)");
  }

  SearchRequest search_request;
  CLI::App* search = app.add_subcommand(
      "search", "Find codes by words in their description, action, category or notes.");
  if (wanted("search")) {
    search->add_option("WORDS", search_request.words, "words to look for (any case)")->required();
    search->footer(R"(Best matches first; exit status 1 when nothing matches.

Examples:
  dhcode search signature
  dhcode search rate limit
  dhcode search --json timbre | jq .code)");
  }

  StatsRequest stats_request;
  CLI::App* stats = app.add_subcommand(
      "stats", "Count the codes in logs of responses: one row per code, most frequent first.");
  if (wanted("stats")) {
    stats->add_option("FILE", stats_request.inputs, "log files, - for stdin (default)");
    stats->footer(R"(Retry column: yes, no, - for success, ? for a code not in the registry.

Examples:
  dhcode stats api.log
  dhcode stats --json api.log | jq '.codes[0]'
  journalctl -u myservice | dhcode stats)");
  }

  std::string shell;
  CLI::App* completions = app.add_subcommand(
      "completions", "Print the completion script for a shell (bash, zsh or fish).");
  if (wanted("completions")) {
    completions->add_option("SHELL", shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember(std::vector<std::string>(std::begin(kShells), std::end(kShells))));
    completions->footer(R"(The same scripts are in the completions/ folder and are installed with
dhcode.

Examples:
  source <(dhcode completions bash)   # completion in this bash session
  dhcode completions fish > ~/.config/fish/completions/dhcode.fish)");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int status = app.exit(error);
    // Help and version are successes; every other parse error is a usage error.
    return status == 0 ? 0 : static_cast<int>(ExitStatus::usage);
  }

  return run_command(global, [&](Style style, Output& output) {
    if (explain->parsed()) {
      explain_request.style = style;
      return run_explain(explain_request, output);
    }
    if (check->parsed()) {
      check_request.style = style;
      return run_check(check_request, output);
    }
    if (list->parsed()) {
      if (!list_category.empty()) list_request.category = category_named(list_category);
      if (!list_status.empty()) list_request.status = status_named(list_status);
      if (!list_retryable.empty()) list_request.retryable = list_retryable == "yes";
      list_request.style = style;
      return run_list(list_request, output);
    }
    if (search->parsed()) {
      search_request.style = style;
      return run_search(search_request, output);
    }
    if (stats->parsed()) {
      stats_request.style = style;
      return run_stats(stats_request, output);
    }
    // completions: the only command left (one is required).
    std::vector<std::string> yes_no = {"yes", "no"};
    output.write(
        completion_script(shell, completion_spec(app, {{"color", {"auto", "always", "never"}},
                                                       {"category", category_names},
                                                       {"status", status_names},
                                                       {"retryable", yes_no}})));
    return ExitStatus::ok;
  });
}

}  // namespace dhcode
