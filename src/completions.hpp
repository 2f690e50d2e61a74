// Shell completion scripts for bash, zsh and fish, generated from the
// command line's own definition and from the registry, so they cannot drift
// from what dhcode accepts. `dhcode completions SHELL` prints them;
// completions/ holds the same files, and a test keeps the two equal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

// What follows an option or stands as an argument.
enum class Completes { nothing, words, files, codes_and_files };

struct CompletionOption {
  std::vector<std::string> names;  // "-v", "--verbose"
  std::string help;
  bool takes_value = false;
  std::vector<std::string> values;  // the allowed values, when there is a fixed set
  bool takes_file = false;
  bool repeatable = false;
};

struct CompletionCommand {
  std::string name;
  std::string help;
  std::vector<CompletionOption> options;
  Completes arguments = Completes::nothing;
  std::vector<std::string> argument_words;  // for Completes::words
};

struct CompletionSpec {
  std::vector<CompletionOption> global_options;
  std::vector<CompletionCommand> commands;
};

inline constexpr std::string_view kShells[] = {"bash", "zsh", "fish"};

// The script for a shell named in kShells.
std::string completion_script(std::string_view shell, const CompletionSpec& spec);

struct CompletionsRequest {
  std::string shell;
  CompletionSpec spec;  // the command line, as cli.cpp defines it
};

// dhcode completions SHELL: prints the script.
ExitStatus run_completions(const CompletionsRequest& request, Context& context);

}  // namespace dhcode
