// The exit statuses dhcode documents (README, docs/output.md, --help, man page). Values
// above 1 follow sysexits.h so that scripts can tell the kinds apart.
#pragma once

#include <array>

namespace dhcode {

enum class ExitStatus : int {
  ok = 0,            // everything explained; for check: the response is a success
  not_found = 1,     // a code is not in the registry; for check: an error code
  usage = 64,        // EX_USAGE: bad options or arguments
  data_error = 65,   // EX_DATAERR: bad input data (not a code, not a response)
  no_input = 66,     // EX_NOINPUT: an input file cannot be opened or read
  unavailable = 69,  // EX_UNAVAILABLE: sign, verify: the digest library cannot be loaded
  io_error = 74,     // EX_IOERR: writing the output failed
  retry = 75,        // EX_TEMPFAIL: for check: a later retry can succeed
  config = 78,       // EX_CONFIG: a registry overlay is broken
};

// When several things happen in one run, the status of the worst is returned.
// From least to most severe.
inline constexpr std::array kSeverity = {
    ExitStatus::ok,         ExitStatus::retry,    ExitStatus::not_found,
    ExitStatus::data_error, ExitStatus::no_input, ExitStatus::unavailable,
    ExitStatus::config,     ExitStatus::io_error, ExitStatus::usage,
};

constexpr int severity(ExitStatus status) {
  for (std::size_t i = 0; i < kSeverity.size(); ++i)
    if (kSeverity[i] == status) return static_cast<int>(i);
  return static_cast<int>(kSeverity.size());
}

constexpr ExitStatus worse(ExitStatus a, ExitStatus b) {
  return severity(b) > severity(a) ? b : a;
}

}  // namespace dhcode
