#include "verify_callback.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "callback_signature.hpp"
#include "input.hpp"
#include "output.hpp"
#include "render.hpp"
#include "request.hpp"
#include "safe_text.hpp"
#include "secret.hpp"
#include "task_status.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// What every callback of one run is checked with, and what came of it.
struct CallbackChecker {
  std::string_view secret;
  std::optional<std::string_view> server_secret;  // tried as a likely mix-up
  Context& context;
  ExitStatus status = ExitStatus::ok;
  std::size_t callbacks = 0;
  bool said_digest_problem = false;
};

// A value that equals or holds a secret is never shown.
std::string shown(std::string_view value, const CallbackChecker& checker) {
  if (value == checker.secret || (checker.server_secret && value == *checker.server_secret))
    return "(not shown: it equals a secret)";
  auto holds = [value](std::string_view secret) {
    return !secret.empty() && value.find(secret) != std::string_view::npos;
  };
  if (holds(checker.secret) || (checker.server_secret && holds(*checker.server_secret)))
    return "(not shown: it holds a secret)";
  return visible(value);
}

std::string unit_text(std::string_view timestamp, Language language) {
  std::string_view unit = timestamp_unit(timestamp);
  if (unit == "seconds") return say(language, "seconds", "秒");
  if (unit == "milliseconds") return say(language, "milliseconds", "毫秒");
  return say(language, "neither seconds nor milliseconds", "既非秒也非毫秒");
}

void write_verdict(const CallbackSignature& sent, const std::optional<CallbackVerdict>& verdict,
                   const Origin& origin, CallbackChecker& checker) {
  Language language = checker.context.language;
  std::string_view unit = timestamp_unit(sent.timestamp);
  if (checker.context.style.json) {
    nlohmann::ordered_json out;
    out["file"] = std::string(origin.name);
    out["line"] = origin.line;
    out["timestamp"] = shown(sent.timestamp, checker);
    out["timestamp_unit"] =
        unit.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(unit));
    out["nonce"] = shown(sent.nonce, checker);
    out["matches"] = verdict ? nlohmann::ordered_json(verdict->matches) : nullptr;
    out["why"] = verdict && !verdict->matches ? nlohmann::ordered_json(verdict->why) : nullptr;
    out["lang"] = name_of(language);
    checker.context.output.write(json_line(out));
    return;
  }
  std::string where = fmt::format("{}:{}: ", visible(origin.name), origin.line);
  std::string timestamp = say(language, "Timestamp {} in {}", "Timestamp {}，单位为{}",
                              shown(sent.timestamp, checker), unit_text(sent.timestamp, language));
  if (!verdict) {
    checker.context.output.write(where +
                                 say(language, "not checked ({})\n", "未核对（{}）\n", timestamp));
    return;
  }
  if (verdict->matches) {
    checker.context.output.write(where +
                                 say(language, "the Signature matches the CallbackSecret ({})\n",
                                     "Signature 与 CallbackSecret 相符（{}）\n", timestamp));
    return;
  }
  checker.context.output.write(
      where + say(language, "the Signature does not match the CallbackSecret ({})\n  {} {}\n",
                  "Signature 与 CallbackSecret 不符（{}）\n  {} {}\n", timestamp,
                  label_cell(words_for(language).why, language), verdict->why));
}

void check_signature(const CallbackSignature& sent, const Origin& origin,
                     CallbackChecker& checker) {
  ++checker.callbacks;
  std::string problem;
  std::optional<CallbackVerdict> verdict = verify_callback(
      sent, checker.secret, checker.server_secret, problem, checker.context.language);
  if (!problem.empty()) {
    if (!checker.said_digest_problem)
      report(fmt::format("verify: {}; no Signature is checked", problem));
    checker.said_digest_problem = true;
    checker.status = worse(checker.status, ExitStatus::unavailable);
  } else if (!verdict->matches) {
    checker.status = worse(checker.status, ExitStatus::not_found);
  }
  write_verdict(sent, verdict, origin, checker);
}

// A callback's JSON body, read as explain reads callbacks; and lines that
// hold its parameters as a receiving server logs a request
// (signature=...&timestamp=...&nonce=...).
class CallbackFinder : public ResponseHandler, public LineWatcher {
 public:
  CallbackFinder(std::string_view name, CallbackChecker& checker)
      : name_(name), checker_(checker) {}

