// The entry point of dhcode; the program's main() only calls this, so the
// tests link exactly the code the binary runs.
#pragma once

#include <string>
#include <vector>

namespace dhcode {

int main(int argc, char** argv);

// Whether the arguments are `explain` followed only by arguments that start
// with a digit (codes, to explain): then there is nothing for the option
// parser to do, and main() skips building it.
bool only_codes_after_explain(int argc, const char* const* argv);

// The names of the commands, in the order of the table (and of --help).
std::vector<std::string> command_names();

}  // namespace dhcode
