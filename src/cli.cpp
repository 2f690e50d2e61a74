// The command line: the table of commands, their options, help, and what
// runs.
//
// This is the only file that includes CLI11 (slow to compile). Everything a
// command is to the command line is its row in kCommands: parsing, dispatch,
// help, completions and the tests that walk the commands all derive from it.
#include "cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check_command.hpp"
#include "color.hpp"
#include "completions.hpp"
#include "explain_command.hpp"
#include "line_reader.hpp"
#include "list_command.hpp"
#include "nearest_word.hpp"
#include "output.hpp"
#include "overlay.hpp"
#include "safe_text.hpp"
#include "secret.hpp"
#include "sign_command.hpp"
#include "stats_command.hpp"
#include "verify_command.hpp"

namespace dhcode {
namespace {

template <typename Request>
using DefineOptions = void (*)(CLI::App&, Request&);
template <typename Request>
using Run = ExitStatus (*)(const Request&, Context&);

// What runs once the command line is parsed: a command's run function and
// the request its options filled. (Plain function pointers rather than
// std::function: each std::function target costs a relocation at start-up.)
struct Runner {
  std::unique_ptr<void, void (*)(void*)> request{nullptr, nullptr};
  ExitStatus (*run)(const void* request, Context& context) = nullptr;
  ExitStatus operator()(Context& context) const { return run(request.get(), context); }
};

// One row of the table of commands.
struct Command {
  std::string_view name;
  std::string_view summary;  // one line, in `dhcode --help`
  std::string_view footer;   // the end of `dhcode NAME --help`: details, then Examples
  Completes arguments = Completes::nothing;
  std::span<const std::string_view> argument_words = {};  // for Completes::words
  bool ci_formats = false;  // --format github and junit report what it reads
  // The global options (long names) that change what it does, shown in its help.
  std::span<const std::string_view> global_options = {};
  // Defines the command's options and arguments; returns what runs them.
  Runner (*define)(CLI::App& command);
};

// A command's options fill its Request, which its run function receives: a
// row cannot be written without both.
template <typename Request, DefineOptions<Request> define_options, Run<Request> run>
Runner defined(CLI::App& command) {
  Runner runner{{new Request(), [](void* request) { delete static_cast<Request*>(request); }},
                [](const void* request, Context& context) {
                  return run(*static_cast<const Request*>(request), context);
                }};
  define_options(command, *static_cast<Request*>(runner.request.get()));
  return runner;
}

// Options with a fixed set of values: the values are checked when parsed and
// offered by the completion scripts, from this one list.
std::map<std::string, std::vector<std::string>>& choices() {
  static std::map<std::string, std::vector<std::string>> by_long_name;
  return by_long_name;
}

template <typename Assign>
CLI::Option* add_choice(CLI::App& command, const std::string& name, std::vector<std::string> values,
                        const std::string& help, Assign assign) {
  choices()[name] = values;
  return command.add_option_function<std::string>("--" + name, assign, help)
      ->check([values](const std::string& value) -> std::string {
        if (std::ranges::find(values, value) != values.end()) return "";
        return fmt::format("'{}' is not one of {}", visible(value), fmt::join(values, ", "));
      });
}

// --- explain ---------------------------------------------------------------

void explain_options(CLI::App& command, ExplainRequest& request) {
  command.add_flag("-v,--verbose", request.notes,
                   "add what to check, where the documented facts support it");
  command.add_flag("--failures", request.failures,
                   "of the responses read, show only those that did not succeed");
  command.add_flag("--short", request.short_form,
                   "one line a response: time, place, code, category and description");
  command.add_option("CODE|FILE", request.arguments,
                     "return codes (400000008), files of responses, - for stdin; "
                     "with none, responses are read from stdin");
}

constexpr std::string_view kExplainFooter =
    R"(Arguments that start with a digit are codes; others are files.
Inputs may hold one response, a JSON array of them, NDJSON, objects one
after another, or log lines and `curl -i` output with responses in them.
Callbacks the service sends (EventType and Detail) are explained too, and
the task statuses in a status response's Data.

Examples:
  dhcode explain 400000008
  dhcode explain 100000004 400010009
  dhcode explain --json 400010002 | jq .retryable
  dhcode explain -v 100000004
  curl -s "$url" | dhcode explain
  dhcode explain resp.json api.log
  tail -f app.log | dhcode explain --failures --short)";

// --- check -----------------------------------------------------------------

void check_options(CLI::App& command, CheckRequest& request) {
  command.add_option("FILE", request.inputs, "files of responses, - for stdin (default)");
  command.add_flag("-v,--verbose", request.verbose,
                   "also print each response's explanation (problems with the input are "
                   "always said on stderr)");
}

constexpr std::string_view kCheckFooter = R"(Exit status (with several responses, the worst wins):
  0   the response is a success (Code 0); a callback's or a status
      response's task status is a normal one
  75  a later retry of the same request can succeed (EX_TEMPFAIL)
  1   any other error code, known or not; a task status that says the task
      failed (stream initialization failed, drive failed), or one the
      sources do not document
  65  the input is not a readable response, or holds none
  66  an input file cannot be opened or read
  64  usage error
  78  a registry overlay is broken (nothing is checked)

Examples:
  curl -s "$url" > resp.json; dhcode check resp.json && echo ok
  # retry while the answer says a retry can help
  for attempt in 1 2 3 4 5; do
    curl -s "$url" | dhcode check; status=$?
    [ "$status" -ne 75 ] && break
    sleep $((attempt * 2))
  done)";

