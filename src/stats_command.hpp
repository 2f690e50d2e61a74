// dhcode stats: how often each code occurs in logs of responses.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct StatsRequest {
  std::vector<std::string> inputs;  // files, "-" for stdin; empty: stdin
};

// Prints one row per code (count, share, retryable, description; legacy
// codes marked), most frequent first, then the totals: responses, successes,
// errors, unreadable records, and lines or objects passed over (text that
// holds no response). 65 when a record was unreadable (each is
// reported on stderr), 66 when an input cannot be read, 0 otherwise.
ExitStatus run_stats(const StatsRequest& request, Context& context);

}  // namespace dhcode
