// dhcode explain: the meaning and recommended action of each code given.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct ExplainRequest {
  std::vector<std::string> arguments;
  bool notes = false;  // -v: what to check, where the documented facts support it
};

ExitStatus run_explain(const ExplainRequest& request, Context& context);

}  // namespace dhcode
