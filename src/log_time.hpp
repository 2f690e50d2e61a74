// The time a log record was written, where the record says it in a
// well-known form: an RFC 3339 timestamp (docker's "time", a text line that
// starts with one) or journald's __REALTIME_TIMESTAMP.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dhcode {

// "2026-03-20T10:00:00.123456789Z", "2026-03-20T10:00:00+08:00", and the
// forms loggers write at the start of a line: a space for the T, a comma
// before the fraction (Python), no zone.
bool is_rfc3339(std::string_view text);

// The timestamp a text line starts with, if it starts with one (also as
// logfmt's first pair: ts=..., time=...).
std::optional<std::string> leading_timestamp(std::string_view line);

// Microseconds since the epoch as RFC 3339 in UTC, with fraction_digits
// (0 to 6) of the second, written over out: "2023-04-11T13:58:30.034Z" for
// 3. False (out unchanged) for a time after the year 9999.
bool utc_time(std::uint64_t micros, int fraction_digits, std::string& out);

// journald's microseconds since the epoch as RFC 3339 in UTC, written over
// out, for the records of one journal, one after another:
// "1774000800123456" is "2026-03-20T10:00:00.123456Z". False (out
// unchanged) when text is no such number, or a time after the year 9999.
// The text of the last second converted is kept, and a record in the same
// second (a journal holds many a second) has only its six digits of
// fraction copied (into out alone, when out is the text written last: the
// caller leaves the texts it is given as they were written).
class JournalTimes {
 public:
  bool convert(std::string_view microseconds, std::string& out);

 private:
  std::string second_digits_;  // "1774000800" of "1774000800123456"
  // "2026-03-20T10:00:00.123456Z": that second's text (its fraction is the
  // one of the record converted the long way).
  std::string written_;
  // The text converted last, which then holds that second's text already.
  const std::string* last_out_ = nullptr;
};

}  // namespace dhcode
