#include "log_time.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>

#include "ascii.hpp"

namespace dhcode {
namespace {

// Whether text starts with a date and time: "2026-03-20T10:00:00", with T,
// t or a space between them. The separators are checked first: most texts
// are no time.
bool starts_with_date_and_time(std::string_view text) {
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':')
    return false;
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return false;
  for (int at : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (!is_ascii_digit(text[at])) return false;
  return true;
}

bool all_digits(std::string_view text) {
  return std::ranges::all_of(text, is_ascii_digit);
}

// Writes value, which has at most width digits, as exactly width digits.
void write_digits(char* at, std::uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

// The length of the timestamp at the start of text, or 0. Called on every
// time field of every record: one pass, nothing out of line.
std::size_t timestamp_length(std::string_view text) {
  if (!starts_with_date_and_time(text)) return 0;
  std::size_t pos = 19;
  // A fraction: '.' or ',' and at least one digit.
  if (pos + 1 < text.size() && (text[pos] == '.' || text[pos] == ',') &&
      is_ascii_digit(text[pos + 1])) {
    pos += 2;
    while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  }
  std::string_view zone = text.substr(pos);
  if (zone.starts_with('Z') || zone.starts_with('z')) return pos + 1;
  if (zone.starts_with('+') || zone.starts_with('-')) {
    // +08:00 or +0800
    if (zone.size() >= 6 && zone[3] == ':' && all_digits(zone.substr(1, 2)) &&
        all_digits(zone.substr(4, 2)))
      return pos + 6;
    if (zone.size() >= 5 && all_digits(zone.substr(1, 4))) return pos + 5;
  }
  return pos;
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

bool utc_time(std::uint64_t micros, int fraction_digits, std::string& out) {
  // Years after 9999 are beyond the calendar's range: not written.
  constexpr std::uint64_t kYear10000 = 253'402'300'800'000'000;
  if (micros >= kYear10000) return false;
  // Converted without the C library's time zone lock, its fields written
  // as fixed-width digits (every record of a journal export has a time: a
  // general formatter cost half again as much as the rest of the record).
  using namespace std::chrono;
  sys_time<microseconds> time{microseconds(static_cast<std::int64_t>(micros))};
  sys_days day = floor<days>(time);
  year_month_day date{day};
  hh_mm_ss of_day{time - day};
  char written[] = "0000-00-00T00:00:00.000000";
  write_digits(written, static_cast<int>(date.year()), 4);
  write_digits(written + 5, static_cast<unsigned>(date.month()), 2);
  write_digits(written + 8, static_cast<unsigned>(date.day()), 2);
  write_digits(written + 11, of_day.hours().count(), 2);
  write_digits(written + 14, of_day.minutes().count(), 2);
  write_digits(written + 17, of_day.seconds().count(), 2);
  write_digits(written + 20, of_day.subseconds().count(), 6);
  constexpr int kSecondsEnd = 19;  // "2026-03-20T10:00:00"
  int digits = std::clamp(fraction_digits, 0, 6);
  out.assign(written, digits == 0 ? kSecondsEnd : kSecondsEnd + 1 + digits);
  out += 'Z';
  return true;
}

bool JournalTimes::convert(std::string_view text, std::string& out) {
  constexpr std::size_t kFractionDigits = 6;
  std::string_view second = text.substr(0, text.size() - std::min(text.size(), kFractionDigits));
  std::string_view fraction = text.substr(second.size());
  if (!second.empty() && second == second_digits_ && all_digits(fraction)) {
    constexpr std::size_t kFractionAt = 20;  // after "2026-03-20T10:00:00."
    if (&out != last_out_) {
      out.assign(written_);
      last_out_ = &out;
    }
    std::copy(fraction.begin(), fraction.end(), out.begin() + kFractionAt);
    return true;
  }
  std::uint64_t micros = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), micros);
  if (error != std::errc() || end != text.data() + text.size()) return false;
  if (!utc_time(micros, kFractionDigits, written_)) return false;
  second_digits_.assign(second);
  out.assign(written_);
  last_out_ = &out;
  return true;
}

}  // namespace dhcode