// --- list --------------------------------------------------------------------

void list_options(CLI::App& command, ListRequest& request) {
  add_choice(command, "category", names_of_all<Category, kCategoryCount>(),
             "only codes of this category",
             [&request](const std::string& name) { request.category = category_named(name); });
  add_choice(command, "status", names_of_all<Status, kStatusCount>(), "only codes of this status",
             [&request](const std::string& name) { request.status = status_named(name); });
  add_choice(command, "retryable", {"yes", "no"},
             "yes: only codes whose retry can succeed; no: only the others",
             [&request](const std::string& answer) { request.retryable = answer == "yes"; });
  command
      .add_option("--range", request.range,
                  "only codes that start with these digits: 4000100, or 4000100xx as explain "
                  "prints ranges")
      ->check([](const std::string& range) -> std::string {
        std::string_view digits = range_digits(range);
        // x's stand for the digits after: with them, it is all nine.
        bool ok = !digits.empty() && range.size() <= 9 &&
                  (digits.size() == range.size() || range.size() == 9) &&
                  digits.find_first_not_of("0123456789") == std::string::npos;
        return ok ? "" : "a range is 1 to 9 leading digits, e.g. 4000100 or 4000100xx";
      });
}

constexpr std::string_view kListFooter = R"(Examples:
  dhcode list
  dhcode list --category signature
  dhcode list --retryable yes --status current
  dhcode list --range 4000100
  dhcode list --json > team.json   # the format of a registry overlay)";

// --- search ------------------------------------------------------------------

void search_options(CLI::App& command, SearchRequest& request) {
  command.add_option("WORDS", request.words, "words to look for (any case)")->required();
}

constexpr std::string_view kSearchFooter =
    R"(Codes that hold any of the words, those with more of them first; a quoted
phrase is matched as a phrase. Both languages' texts are searched; Chinese in
Traditional characters is searched as Simplified (with OpenCC, libopencc1.1).
Exit status 1 when nothing matches.

Examples:
  dhcode search signature
  dhcode search rate limit
  dhcode search --json timbre | jq .code)";

// --- stats -------------------------------------------------------------------

// More threads than this only cost memory: reading is bounded by the disk.
constexpr std::int64_t kMostJobs = 1024;

void stats_options(CLI::App& command, StatsRequest& request) {
  command
      .add_option_function<std::int64_t>(  // signed: "-5" is refused, not wrapped around
          "-j,--jobs",
          [&request](std::int64_t jobs) {
            if (jobs < 1 || jobs > kMostJobs)
              throw CLI::ValidationError("--jobs", fmt::format("a number from 1 to {}", kMostJobs));
            request.jobs = static_cast<std::size_t>(jobs);
          },
          "read up to N inputs at once (default: as many as the machine has cores; 1: one "
          "after another); the report is the same")
      ->option_text("N");
  command.add_flag("--merge", request.merge,
                   "add up 'dhcode stats --json' results of separate runs (files or stdin, one "
                   "result a line) into the report of one run over all their inputs");
  command.add_option("FILE", request.inputs, "log files, - for stdin (default)");
}

constexpr std::string_view kStatsFooter =
    R"(Retry column: yes, no, n/d where the sources do not say, - for success, ? for a
code not in the registry. When no input could be read, no table is printed.

