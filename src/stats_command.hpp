// dhcode stats: how often each code occurs in logs of responses.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"

namespace dhcode {

struct StatsRequest {
  std::vector<std::string> inputs;  // files, "-" for stdin; empty: stdin
  std::size_t jobs = 0;             // inputs read at once; 0: as many as the cores
  bool merge = false;               // the inputs are `stats --json` results to add up
};

// Prints one row per code (count, share, retryable, description; legacy
// codes marked), most frequent first, then the totals: responses, successes,
// errors, unreadable records, and lines or objects passed over (text that
// holds no response). Several inputs are read at once (jobs), with the
// report of reading them one after another. 65 when a record was unreadable (each is
// reported on stderr), 66 when an input cannot be read, 0 otherwise.
ExitStatus run_stats(const StatsRequest& request, Context& context);

}  // namespace dhcode
