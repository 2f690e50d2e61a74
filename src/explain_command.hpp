// dhcode explain: the meaning and recommended action of each code given.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct ExplainRequest {
  std::vector<std::string> arguments;
  bool notes = false;       // -v: what to check, where the documented facts support it
  bool failures = false;    // only responses that did not succeed (typed codes are all shown)
  bool short_form = false;  // one line a response: time, place, code, category, description
};

ExitStatus run_explain(const ExplainRequest& request, Context& context);

}  // namespace dhcode
