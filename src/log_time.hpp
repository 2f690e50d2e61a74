// The time a log record was written, where the record says it in a
// well-known form: an RFC 3339 timestamp (docker's "time", a text line that
// starts with one) or journald's __REALTIME_TIMESTAMP.
#pragma once

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

// journald's microseconds since the epoch as RFC 3339 in UTC, written over
// out: "1774000800123456" is "2026-03-20T10:00:00.123456Z". False (out
// unchanged) when text is no such number, or a time after the year 9999.
bool journal_time(std::string_view microseconds, std::string& out);

}  // namespace dhcode
