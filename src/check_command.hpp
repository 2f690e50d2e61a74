// dhcode check: for scripts, an exit status that says what to do next.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct CheckRequest {
  std::vector<std::string> inputs;  // files, "-" for stdin; empty: stdin
  bool verbose = false;             // print explanations (problems are always said)
};

// 0: every response is a success (Code 0); 75: the worst is a code whose
// retry can succeed; 1: another error code, known or not; 65: the input is
// not a readable response (or holds none); 66: an input cannot be read.
ExitStatus run_check(const CheckRequest& request, Context& context);

}  // namespace dhcode
