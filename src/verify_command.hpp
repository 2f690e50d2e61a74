// dhcode verify: why a signed request fails with a 1000000xx code, before
// it is sent or after it was logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct VerifyRequest {
  // Request URLs or query strings, files of lines that hold them, - for
  // stdin; empty: stdin.
  std::vector<std::string> inputs;
  std::optional<std::string> secret_file;  // else DHCODE_SERVER_SECRET, else none
  std::optional<std::int64_t> now;         // the time a logged request was sent
  bool callback = false;  // --callback: callbacks' signatures (verify_callback.hpp)
};

// Lists every problem of every request found, each with its return code,
// explained from the registry. 0: no finding; 1: a finding predicts an
// error code; 65: an input holds no request; 66: an input cannot be read;
// 64: a bad secret; 69: the digest library cannot be loaded.
ExitStatus run_verify(const VerifyRequest& request, Context& context);

}  // namespace dhcode
