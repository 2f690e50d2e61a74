#include "check_command.hpp"

#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"

namespace dhcode {
namespace {

// A task status: 0 when it is documented and not a failure; 1 when its task
// failed, or when the sources do not say what it means.
ExitStatus verdict(const TaskReport& report) {
  return documented(report) && !task_failed(report) ? ExitStatus::ok : ExitStatus::not_found;
}

ExitStatus verdict(const Explanation& explanation) {
  if (explanation.code == 0) return ExitStatus::ok;
  if (explanation.entry && explanation.entry->retryable) return ExitStatus::retry;
  return ExitStatus::not_found;  // 1: an error code that a retry will not mend
}

class CheckHandler : public ResponseHandler {
 public:
  CheckHandler(const CheckRequest& request, ExplanationPrinter& printer)
      : request_(request), printer_(printer) {}

  void response(const Response& response, const Origin& origin) override {
    ++responses_;
    Explanation explanation = explain(response.code);
    status_ = worse(status_, verdict(explanation));
    for (const TaskReport& task : response.tasks) status_ = worse(status_, verdict(task));
    if (!request_.verbose && !printer_.reports_every_response()) return;
    ResponseContext context{response, origin};
    printer_.print(explanation, &context);
  }

  void callback(const TaskReport& callback, const Origin& origin) override {
    ++responses_;
    status_ = worse(status_, verdict(callback));
    if (request_.verbose || printer_.reports_every_response()) printer_.callback(callback, origin);
  }

  void bad_record(const Origin& origin, std::string_view why) override {
    ++bad_records_;
    status_ = worse(status_, ExitStatus::data_error);
    report_bad_record(origin, why);  // about the input: said even when quiet
    printer_.problem(origin, why);
  }

  void passed_over(const Origin&) override {}

  void input_problem(std::string_view name, std::string_view why) override {
    printer_.problem({name}, why);
  }

  ExitStatus status() const { return status_; }
  bool found_nothing() const { return responses_ == 0 && bad_records_ == 0; }

 private:
  const CheckRequest& request_;
  ExplanationPrinter& printer_;
  ExitStatus status_ = ExitStatus::ok;
  std::size_t responses_ = 0;
  std::size_t bad_records_ = 0;
};

}  // namespace

ExitStatus run_check(const CheckRequest& request, Context& context) {
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs,
      "check: no input; give a file of responses or pipe one in (see dhcode check --help)");
  if (inputs.empty()) return ExitStatus::usage;
  ExplanationPrinter printer(context);
  CheckHandler handler(request, printer);
  // An input without a response is named, with its nearest miss, as
  // explain names it.
  ExitStatus reading = read_inputs(inputs, handler, {.each_needs_a_response = true});
  ExitStatus status = worse(handler.status(), reading);
  if (handler.found_nothing() && reading == ExitStatus::ok) {
    status = worse(status, ExitStatus::data_error);
    report("check: the input holds no response");
    printer.problem({}, "check: the input holds no response");
  }
  printer.finish();
  return status;
}

}  // namespace dhcode
