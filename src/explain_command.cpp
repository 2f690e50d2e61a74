#include "explain_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "code_argument.hpp"
#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

class ExplainHandler : public ResponseHandler {
 public:
  ExplainHandler(ExplanationPrinter& printer, ExitStatus& status, bool failures)
      : printer_(printer), status_(status), failures_(failures) {}

  void response(const Response& response, const Origin& origin) override {
    if (failures_ && response.code == 0 && std::ranges::none_of(response.tasks, task_failed) &&
        !printer_.reports_every_response())
      return;
    Explanation explanation = explain(response.code);
    if (!explanation.entry) status_ = worse(status_, ExitStatus::not_found);
    ResponseContext context{response, origin};
    printer_.print(explanation, &context);
  }

  void callback(const TaskReport& callback, const Origin& origin) override {
    if (!documented(callback)) status_ = worse(status_, ExitStatus::not_found);
    bool normal = documented(callback) && !task_failed(callback);
    if (failures_ && normal && !printer_.reports_every_response()) return;
    printer_.callback(callback, origin);
  }

  void bad_record(const Origin& origin, std::string_view why) override {
    report_bad_record(origin, why);
    printer_.problem(origin, why);
    status_ = worse(status_, ExitStatus::data_error);
  }

  void passed_over(const Origin&) override {}

  void input_problem(std::string_view name, std::string_view why) override {
    printer_.problem({name}, why);
  }

 private:
  ExplanationPrinter& printer_;
  ExitStatus& status_;
  bool failures_;
};

void explain_code(std::string_view argument, ExplanationPrinter& printer, ExitStatus& status) {
  CodeArgument parsed = parse_code_argument(argument);
  if (!parsed.code) {
    std::string why =
        fmt::format("argument \"{}\": {}", visible(argument), describe(parsed.problem));
    report(why);
    printer.problem({}, why);
    status = worse(status, ExitStatus::data_error);
    return;
  }
  Explanation explanation = explain_typed(*parsed.code);
  if (!explanation.entry) status = worse(status, ExitStatus::not_found);
  printer.print(explanation);
}

}  // namespace

ExitStatus run_explain(const ExplainRequest& request, Context& context) {
  std::vector<std::string> arguments = inputs_or_stdin(
      request.arguments,
      "explain: nothing to explain; give a code (dhcode explain 400000008), a file of "
      "responses, or pipe responses in (curl ... | dhcode explain); see dhcode explain --help");
  if (arguments.empty()) return ExitStatus::usage;

  ExitStatus status = ExitStatus::ok;
  ExplanationPrinter printer(context, request.notes, request.short_form);
  ExplainHandler handler(printer, status, request.failures);
  ReadOptions options{.each_needs_a_response = true, .bare_words_are_codes = true};
  for (const std::string& argument : arguments) {
    if (argument != "-" && looks_like_code(argument)) {
      explain_code(argument, printer, status);
      continue;
    }
    // The handler raises status as it reads; read first, then take the worse.
    ExitStatus reading = read_inputs({&argument, 1}, handler, options);
    status = worse(status, reading);
  }
  printer.finish();
  return status;
}

}  // namespace dhcode