  void callback(const TaskReport& callback, const Origin& origin) override {
    if (!callback.signature || !callback.timestamp || !callback.nonce) {
      ++checker_.callbacks;
      report(fmt::format("{}:{}: the callback has no {}; its signature cannot be checked",
                         visible(origin.name), origin.line, missing(callback)));
      checker_.status = worse(checker_.status, ExitStatus::data_error);
      return;
    }
    check_signature({*callback.timestamp, *callback.nonce, *callback.signature}, origin, checker_);
  }
  void line(const Line& line) override { check_query(line.text, {name_, line.number}); }
  void check_query(std::string_view text, const Origin& origin) {
    std::optional<std::string> query = find_callback_query(text);
    if (!query) return;
    std::vector<QueryParameter> parameters = parse_query(*query);
    check_signature(
        {*callback_parameter(parameters, "timestamp"), *callback_parameter(parameters, "nonce"),
         *callback_parameter(parameters, "signature")},
        origin, checker_);
  }
  void response(const Response&, const Origin&) override {}
  void bad_record(const Origin&, std::string_view) override {}
  void passed_over(const Origin&) override {}

 private:
  static std::string missing(const TaskReport& callback) {
    std::vector<std::string_view> names;
    if (!callback.signature) names.push_back("Signature");
    if (!callback.timestamp) names.push_back("Timestamp");
    if (!callback.nonce) names.push_back("Nonce");
    return fmt::format("{}", fmt::join(names, " or "));
  }

  std::string_view name_;
  CallbackChecker& checker_;
};

void verify_input(const std::string& input, std::size_t number, CallbackChecker& checker) {
  std::size_t before = checker.callbacks;
  std::string name = fmt::format("argument {}", number);
  if (input == checker.secret || (checker.server_secret && input == *checker.server_secret)) {
    report(fmt::format("{} is a secret (not shown); secrets are never read from arguments", name));
    checker.status = worse(checker.status, ExitStatus::usage);
    return;
  }
  bool parameter_text = is_query_argument(input);
  if (parameter_text) {
    CallbackFinder(name, checker).check_query(input, {name, 1});
  } else {
    CallbackFinder finder(input_name(input), checker);
    ReadEnd end = read_responses(input, finder, true, &finder);
    if (end.error) {
      report_input_error(input, end.error);
      checker.status = worse(checker.status, ExitStatus::no_input);
      return;
    }
    if (!end.problem.empty()) {
      report(fmt::format("{}: {}", visible(input_name(input)), end.problem));
      checker.status = worse(checker.status, ExitStatus::data_error);
      return;
    }
  }
  if (checker.callbacks == before) {
    report(
        fmt::format("{}: holds no callback (a JSON body with EventType and Detail, or signature=, "
                    "timestamp= and nonce= parameters)",
                    parameter_text ? name : visible(input_name(input))));
    checker.status = worse(checker.status, ExitStatus::data_error);
  }
}

}  // namespace

ExitStatus run_verify_callback(const VerifyRequest& request, Context& context) {
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs,
      "verify --callback: nothing to verify; give a callback's body or a log of them, or pipe "
      "it in (see dhcode verify --help)");
  if (inputs.empty()) return ExitStatus::usage;
  if (request.now) {
    report("verify: --now is for requests; a callback's Timestamp is not checked against a clock");
    return ExitStatus::usage;
  }
  if (request.secret_file == "-" && std::ranges::find(inputs, "-") != inputs.end()) {
    report(
        "verify: stdin cannot hold both the secret (--secret-file -) and the callbacks; give the "
        "callbacks as files");
    return ExitStatus::usage;
  }
  SecretRead secret = read_secret(request.secret_file, kCallbackSecret);
  if (!secret.problem.empty()) {
    report(fmt::format("verify: {}", secret.problem));
    return secret.status;
  }
  if (!secret.secret) {
    report(fmt::format("verify --callback: no CallbackSecret; set {} or give --secret-file FILE",
                       kCallbackSecret.variable));
    return ExitStatus::usage;
  }
  SecretRead server = read_secret(std::nullopt, kServerSecret);  // only to name a mix-up
  CallbackChecker checker{secret.secret->view(),
                          server.secret ? std::optional(server.secret->view()) : std::nullopt,
                          context};
  for (std::size_t i = 0; i < inputs.size(); ++i) verify_input(inputs[i], i + 1, checker);
  return checker.status;
}

}  // namespace dhcode
