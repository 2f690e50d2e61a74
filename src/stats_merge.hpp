// `dhcode stats --merge`: the `stats --json` results of separate runs (one
// a file, on one machine or many) read back and added up, in the order
// given, into the tally one run over all their inputs would have made.
// The schema of a partial result is in docs/json.md ("stats").
#pragma once

#include <span>
#include <string>

#include "exit_status.hpp"
#include "stats_tally.hpp"

namespace dhcode {

// Reads each input ("-" for stdin) as lines of `stats --json` output and
// adds each to tally. A line that is not such a result is reported with
// its place and why (65); an input that cannot be read, as every command
// reports it (66).
ExitStatus merge_partials(std::span<const std::string> inputs, StatsTally& tally);

}  // namespace dhcode
