// What `dhcode stats` counts, and how counts made apart become one: the
// tally of one input (or one thread, or one machine's `stats --json`) is
// added to the tally of the inputs before it, and the result is the tally
// one run over all of them in that order would have made.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "registry.hpp"
#include "response.hpp"

namespace dhcode {

// Codes counted one by one. A real log holds a few dozen; past this many, a
// hostile input could make the table grow without end, so further new codes
// are counted together (and that is said once on stderr).
inline constexpr std::size_t kMaxDistinctCodes = 10'000;

struct Totals {
  std::uint64_t responses = 0;
  std::uint64_t successes = 0;
  std::uint64_t unreadable = 0;
  std::uint64_t passed_over = 0;
  std::uint64_t mentioning_code = 0;  // of those passed over
  std::string first_mention;          // "api.log:12", where the first was
  std::uint64_t other_codes = 0;      // responses whose code came after the table was full
  std::uint64_t errors() const { return responses - successes; }
};

// When a code was first and last seen, in the order the records were read,
// as the log wrote the times; empty when its records carry no time.
struct Seen {
  std::optional<std::string> first;
  std::optional<std::string> last;
  void at(const std::optional<std::string>& time) {
    if (!time) return;
    if (!first) first = *time;
    last = *time;
  }
  // What was seen later, in inputs read after these.
  void then(const Seen& later) {
    if (!first) first = later.first;
    if (later.last) last = later.last;
  }
};

struct Tally {
  std::uint64_t count = 0;
  Seen seen;
  std::string first_file;  // where the code was first seen
  std::size_t first_line = 0;
};

// Callbacks of one EventType and Status: how many, when and where first,
// and the first few tasks that failed.
inline constexpr std::size_t kFailedTasksKept = 5;
struct CallbackTally {
  Tally tally;
  std::vector<std::string> failed_tasks;  // TaskId (else DriveId), each once
  void add_failed_task(const std::string& id);
};

// EventType and Status (none when the callback had no Status).
using CallbackKind = std::pair<std::int64_t, std::optional<std::int64_t>>;
// A callback of the kind, with nothing else known: for its meaning.
inline TaskReport callback_of(const CallbackKind& kind) {
  TaskReport report;
  report.event_type = kind.first;
  report.status = kind.second;
  return report;
}

// Past kMaxDistinctCodes kinds, further new kinds are counted as this one.
inline constexpr CallbackKind kOtherCallbacks{INT64_MIN, std::nullopt};

struct CodeCount {
  Code code;
  const Tally* tally;
};

class StatsTally {
 public:
  // Once per response: most are successes, counted without a lookup.
  void response(const Response& response, const Origin& origin) {
    ++totals.responses;
    if (response.code == 0) {
      ++totals.successes;
      if (successes_.count++ == 0) first_at(successes_, origin);
      successes_.seen.at(response.time);
      return;
    }
    count_code(response, origin);
  }
  void passed_over_mentioning_code(const Origin& first, std::size_t lines);
  // Adds the tally of inputs read after this one's.
  void add(const StatsTally& later);
  // A code's tally as a partial result says it (stats_merge.hpp).
  void add_code(Code code, const Tally& tally);

  // Once per callback (task_status.hpp).
  void callback(const TaskReport& callback, const Origin& origin);
  // Callbacks of a kind as a partial result says them (stats_merge.hpp).
  void add_callbacks(const CallbackKind& kind, const CallbackTally& tally);

  // Most frequent first; equal counts in code order.
  std::vector<CodeCount> rows() const;
  // By EventType, then Status.
  const std::map<CallbackKind, CallbackTally>& callbacks() const { return callbacks_; }
  std::uint64_t callback_count() const;

  Totals totals;

 private:
  static void first_at(Tally& tally, const Origin& origin);
  void count_code(const Response& response, const Origin& origin);

  std::unordered_map<Code, Tally> counts_;
  Tally successes_;
  // A kind is a pair of values the service sent: a hostile input could make
  // many; they are few in any real log, and capped as codes are.
  std::map<CallbackKind, CallbackTally> callbacks_;
};

}  // namespace dhcode
