// dhcode explain: the meaning and recommended action of each code given.
#pragma once

#include <string>
#include <vector>

#include "exit_status.hpp"
#include "output.hpp"

namespace dhcode {

struct ExplainRequest {
  std::vector<std::string> arguments;
  Style style;
  bool notes = false;  // -v: what to check, where the documented facts support it
};

ExitStatus run_explain(const ExplainRequest& request, Output& output);

}  // namespace dhcode
