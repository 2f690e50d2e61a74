#include "explain_command.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "code_argument.hpp"
#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

class ExplainHandler : public ResponseHandler {
 public:
  ExplainHandler(ExplanationPrinter& printer, ExitStatus& status)
      : printer_(printer), status_(status) {}

  void response(const Response& response, const Origin& origin) override {
    ++records_;
    Explanation explanation = explain(response.code);
    if (!explanation.entry) status_ = worse(status_, ExitStatus::not_found);
    ResponseContext context{response, origin};
    printer_.print(explanation, &context);
  }

  void bad_record(const Origin& origin, std::string_view why) override {
    ++records_;
    report_bad_record(origin, why);
    status_ = worse(status_, ExitStatus::data_error);
  }

  void passed_over(const Origin&) override {}

  // Counts what one input held, so that an input without a single response
  // (an empty reply, an HTML error page) is not passed over in silence.
  std::size_t records() const { return records_; }

 private:
  std::size_t records_ = 0;
  ExplanationPrinter& printer_;
  ExitStatus& status_;
};

void explain_code(std::string_view argument, ExplanationPrinter& printer, ExitStatus& status) {
  CodeArgument parsed = parse_code_argument(argument);
  if (!parsed.code) {
    report(fmt::format("argument \"{}\": {}", visible(argument), describe(parsed.problem)));
    status = worse(status, ExitStatus::data_error);
    return;
  }
  Explanation explanation = explain_typed(*parsed.code);
  if (!explanation.entry) status = worse(status, ExitStatus::not_found);
  printer.print(explanation);
}

// A bare word that names no file was most likely meant as a code.
bool meant_as_code(const std::string& argument, int error) {
  return error == ENOENT && argument.find_first_of("/.") == std::string::npos;
}

}  // namespace

ExitStatus run_explain(const ExplainRequest& request, Output& output) {
  std::vector<std::string> arguments = inputs_or_stdin(
      request.arguments,
      "explain: nothing to explain; give a code (dhcode explain 400000008), a file of "
      "responses, or pipe responses in (curl ... | dhcode explain); see dhcode explain --help");
  if (arguments.empty()) return ExitStatus::usage;

  ExitStatus status = ExitStatus::ok;
  ExplanationPrinter printer(output, request.style, request.notes);
  ExplainHandler handler(printer, status);
  for (const std::string& argument : arguments) {
    if (argument != "-" && looks_like_code(argument)) {
      explain_code(argument, printer, status);
      continue;
    }
    std::size_t records_before = handler.records();
    int error = read_responses(argument, handler);
    if (error == 0) {
      if (handler.records() == records_before) {
        report(fmt::format("{}: holds no response", visible(input_name(argument))));
        status = worse(status, ExitStatus::data_error);
      }
      continue;
    }
    if (meant_as_code(argument, error)) {
      report(fmt::format(
          "argument \"{}\": neither a code nor a file; a code is a whole number such as 400000008",
          visible(argument)));
      status = worse(status, ExitStatus::data_error);
    } else {
      report_input_error(argument, error);
      status = worse(status, ExitStatus::no_input);
    }
  }
  return status;
}

}  // namespace dhcode
