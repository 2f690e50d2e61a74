#include "verify_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "byte_source.hpp"
#include "input.hpp"
#include "input_format.hpp"
#include "line_reader.hpp"
#include "output.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "request_check.hpp"
#include "safe_text.hpp"
#include "secret.hpp"
#include "verify_callback.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// What every request of one run is checked with.
struct Checker {
  CheckClock clock;
  std::optional<std::string_view> secret;
  Context& context;
  ExitStatus status = ExitStatus::ok;
  std::size_t requests = 0;
  bool said_digest_problem = false;  // once a run, not once a request
};

std::string text_of(const RequestCheck& check, const Origin& origin, Language language) {
  const Words& w = words_for(language);
  std::string where = fmt::format("{}:{}: ", visible(origin.name), origin.line);
  if (check.findings.empty())
    return where +
           fmt::format(fmt::runtime(w.no_problem),
                       check.signature_checked ? w.signature_matches : check.signature_note) +
           "\n";
  std::string out = where;
  Code most_likely = check.findings.front().code;
  out += check.findings.size() == 1
             ? fmt::format(fmt::runtime(w.one_problem), most_likely)
             : fmt::format(fmt::runtime(w.problems), check.findings.size(), most_likely);
  out += "\n";
  auto label = [&](std::string_view text) { return label_cell(text, language); };
  for (const Finding& finding : check.findings) {
    const Entry* entry = active_registry().find(finding.code);
    fmt::format_to(
        std::back_inserter(out), "  {}  {}\n    {} {}\n", finding.code,
        entry ? visible(description_in(*entry, language)) : std::string(w.not_in_registry),
        label(w.why), finding.why);
    if (entry && !action_in(*entry, language).empty())
      fmt::format_to(std::back_inserter(out), "    {} {}\n", label(w.action),
                     visible(action_in(*entry, language)));
  }
  if (!check.signature_checked)
    fmt::format_to(std::back_inserter(out), "  {} {}\n", label(w.signature), check.signature_note);
  return out;
}

nlohmann::ordered_json json_of(const RequestCheck& check, const Origin& origin,
                               const std::vector<QueryParameter>& query, Language language,
                               std::optional<std::string_view> secret) {
  nlohmann::ordered_json out;
  out["file"] = std::string(origin.name);
  out["line"] = origin.line;
  out["parameters"] = nlohmann::ordered_json::object();
  for (const QueryParameter& p : query) {
    // The secret pasted into a parameter, alone or in a longer text, is
    // never printed.
    std::string name = secret ? without_secret(p.name, *secret) : p.name;
    if (out["parameters"].contains(name)) continue;
    out["parameters"][name] = secret ? without_secret(p.value, *secret) : p.value;
  }
  out["findings"] = nlohmann::ordered_json::array();
  for (const Finding& finding : check.findings) {
    const Entry* entry = active_registry().find(finding.code);
    out["findings"].push_back(
        {{"code", finding.code},
         {"description",
          entry ? nlohmann::ordered_json(std::string(description_in(*entry, language))) : nullptr},
         {"action",
          entry ? nlohmann::ordered_json(std::string(action_in(*entry, language))) : nullptr},
         {"why", finding.why}});
  }
  out["most_likely"] = check.findings.empty() ? nlohmann::ordered_json()
                                              : nlohmann::ordered_json(check.findings[0].code);
  out["signature_checked"] = check.signature_checked;
  out["signature_note"] = check.signature_checked ? nlohmann::ordered_json()
                                                  : nlohmann::ordered_json(check.signature_note);
  out["lang"] = name_of(language);
  return out;
}

// Checks the request in one line of text, if it holds one.
void verify_line(std::string_view line, const Origin& origin, Checker& checker) {
  std::optional<std::string> query_text = find_query(line);
  if (!query_text) return;
  ++checker.requests;
  std::vector<QueryParameter> query = parse_query(*query_text);
  std::string problem;
  Language language = checker.context.language;
  RequestCheck check = check_request(query, checker.clock, checker.secret, problem, language);
  if (!problem.empty() && !checker.said_digest_problem) {
    report(fmt::format("verify: {}; no Signature is checked", problem));
    checker.said_digest_problem = true;
  }
  if (!problem.empty()) checker.status = worse(checker.status, ExitStatus::unavailable);
  if (!check.findings.empty()) checker.status = worse(checker.status, ExitStatus::not_found);
  if (checker.context.style.json)
    checker.context.output.write(
        json_line(json_of(check, origin, query, language, checker.secret)));
  else
    checker.context.output.write(text_of(check, origin, language));
}

// Reads a file (or stdin) line by line; says how reading ended when it did
// not simply reach the end.
ReadEnd verify_file(const std::string& path, Checker& checker) {
  InputFile input(path);
  if (input.open_error()) return {input.open_error(), {}, {}};
  std::unique_ptr<ByteSource> source = open_input(input.bytes());
  LineReader reader(*source);
  Line line;
  while (reader.next(line)) {
    if (line.too_long) {  // it may have held a request: said, not skipped in silence
      report(fmt::format("{}:{}: {}", visible(input_name(path)), line.number,
                         too_long_message("line")));
      checker.status = worse(checker.status, ExitStatus::data_error);
      continue;
    }
    verify_line(line.text, {input_name(path), line.number}, checker);
  }
  return {source->error(), source->problem(), {}};
}

}  // namespace

ExitStatus run_verify(const VerifyRequest& request, Context& context) {
  if (request.callback) return run_verify_callback(request, context);
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs,
      "verify: nothing to verify; give a request URL or query string, a file of lines that "
      "hold them, or pipe them in (see dhcode verify --help)");
  if (inputs.empty()) return ExitStatus::usage;
  if (request.secret_file == "-" && std::ranges::find(inputs, "-") != inputs.end()) {
    report(
        "verify: stdin cannot hold both the secret (--secret-file -) and the requests; give the "
        "requests as files or arguments");
    return ExitStatus::usage;
  }
  SecretRead secret = read_secret(request.secret_file);
  if (!secret.problem.empty()) {
    report(fmt::format("verify: {}", secret.problem));
    return secret.status;
  }
  Checker checker{{request.now.value_or(std::time(nullptr)), request.now.has_value()},
                  secret.secret ? std::optional(secret.secret->view()) : std::nullopt,
                  context};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string& input = inputs[i];
    std::size_t before = checker.requests;
    std::string name = fmt::format("argument {}", i + 1);
    if (checker.secret && input == *checker.secret) {  // never echoed as a file name
      report(
          fmt::format("{} is the ServerSecret (not shown); it is never read from arguments", name));
      checker.status = worse(checker.status, ExitStatus::usage);
      continue;
    }
    bool request_text = is_query_argument(input);  // looked up once: it asks the file system
    if (request_text) {
      verify_line(input, {name, 1}, checker);
    } else if (ReadEnd end = verify_file(input, checker); end.error) {
      report_input_error(input, end.error);
      checker.status = worse(checker.status, ExitStatus::no_input);
      continue;
    } else if (!end.problem.empty()) {
      // Corrupt or cut-off compressed data: said, as read_inputs says it.
      report(fmt::format("{}: {}", visible(input_name(input)), end.problem));
      checker.status = worse(checker.status, ExitStatus::data_error);
      continue;
    }
    if (checker.requests == before) {
      report(fmt::format("{}: holds no request (no common parameter such as AppId= or Signature=)",
                         request_text ? name : visible(input_name(input))));
      checker.status = worse(checker.status, ExitStatus::data_error);
    }
  }
  return checker.status;
}

}  // namespace dhcode
