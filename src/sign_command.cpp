#include "sign_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "ascii.hpp"
#include "output.hpp"
#include "render.hpp"
#include "request.hpp"
#include "safe_text.hpp"
#include "secret.hpp"
#include "signature.hpp"

namespace dhcode {
namespace {

ExitStatus usage(std::string_view message) {
  report(message);
  return ExitStatus::usage;
}

std::optional<std::string> app_id_of(const SignRequest& request) {
  if (request.app_id) return request.app_id;
  if (const char* value = std::getenv(kAppIdVariable)) return std::string(value);
  return std::nullopt;
}

bool printable(std::string_view text) {
  return !text.empty() && !has_control_character(text);
}

void print(const std::vector<QueryParameter>& parameters, Context& context) {
  if (context.style.json) {
    nlohmann::ordered_json out;
    for (const QueryParameter& p : parameters) {
      // Numbers where the API's types are numbers (AppId Uint32, Timestamp Int64).
      if (p.name == "AppId")
        out[p.name] = *read_app_id(p.value);
      else if (p.name == "Timestamp")
        out[p.name] = *read_timestamp(p.value);
      else
        out[p.name] = p.value;
    }
    context.output.write(json_line(out));
    return;
  }
  std::vector<std::string> pairs;
  for (const QueryParameter& p : parameters)
    pairs.push_back(p.name + "=" + percent_encoded(p.value));
  context.output.write(fmt::format("{}\n", fmt::join(pairs, "&")));
}

}  // namespace

ExitStatus run_sign(const SignRequest& request, Context& context) {
  std::optional<std::string> app_id = app_id_of(request);
  if (!app_id) return usage(fmt::format("sign: no AppId; give --app-id or set {}", kAppIdVariable));
  if (!read_app_id(*app_id))
    return usage(
        fmt::format("sign: AppId \"{}\" is not a Uint32 (a whole number from 0 to "
                    "4294967295)",
                    visible(*app_id)));
  if (request.action && !printable(*request.action))
    return usage("sign: --action is empty or holds a control character");
  // What verify would flag is refused here: a request built from sign's
  // output must pass.
  if (app_id->size() > 1 && app_id->front() == '0')
    return usage(fmt::format(
        "sign: AppId \"{}\" has a leading zero; the API reads the number {} and the signature "
        "over \"{}\" would not match (100000005); give --app-id {}",
        visible(*app_id), *read_app_id(*app_id), visible(*app_id), *read_app_id(*app_id)));
  if (request.nonce && (request.nonce->empty() || !std::ranges::all_of(*request.nonce, [](char c) {
                          return hex_digit_value(c) >= 0;
                        })))
    return usage(
        "sign: --nonce must be hex digits (0-9, a-f), as the SignatureNonces that sign makes are");
  if (request.timestamp) {
    std::optional<std::int64_t> seconds = read_timestamp(*request.timestamp);
    if (!seconds || *seconds < 0)
      return usage(fmt::format("sign: --timestamp \"{}\" is not a whole number of Unix seconds",
                               visible(*request.timestamp)));
    if (request.timestamp->size() >= 13)
      return usage(fmt::format(
          "sign: --timestamp {} has {} digits: it is in milliseconds; the API wants Unix "
          "seconds ({}), else it answers 100000003",
          *request.timestamp, request.timestamp->size(), *seconds / 1000));
  }

  SecretRead secret = read_secret(request.secret_file);
  if (!secret.problem.empty()) {
    report(fmt::format("sign: {}", secret.problem));
    return secret.status;
  }
  if (!secret.secret)
    return usage(
        fmt::format("sign: no ServerSecret; set {} or give --secret-file FILE "
                    "(- for stdin)",
                    kSecretVariable));
  if (std::string_view text = secret.secret->view();
      text.find_first_of(" \t") == 0 || text.find_last_of(" \t") == text.size() - 1)
    report(
        "sign: warning: the ServerSecret has blanks at its start or end; they are signed as part "
        "of it (a copy-paste slip makes the API answer 100000005)");

  std::string problem;
  std::optional<std::string> nonce = request.nonce ? request.nonce : new_nonce(problem);
  SignedParts parts{*app_id, nonce.value_or(""),
                    request.timestamp.value_or(std::to_string(std::time(nullptr)))};
  std::optional<std::string> signature =
      nonce ? sign(parts, secret.secret->view(), problem) : std::nullopt;
  if (!signature) {
    report(fmt::format("sign: {}", problem));
    return ExitStatus::unavailable;
  }
  std::vector<QueryParameter> parameters;
  if (request.action) parameters.push_back({"Action", *request.action});
  parameters.push_back({"AppId", parts.app_id});
  parameters.push_back({"SignatureNonce", parts.nonce});
  parameters.push_back({"Timestamp", parts.timestamp});
  parameters.push_back({"Signature", *signature});
  parameters.push_back({"SignatureVersion", std::string(kSignatureVersion)});
  print(parameters, context);
  return ExitStatus::ok;
}

}  // namespace dhcode
