#include "explain_command.hpp"

#include <fmt/format.h>

#include "code_argument.hpp"
#include "explanation.hpp"
#include "render.hpp"
#include "safe_text.hpp"

namespace dhcode {

ExitStatus run_explain(const ExplainRequest& request, Output& output) {
  if (request.arguments.empty()) {
    report("explain: no code given; try 'dhcode explain 400000008' or 'dhcode explain --help'");
    return ExitStatus::usage;
  }
  ExitStatus status = ExitStatus::ok;
  bool first = true;
  for (const std::string& argument : request.arguments) {
    CodeArgument parsed = parse_code_argument(argument);
    if (!parsed.code) {
      report(fmt::format("argument \"{}\": {}", visible(argument), describe(parsed.problem)));
      status = worse(status, ExitStatus::data_error);
      continue;
    }
    Explanation explanation = explain(*parsed.code);
    if (!explanation.entry) status = worse(status, ExitStatus::not_found);
    if (request.json) {
      output.write(render_json(explanation).dump() + "\n");
    } else {
      // A blank line between blocks keeps several codes readable.
      if (!first) output.write("\n");
      output.write(render_text(explanation, request.color));
    }
    first = false;
  }
  return status;
}

}  // namespace dhcode
