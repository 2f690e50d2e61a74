#include "log_time.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <ctime>

namespace dhcode {
namespace {

// Reads count digits at pos; false when they are not all there.
bool digits(std::string_view text, std::size_t& pos, std::size_t count) {
  for (std::size_t end = pos + count; pos < end; ++pos)
    if (pos >= text.size() || text[pos] < '0' || text[pos] > '9') return false;
  return true;
}

bool expect(std::string_view text, std::size_t& pos, std::string_view any_of) {
  if (pos >= text.size() || any_of.find(text[pos]) == std::string_view::npos) return false;
  ++pos;
  return true;
}

// The length of the timestamp at the start of text, or 0.
std::size_t timestamp_length(std::string_view text) {
  std::size_t pos = 0;
  bool ok = digits(text, pos, 4) && expect(text, pos, "-") && digits(text, pos, 2) &&
            expect(text, pos, "-") && digits(text, pos, 2) && expect(text, pos, "Tt ") &&
            digits(text, pos, 2) && expect(text, pos, ":") && digits(text, pos, 2) &&
            expect(text, pos, ":") && digits(text, pos, 2);
  if (!ok) return 0;
  std::size_t after_seconds = pos;
  if (expect(text, pos, ".,") && digits(text, pos, 1)) {
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  } else {
    pos = after_seconds;
  }
  std::size_t before_zone = pos;
  if (expect(text, pos, "Zz")) return pos;
  if (expect(text, pos, "+-") && digits(text, pos, 2)) {
    std::size_t hours = pos;
    if (expect(text, pos, ":") && digits(text, pos, 2)) return pos;
    pos = hours;
    if (digits(text, pos, 2)) return pos;
  }
  return before_zone;
}

}  // namespace

bool is_rfc3339(std::string_view text) {
  std::size_t length = timestamp_length(text);
  return length > 0 && length == text.size();
}

std::optional<std::string> leading_timestamp(std::string_view line) {
  // logfmt's first pair: ts=2026-03-20T10:00:00Z (go-kit, zap) or time=...
  // (logrus, slog), the value possibly quoted.
  for (std::string_view key : {"ts=", "time="}) {
    if (!line.starts_with(key)) continue;
    line.remove_prefix(key.size());
    if (line.starts_with('"')) line.remove_prefix(1);
    break;
  }
  std::size_t length = timestamp_length(line);
  if (length == 0) return std::nullopt;
  // "2026-03-20 10:00:00 ..." but not "2026-03-20 10:00:00x".
  if (length < line.size() &&
      std::string_view(" \t]|,;\"").find(line[length]) == std::string_view::npos)
    return std::nullopt;
  return std::string(line.substr(0, length));
}

std::optional<std::string> journal_time(std::string_view microseconds) {
  std::uint64_t micros = 0;
  auto [end, error] =
      std::from_chars(microseconds.data(), microseconds.data() + microseconds.size(), micros);
  if (error != std::errc() || end != microseconds.data() + microseconds.size()) return std::nullopt;
  std::time_t seconds = static_cast<std::time_t>(micros / 1'000'000);
  std::tm utc{};
  if (!gmtime_r(&seconds, &utc)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                     micros % 1'000'000);
}

}  // namespace dhcode
