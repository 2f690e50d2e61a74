// dhcode sign: the common parameters of one request, signed, ready to append
// to the API's URL.
#pragma once

#include <optional>
#include <string>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct SignRequest {
  std::optional<std::string> action;
  std::optional<std::string> app_id;       // else DHCODE_APP_ID
  std::optional<std::string> secret_file;  // else DHCODE_SERVER_SECRET
  std::optional<std::string> nonce;        // else 8 random bytes
  std::optional<std::string> timestamp;    // else now
};

// Prints Action (when given), AppId, SignatureNonce, Timestamp, Signature
// and SignatureVersion as a query string, or one JSON object; 64 when the
// AppId or the secret is missing or malformed, 66 when the secret file
// cannot be read.
ExitStatus run_sign(const SignRequest& request, Context& context);

// The name of the environment variable the AppId may come from.
inline constexpr const char* kAppIdVariable = "DHCODE_APP_ID";

}  // namespace dhcode