Logs on many machines: run 'dhcode stats --json' on each file (GNU parallel,
xargs -P, a cluster's map step), then merge the results:
  ls /var/log/api/*.log | xargs -P 4 -I{} sh -c 'dhcode stats --json {} > {}.stats'
  cat /var/log/api/*.stats | dhcode stats --merge

Examples:
  dhcode stats api.log
  dhcode stats -j 2 api.log.1.gz api.log.2.gz api.log
  dhcode stats --json api.log | jq '.codes[0]'
  journalctl -u myservice | dhcode stats)";

// --- sign and verify ---------------------------------------------------------

template <typename Request>
void secret_file_option(CLI::App& command, Request& request) {
  command
      .add_option_function<std::string>(
          "--secret-file", [&request](const std::string& path) { request.secret_file = path; },
          "read the ServerSecret from FILE (- for stdin) instead of DHCODE_SERVER_SECRET; no "
          "option "
          "takes the secret itself")
      ->option_text("FILE");
}

void sign_options(CLI::App& command, SignRequest& request) {
  command
      .add_option_function<std::string>(
          "--action", [&request](const std::string& name) { request.action = name; },
          "the API to call, e.g. GetDigitalHumanList (Action=... comes first)")
      ->option_text("NAME");
  command
      .add_option_function<std::string>(
          "--app-id", [&request](const std::string& id) { request.app_id = id; },
          "the project's AppId (default: DHCODE_APP_ID)")
      ->option_text("ID");
  secret_file_option(command, request);
  command
      .add_option_function<std::string>(
          "--nonce", [&request](const std::string& nonce) { request.nonce = nonce; },
          "the SignatureNonce to sign (default: 16 hex characters from 8 random bytes)")
      ->option_text("HEX");
  command
      .add_option_function<std::string>(
          "--timestamp", [&request](const std::string& seconds) { request.timestamp = seconds; },
          "the Timestamp to sign, in Unix seconds (default: now)")
      ->option_text("SECONDS");
}

constexpr std::string_view kSignFooter =
    R"footer(The ServerSecret comes from DHCODE_SERVER_SECRET or --secret-file, never
from the command line; it is never printed. One line end at the end of it is
dropped. Exit status: 0, 64 a missing or malformed AppId or secret, 66 a
secret file that cannot be read, 69 the digest library cannot be loaded.

Examples:
  curl "https://aigc-digitalhuman-api.zegotech.cn/?$(dhcode sign --action GetDigitalHumanList)"
    # with DHCODE_APP_ID and DHCODE_SERVER_SECRET set in the environment
  dhcode sign --secret-file ~/.config/dhcode/secret --app-id 12345
  dhcode sign --json --action GetTimbreList | jq .Signature)footer";

void verify_options(CLI::App& command, VerifyRequest& request) {
  command.add_option("URL|QUERY|FILE", request.inputs,
                     "request URLs or query strings, files of lines that hold them (access "
                     "logs, curl command lines), - for stdin; with none, stdin");
  secret_file_option(command, request);
  command.add_flag("--callback", request.callback,
                   "check callbacks' Signatures instead: their JSON bodies, or signature=, "
                   "timestamp= and nonce= parameters; the secret is the CallbackSecret, from "
                   "DHCODE_CALLBACK_SECRET or --secret-file");
  command
      .add_option_function<std::int64_t>(
          "--now",
          [&request](std::int64_t seconds) {
            // 13 digits is a time in milliseconds, read as seconds it is
            // thousands of years away.
            if (seconds < 0 || seconds > 9'999'999'999'999)
              throw CLI::ValidationError("--now", "Unix seconds, such as 1774000800");
            if (seconds > 99'999'999'999)
              throw CLI::ValidationError(
                  "--now", fmt::format("{} looks like milliseconds; give Unix seconds ({})",
                                       seconds, seconds / 1000));
            request.now = seconds;
          },
          "check the Timestamp against this time (Unix seconds) instead of this machine's clock: "
          "for a logged request, the time it was sent")
      ->option_text("SECONDS");
}

constexpr std::string_view kVerifyFooter =
    R"footer(Checks, in the order the gateway answers: Action (100000006), AppId
(100000001), Timestamp (100000002, 100000003), SignatureNonce (100000008),
Signature (100000009), SignatureVersion (100000014, 100000013), the clock
(100000004: more than 10 minutes off), and with the secret the Signature
(100000005), naming the mistake that reproduces it where a common one does.
The first problem listed is the code the request would most likely get.

With --callback, each callback's Signature is checked: sha1 of the
CallbackSecret, Timestamp and Nonce sorted in dictionary order and joined.
When it does not match, the mistake that reproduces it is named (values
unsorted or sorted as numbers, the ServerSecret in DHCODE_SERVER_SECRET,
upper-case hex, a line end after the secret, leading zeros lost, MD5 or
SHA-256). The docs call the Timestamp milliseconds but send ten digits
(seconds): both are accepted, and which was seen is said.

Exit status: 0 no problem, 1 a problem predicts an error code (--callback:
a Signature does not match), 65 an input holds no request (no callback, or
one without its Signature, Timestamp or Nonce), 66 an input cannot be read,
64 usage or a bad or missing secret, 69 the digest library cannot be loaded.

Examples:
  dhcode verify "https://aigc-digitalhuman-api.zegotech.cn/?Action=...&AppId=..."
  DHCODE_SERVER_SECRET=... dhcode verify access.log
  dhcode verify --now 1774000800 --secret-file secret.txt request.txt
  dhcode sign --action GetTimbreList | dhcode verify
  DHCODE_CALLBACK_SECRET=... dhcode verify --callback callbacks.log)footer";

// --- completions -------------------------------------------------------------

CompletionSpec completion_spec(const CLI::App& app);

void completions_options(CLI::App& command, CompletionsRequest& request) {
  command.add_option("SHELL", request.shell, "bash, zsh or fish")
      ->required()
      ->check([](const std::string& shell) -> std::string {
        if (std::ranges::find(kShells, shell) != std::end(kShells)) return "";
        return fmt::format("'{}' is not one of {}", visible(shell), fmt::join(kShells, ", "));
      });
  // The spec is made once every command is defined, from the whole app.
  command.callback([&command, &request] { request.spec = completion_spec(*command.get_parent()); });
}

constexpr std::string_view kCompletionsFooter =
    R"(The same scripts are in the completions/ folder and are installed with
dhcode.

Examples:
  source <(dhcode completions bash)   # completion in this bash session
  dhcode completions fish > ~/.config/fish/completions/dhcode.fish)";

// --- The table ---------------------------------------------------------------

// Which global options each command honours.
constexpr std::string_view kReaderOptions[] = {"json", "format",     "color",
                                               "lang", "max-record", "registry"};
constexpr std::string_view kTableOptions[] = {"json", "color", "lang", "registry"};
constexpr std::string_view kSignOptions[] = {"json"};
constexpr std::string_view kVerifyOptions[] = {"json", "lang", "max-record", "registry"};

constexpr Command kCommands[] = {
    {.name = "explain",
     .summary = "Print the meaning, recommended action and retry advice of each code, or of "
                "each response in files or on stdin.",
     .footer = kExplainFooter,
     .arguments = Completes::codes_and_files,
     .ci_formats = true,
     .global_options = kReaderOptions,
     .define = defined<ExplainRequest, explain_options, run_explain>},
    {.name = "check",
     .summary = "For scripts: an exit status that says whether the response succeeded, may "
                "succeed on retry, or failed.",
     .footer = kCheckFooter,
     .arguments = Completes::files,
     .ci_formats = true,
     .global_options = kReaderOptions,
     .define = defined<CheckRequest, check_options, run_check>},
    {.name = "list",
     .summary = "List every code, or those that pass the filters.",
     .footer = kListFooter,
     .global_options = kTableOptions,
     .define = defined<ListRequest, list_options, run_list>},
    {.name = "search",
     .summary = "Find codes by words in their description, action, category or notes.",
     .footer = kSearchFooter,
     .global_options = kTableOptions,
     .define = defined<SearchRequest, search_options, run_search>},
    {.name = "stats",
     .summary = "Count the codes in logs of responses: one row per code, most frequent first.",
     .footer = kStatsFooter,
     .arguments = Completes::files,
     .ci_formats = true,
     .global_options = kReaderOptions,
     .define = defined<StatsRequest, stats_options, run_stats>},
    {.name = "sign",
     .summary = "Print the signed common parameters of one request, to append to the API's URL.",
     .footer = kSignFooter,
     .global_options = kSignOptions,
     .define = defined<SignRequest, sign_options, run_sign>},
    {.name = "verify",
     .summary =
         "Say why a signed request fails with a 1000000xx code: each problem, with its code.",
     .footer = kVerifyFooter,
     .arguments = Completes::files,
     .global_options = kVerifyOptions,
     .define = defined<VerifyRequest, verify_options, run_verify>},
    {.name = "completions",
     .summary = "Print the completion script for a shell (bash, zsh or fish).",
     .footer = kCompletionsFooter,
     .arguments = Completes::words,
     .argument_words = kShells,
     .define = defined<CompletionsRequest, completions_options, run_completions>},
};

const Command* command_named(std::string_view name) {
  for (const Command& command : kCommands)
    if (command.name == name) return &command;
  return nullptr;
}

// The completion scripts are derived from the command line as defined here,
// so a new option or value reaches every shell.
std::vector<CompletionOption> completion_options(const CLI::App& command, bool global) {
  std::vector<CompletionOption> options;
  for (const CLI::Option* option : command.get_options()) {
    // Positionals are completed apart; --help is a global option already.
    if (option->get_positional() || (!global && option->check_lname("help"))) continue;
    CompletionOption out;
    for (const std::string& name : option->get_snames()) out.names.push_back("-" + name);
    for (const std::string& name : option->get_lnames()) out.names.push_back("--" + name);
    out.help = option->get_description();
    out.takes_value = option->get_items_expected_min() > 0;
    std::string long_name = option->get_lnames().empty() ? "" : option->get_lnames().front();
    if (auto it = choices().find(long_name); it != choices().end()) out.values = it->second;
    out.takes_file = long_name == "registry" || long_name == "secret-file";
    out.repeatable = out.takes_value && option->get_expected_max() > 1;
    options.push_back(std::move(out));
  }
  return options;
}

CompletionSpec completion_spec(const CLI::App& app) {
  CompletionSpec spec;
  spec.global_options = completion_options(app, true);
  for (const Command& row : kCommands) {
    CompletionCommand command;
    command.name = row.name;
    command.help = row.summary;
    command.options = completion_options(*app.get_subcommand(std::string(row.name)), false);
    command.arguments = row.arguments;
    command.argument_words.assign(row.argument_words.begin(), row.argument_words.end());
    spec.commands.push_back(std::move(command));
  }
  // `dhcode help [COMMAND]` is no row of the table: it means --help.
  CompletionCommand help{
      "help", "Print the help of dhcode, or of a command.", {}, Completes::words, {}};
  for (const Command& row : kCommands) help.argument_words.emplace_back(row.name);
  spec.commands.push_back(std::move(help));
  return spec;
}

// --- Options every command shares ----------------------------------------------

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
  DHCODE_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG  see --lang
  DHCODE_FORMAT     see --format
  DHCODE_REGISTRY   registry overlay files to load, separated by ':'
  XDG_CONFIG_HOME   $XDG_CONFIG_HOME/dhcode/registry.json (default
                    ~/.config/dhcode/registry.json) is loaded when present)";

constexpr const char* kColorHelp =
    "colour text output: auto, always or never (default auto: only when stdout is a "
    "terminal, TERM is not 'dumb' and NO_COLOR is unset or empty; CLICOLOR_FORCE or "
    "FORCE_COLOR set and not 0 turns it on, FORCE_COLOR=0 off; this option wins over all)";

constexpr const char* kLangHelp =
    "language of text output and of JSON's texts: en or zh (default: DHCODE_LANG, then LANGUAGE, "
    "LC_ALL, LC_MESSAGES, LANG in gettext's order; a value whose language is zh, such as "
    "zh_CN.UTF-8 or zh-Hans, is Chinese)";

constexpr const char* kFormatHelp =
    "how results are written: text, json (as --json), github (GitHub Actions workflow "
    "commands: an annotation for each response that did not succeed and each unreadable "
    "record) or junit (a JUnit XML report, written once all is read); github and junit are for "
    "check, explain and stats (default: DHCODE_FORMAT, then text)";

// Global options that take a value in the next argument.
constexpr std::string_view kGlobalOptionsWithValue[] = {"--color", "--registry", "--lang",
                                                        "--max-record", "--format"};

constexpr const char* kFormatVariable = "DHCODE_FORMAT";
// The formats --format and DHCODE_FORMAT name: the option's choices, the
// check of the variable and its warning.
constexpr std::string_view kFormatNames[] = {"text", "json", "github", "junit"};

struct GlobalOptions {
  bool json = false;
  std::string format_name;  // --format; else DHCODE_FORMAT's, else text
  std::string color_name = "auto";
  std::vector<std::string> registry_files;
  std::optional<Language> language;       // --lang; else the environment's
  std::optional<std::size_t> max_record;  // --max-record; else 1 MiB
};

// The longest record --max-record may allow: the memory a run needs grows
// with it (docs/logs.md).
constexpr std::size_t kLargestMaxRecord = std::size_t{1} << 30;

// "64M", "512K", "1G" (binary units; KiB, MiB, GiB too) or a number of bytes.
std::optional<std::size_t> byte_size(std::string_view text) {
  std::size_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  constexpr std::pair<std::string_view, int> kUnits[] = {
      {"", 0}, {"K", 10}, {"KiB", 10}, {"M", 20}, {"MiB", 20}, {"G", 30}, {"GiB", 30}};
  for (auto [name, shift] : kUnits)
    if (unit == name)
      return number > (kLargestMaxRecord >> shift) ? kLargestMaxRecord + 1 : number << shift;
  return std::nullopt;
}

ColorMode color_mode_named(const std::string& name) {
  if (name == "always") return ColorMode::always;
  if (name == "never") return ColorMode::never;
  return ColorMode::automatic;
}

// CLI11's help in at most 100 columns: each description wrapped in its
// column; values named as dhcode names them (FILE, N), without the parser's
// labels (TEXT, REQUIRED, the choices again); `help` in the command list.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* option, bool positional) const override {
    return row(make_option_name(option, positional) + make_option_opts(option),
               make_option_desc(option));
  }
  std::string make_option_opts(const CLI::Option* option) const override {
    if (!option->get_option_text().empty()) return " " + option->get_option_text();
    if (option->get_type_size() == 0) return {};
    return option->get_expected_max() == CLI::detail::expected_max_vector_size ? " ..." : "";
  }
  std::string make_subcommand(const CLI::App* command) const override {
    return row(command->get_display_name(true), command->get_description());
  }
  std::string make_description(const CLI::App* app) const override {
    std::string description = app->get_description();
    if (description.empty()) return {};
    return wrapped(description, 0) + "\n";
  }
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    if (app->get_parent() != nullptr) return out + global_options_of(*app);
    if (out.empty()) return out;
    // `dhcode help [COMMAND]` is no CLI11 command (it means --help).
    std::size_t end = out.find_last_not_of('\n') + 1;
    return out.substr(0, end) + "\n" +
           row("help [COMMAND]", "Print this help, or a command's.").substr(0) +
           out.substr(end + 1);
  }

 private:
  static constexpr std::size_t kWidth = 100;
  // The global options a command honours, as `dhcode --help` shows them.
  std::string global_options_of(const CLI::App& command) const {
    const Command* row = command_named(command.get_name());
    if (!row || row->global_options.empty()) return {};
    std::string out = "\nGlobal options (before or after the command):\n";
    for (std::string_view name : row->global_options)
      out += make_option(command.get_parent()->get_option("--" + std::string(name)), false);
    return out;
  }
  // The words of text after indent columns, a line at most kWidth wide.
  static std::string wrapped(const std::string& text, std::size_t indent,
                             std::size_t at_start = 0) {
    std::string out;
    std::size_t at = at_start;
    std::string_view rest = text;
    std::string_view word;
    bool first = true;
    // Words are what blanks separate (a view, no stream: it would cost
    // start-up in symbols to bind, though help is printed rarely).
    auto next_word = [&rest, &word] {
      std::size_t start = rest.find_first_not_of(" \n");
      if (start == std::string_view::npos) return false;
      std::size_t end = rest.find_first_of(" \n", start);
      word = rest.substr(start, end == std::string_view::npos ? rest.size() - start : end - start);
      rest.remove_prefix(start + word.size());
      return true;
    };
    while (next_word()) {
      if (first) {
        if (at > 0 && at + 1 > indent) {  // a long name: the text starts below it
          out += '\n';
          at = 0;
        }
        out.append(indent - at, ' ');
        at = indent;
      } else if (at + 1 + word.size() > kWidth) {
        out += '\n' + std::string(indent, ' ');
        at = indent;
      } else {
        out += ' ';
        ++at;
      }
      out += word;
      at += word.size();
      first = false;
    }
    return out;
  }
  std::string row(const std::string& name, const std::string& description) const {
    std::string out = "  " + name;
    return out + wrapped(description, get_column_width(), out.size()) + "\n";
  }
};

void define_global_options(CLI::App& app, GlobalOptions& global) {
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("--version", std::string("dhcode ") + DHCODE_VERSION,
                       "Print the version and exit");
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command
  app.footer(kExitStatusHelp);
  app.add_flag("--json", global.json,
               "print one JSON object per line instead of text (never coloured)");
  add_choice(app, "format", {std::begin(kFormatNames), std::end(kFormatNames)}, kFormatHelp,
             [&global](const std::string& name) { global.format_name = name; })
      ->option_text("FORMAT");
  add_choice(app, "color", {"auto", "always", "never"}, kColorHelp,
             [&global](const std::string& name) { global.color_name = name; })
      ->option_text("WHEN");
  // en or zh, offered by the completions; the forms of a locale (zh_CN,
  // zh-Hans, ZH) are taken too, as in the environment.
  choices()["lang"] = {"en", "zh"};
  app.add_option_function<std::string>(
         "--lang",
         [&global](const std::string& name) {
           global.language = language_named(name);
           if (!global.language)
             throw CLI::ValidationError(
                 "--lang", fmt::format("'{}' is no language dhcode has: en or zh (zh_CN, "
                                       "zh-Hans and the like are zh)",
                                       visible(name)));
         },
         kLangHelp)
      ->option_text("LANG");
  app.add_option_function<std::string>(
         "--max-record",
         [&global](const std::string& text) {
           std::optional<std::size_t> bytes = byte_size(text);
           if (!bytes || *bytes < 1024 || *bytes > kLargestMaxRecord)
             throw CLI::ValidationError("--max-record", "a size from 1K to 1G, such as 64M");
           global.max_record = bytes;
         },
         "read records and lines up to SIZE long (default 1M; K, M, G: binary units), for "
         "whole-file exports such as a HAR file")
      ->option_text("SIZE");
  app.add_option("--registry", global.registry_files,
                 "load a team registry overlay (the format of 'dhcode list --json'); repeatable")
      ->option_text("FILE")
      ->allow_extra_args(false);
}

// The format --format, --json or DHCODE_FORMAT asks for (in that order), or
// a message saying why it cannot be had.
struct Format {
  bool json = false;
  CiFormat ci = CiFormat::none;
  std::string problem;
};

Format format_asked(const GlobalOptions& global, bool ci_formats) {
  std::string name = global.format_name;
  if (global.json && !name.empty() && name != "json")
    return {false, CiFormat::none,
            fmt::format("--json and --format {} ask for two formats; give one", name)};
  if (name.empty() && !global.json) {
    const char* variable = std::getenv(kFormatVariable);
    name = variable ? variable : "";
    if (!name.empty() && std::ranges::find(kFormatNames, name) == std::end(kFormatNames)) {
      report(fmt::format("warning: {}={} is no format dhcode knows ({}); text is written",
                         kFormatVariable, visible(name), fmt::join(kFormatNames, ", ")));
      name.clear();
    }
  }
  Format format;
  format.json = global.json || name == "json";
  if (name == "github") format.ci = CiFormat::github;
  if (name == "junit") format.ci = CiFormat::junit;
  if (format.ci == CiFormat::none || ci_formats) return format;
  // DHCODE_FORMAT is a default for the commands that have the format.
  if (global.format_name.empty()) return {};
  return {
      false, CiFormat::none,
      fmt::format("--format {} is for check, explain and stats; this command writes text or json",
                  name)};
}

// What every command does around its own work: load the registry overlays,
// decide the style, run, and say once if writing the results failed.
template <typename Run>
int run_command(const GlobalOptions& global, const Run& run, bool with_overlays = true,
                bool ci_formats = true) {
  Format format = format_asked(global, ci_formats);
  if (!format.problem.empty()) {
    report(format.problem);
    return static_cast<int>(ExitStatus::usage);
  }
  for (const OverlayFile& file :
       with_overlays ? overlay_files(global.registry_files) : std::vector<OverlayFile>()) {
    std::optional<OverlayError> stale;
    if (auto error = load_overlay(file.path, active_registry(), &stale)) {
      report(error->message_from(file.from));
      return static_cast<int>(ExitStatus::config);
    }
    if (stale) report(fmt::format("warning: {}", stale->message_from(file.from)));
  }
  if (global.max_record) set_max_record_bytes(*global.max_record);
  Output output;
  bool color = !format.json && format.ci == CiFormat::none &&
               use_color(color_mode_named(global.color_name), read_color_environment());
  Context context{output,
                  {format.json, color, format.ci},
                  global.language.value_or(language_from_environment())};
  ExitStatus status = run(context);
  if (output.failed()) {
    // A reader that stopped early (dhcode list | head -1) is no error to
    // talk about; anything else (a full disk) is.
    if (output.error() != EPIPE)
      report(fmt::format("cannot write the output: {}", std::strerror(output.error())));
    status = worse(status, ExitStatus::io_error);
  }
  return static_cast<int>(status);
}

// Text that goes to stdout without running a command (help, version), with
// the same report of a failed write. No overlay is loaded: a broken one must
// not keep a user from the help that says how to mend it.
int print(std::string_view text) {
  return run_command(
      {},
      [text](Context& context) {
        context.output.write(text);
        return ExitStatus::ok;
      },
      false, false);
}

int usage_error(std::string_view message) {
  report(message);
  return static_cast<int>(ExitStatus::usage);
}

}  // namespace

bool only_codes_after_explain(int argc, const char* const* argv) {
  if (argc < 3 || std::string_view(argv[1]) != "explain") return false;
  return std::all_of(argv + 2, argv + argc,
                     [](const char* argument) { return argument[0] >= '0' && argument[0] <= '9'; });
}

namespace {

// The first argument that is neither an option nor the value of a global
// option: the command's name (or a mistyped one). Empty when there is none.
std::string_view command_word(const std::vector<std::string_view>& arguments) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string_view argument = arguments[i];
    if (argument == "--") break;
    if (std::ranges::find(kGlobalOptionsWithValue, argument) != std::end(kGlobalOptionsWithValue))
      ++i;  // its value
    else if (!argument.starts_with("-"))
      return argument;
  }
  return {};
}

// `dhcode help` and `dhcode help COMMAND` mean `dhcode [COMMAND] --help`.
void rewrite_help(std::vector<std::string_view>& arguments) {
  auto help = std::ranges::find(arguments, command_word(arguments));
  if (help == arguments.end() || *help != "help") return;
  arguments.erase(help);
  arguments.push_back("--help");
}

std::string unknown_command(std::string_view word) {
  std::vector<std::string> names = command_names();
  if (auto nearest = nearest_word(word, names))
    return fmt::format("unknown command '{}'; did you mean '{}'?", visible(word), *nearest);
  return fmt::format("unknown command '{}'; the commands are {} (see 'dhcode --help')",
                     visible(word), fmt::join(names, ", "));
}

std::vector<std::string> long_option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options())
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

// The first argument that looks like an option neither the command nor
// dhcode itself has, as a message naming it and the nearest one that exists.
std::optional<std::string> unknown_option(const std::vector<std::string_view>& arguments,
                                          const CLI::App& app, const CLI::App* command) {
  for (std::string_view argument : arguments) {
    if (argument == "--") break;
    // "-" is stdin; "-5" is a (bad) code, for the command to report.
    if (!argument.starts_with("-") || argument == "-" ||
        std::isdigit(static_cast<unsigned char>(argument[1])))
      continue;
    std::string name(argument.substr(0, argument.find('=')));
    if (app.get_option_no_throw(name) || (command && command->get_option_no_throw(name))) continue;
    std::vector<std::string> known = long_option_names(app);
    if (command) std::ranges::copy(long_option_names(*command), std::back_inserter(known));
    std::string help = command ? fmt::format("dhcode {} --help", command->get_name())
                               : std::string("dhcode --help");
    if (auto nearest = nearest_word(name, known))
      return fmt::format("unknown option '{}'; did you mean '{}'?", visible(name), *nearest);
    // A short option that does not exist here: the long one it may stand
    // for (dhcode -v: --version).
    if (name.size() == 2) {
      auto long_one = std::ranges::find_if(known, [&](const std::string& option) {
        return option.size() > 3 && option[2] == name[1];
      });
      if (long_one != known.end())
        return fmt::format("unknown option '{}'; did you mean '{}'?", visible(name), *long_one);
    }
    return fmt::format("unknown option '{}' (see '{}')", visible(name), help);
  }
  return std::nullopt;
}

// An argument the command does not take, named, unless it is the secret: a
// value given where the ServerSecret is kept is never echoed.
std::string unexpected_argument(std::string_view argument, std::string_view command) {
  const char* secret = std::getenv(kSecretVariable);
  bool is_secret = secret && *secret && argument == secret;
  // sign's secret may come from a file not read yet: what is given to sign
  // by mistake may be it, and is not echoed.
  if (is_secret || command == "sign")
    return fmt::format(
        "{} takes no argument like the one given (not shown: it may be the ServerSecret) (see "
        "'dhcode {} --help')",
        command, command);
  return fmt::format("{} takes no argument '{}' (see 'dhcode {} --help')", command,
                     visible(argument), command);
}

// A global option written without its value before the command takes the
// command as its value (dhcode --color explain 400000008): said so.
std::optional<std::string> option_without_value(const std::vector<std::string_view>& arguments) {
  for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
    if (std::ranges::find(kGlobalOptionsWithValue, arguments[i]) ==
        std::end(kGlobalOptionsWithValue))
      continue;
    if (command_named(arguments[i + 1]))
      return fmt::format(
          "option '{}' needs a value before the command: {}=VALUE {} ... (see "
          "'dhcode --help')",
          arguments[i], arguments[i], arguments[i + 1]);
    ++i;
  }
  return std::nullopt;
}

// What went wrong, in dhcode's words where CLI11's are vague: an unknown
// option is named with the nearest one that exists, a missing command with
// the list of commands. (Worked out only after a failed parse, so that the
// start-up of a good command line does not pay for it.)
// The parser's complaint in dhcode's words: "--jobs: 'abc' is not a whole
// number", not "Could not convert: --jobs = abc". Messages that are
// dhcode's already (its own checks') pass unchanged.
std::string in_dhcodes_words(const CLI::ParseError& error, const CLI::App& app,
                             const CLI::App* command) {
  std::string_view what = error.what();
  std::string_view name = what.substr(0, what.find(':'));
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    if (what.find("At Most") != std::string_view::npos)
      return fmt::format("{} is given more than once; give it once", visible(name));
    if (what.find("required") != std::string_view::npos)
      return fmt::format("{} needs a value", visible(name));
    return fmt::format("{} takes no value", visible(name));
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    // "Could not convert: NAME = VALUE": every option dhcode converts is a
    // whole number.
    constexpr std::string_view kPrefix = "Could not convert: ";
    std::string_view rest = what.substr(std::min(what.size(), kPrefix.size()));
    std::size_t equals = rest.find(" = ");
    if (what.starts_with(kPrefix) && equals != std::string_view::npos) {
      std::string option_name(rest.substr(0, equals));
      const CLI::Option* option = command ? command->get_option_no_throw(option_name) : nullptr;
      if (!option) option = app.get_option_no_throw(option_name);
      if (option && option->get_items_expected_min() == 0)  // a flag: --failures=x
        return fmt::format("{} takes no value", visible(option_name));
      return fmt::format("{}: '{}' is not a whole number", visible(option_name),
                         visible(rest.substr(equals + 3)));
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) && command) {
    name = what.substr(0, what.find(" is required"));
    const CLI::Option* option = command->get_option_no_throw(std::string(name));
    if (option)
      return fmt::format("{} needs {}: {}", command->get_name(), visible(name),
                         option->get_description());
  }
  return visible(what);
}

std::string parse_error_message(const CLI::ParseError& error,
                                const std::vector<std::string_view>& arguments, const CLI::App& app,
                                const Command* named) {
  const CLI::App* command = named ? app.get_subcommand(std::string(named->name)) : nullptr;
  if (auto message = unknown_option(arguments, app, command)) return *message;
  if (!named)
    return fmt::format("no command given; the commands are {} (see 'dhcode --help')",
                       fmt::join(command_names(), ", "));
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    std::vector<std::string> extra = app.remaining(true);
    if (!extra.empty()) return unexpected_argument(extra.front(), named->name);
    // The arguments are not known apart from CLI11's words: none is echoed.
    return fmt::format("{} takes fewer arguments (see 'dhcode {} --help')", named->name,
                       named->name);
  }
  // An option every command shares is described in dhcode --help.
  std::string_view what = error.what();
  std::string_view option = what.substr(0, what.find(':'));
  bool global =
      std::ranges::find(kGlobalOptionsWithValue, option) != std::end(kGlobalOptionsWithValue);
  return fmt::format("{} (see 'dhcode {}--help')", in_dhcodes_words(error, app, command),
                     global ? "" : std::string(named->name) + " ");
}

}  // namespace

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& command : kCommands) names.emplace_back(command.name);
  return names;
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
    return run_command({}, [&](Context& context) { return run_explain(request, context); });
  }

  std::vector<std::string_view> arguments(argv + 1, argv + argc);
  if (auto message = option_without_value(arguments)) return usage_error(*message);
  rewrite_help(arguments);
  std::string_view word = command_word(arguments);
  const Command* named = command_named(word);
  if (!word.empty() && !named) return usage_error(unknown_command(word));

  CLI::App app{"Explains ZEGOCLOUD Digital Human server API return codes, offline.", "dhcode"};
  GlobalOptions global;
  define_global_options(app, global);
  // Defining commands and options costs start-up time, and a script runs
  // dhcode once per response: only the named command is defined (every
  // command is for help without a command, and for completions). A word that
  // names no command was refused above.
  bool define_all = !named || named->name == "completions";
  std::vector<std::pair<CLI::App*, Runner>> defined_commands;
  for (const Command& row : kCommands) {
    if (!define_all && &row != named) continue;
    CLI::App* command = app.add_subcommand(std::string(row.name), std::string(row.summary));
    command->footer(std::string(row.footer));
    defined_commands.emplace_back(command, row.define(*command));
  }

  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11's order
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    return print(app.help());
  } catch (const CLI::CallForAllHelp&) {
    return print(app.help("", CLI::AppFormatMode::All));
  } catch (const CLI::CallForVersion& version) {
    return print(fmt::format("{}\n", version.what()));
  } catch (const CLI::ParseError& error) {
    return usage_error(parse_error_message(error, arguments, app, named));
  }
  // completions print what the command line accepts: no overlay changes it,
  // and a broken one must not stop a shell's set-up.
  for (const auto& [command, runner] : defined_commands)
    if (command->parsed())
      return run_command(global, runner, command->get_name() != "completions",
                         command_named(command->get_name())->ci_formats);
  return usage_error("no command given (see 'dhcode --help')");  // unreachable: one is required
}

}  // namespace dhcode
