#include <doctest/doctest.h>

#include "log_time.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("log_time");

TEST_CASE("RFC 3339 and the forms loggers write") {
  CHECK(is_rfc3339("2026-03-20T10:00:00Z"));
  CHECK(is_rfc3339("2026-03-20T10:00:00.123456789Z"));
  CHECK(is_rfc3339("2026-03-20T10:00:00+08:00"));
  CHECK(is_rfc3339("2026-03-20 10:00:00,123"));
  CHECK(is_rfc3339("2026-03-20T10:00:00-0700"));
  CHECK_FALSE(is_rfc3339("2026-03-20"));
  CHECK_FALSE(is_rfc3339("yesterday"));
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:00Zx"));
  CHECK_FALSE(is_rfc3339("1774000800"));
  CHECK(is_rfc3339("2026-03-20t10:00:00z"));
  CHECK(is_rfc3339("2026-03-20T10:00:00"));  // no zone, as loggers write
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:0"));
  CHECK_FALSE(is_rfc3339("2026-03-20X10:00:00Z"));
  CHECK_FALSE(is_rfc3339("2026-03-2aT10:00:00Z"));
  CHECK_FALSE(is_rfc3339("2026/03/20T10:00:00Z"));
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:00."));    // a fraction needs a digit
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:00+08"));  // a zone needs its minutes
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:00+08:0"));
  CHECK_FALSE(is_rfc3339("2026-03-20T10:00:00+0a:00"));
}

TEST_CASE("the timestamp a log line starts with") {
  CHECK(leading_timestamp("2026-03-20T10:00:00Z WARN call failed") == "2026-03-20T10:00:00Z");
  CHECK(leading_timestamp("2026-03-20 10:00:00,123 WARNING client") == "2026-03-20 10:00:00,123");
  CHECK_FALSE(leading_timestamp("WARN 2026-03-20T10:00:00Z"));
  CHECK_FALSE(leading_timestamp("2026-03-20T10:00:00Zebra"));
}

// The text of one journald time, or "(not read)".
std::string journal(std::string_view microseconds) {
  std::string out = "(not read)";
  JournalTimes().convert(microseconds, out);
  return out;
}

TEST_CASE("journald's microseconds, in UTC") {
  CHECK(journal("1774000800123456") == "2026-03-20T10:00:00.123456Z");
  CHECK(journal("0") == "1970-01-01T00:00:00.000000Z");
  CHECK(journal("951782400000001") == "2000-02-29T00:00:00.000001Z");  // a leap day
  CHECK(journal("253402300799999999") == "9999-12-31T23:59:59.999999Z");
  CHECK(journal("253402300800000000") == "(not read)");  // the year 10000
  CHECK(journal("18446744073709551615") == "(not read)");
  CHECK(journal("18446744073709551616") == "(not read)");  // beyond 64 bits
  CHECK(journal("12x") == "(not read)");
  CHECK(journal("-1") == "(not read)");
  CHECK(journal("") == "(not read)");
}

TEST_CASE("journald's microseconds, record after record") {
  JournalTimes times;
  std::string out;
  for (auto [micros, text] : {std::pair{"1774000800999999", "2026-03-20T10:00:00.999999Z"},
                              {"1774000801000000", "2026-03-20T10:00:01.000000Z"},
                              {"1774000801000002", "2026-03-20T10:00:01.000002Z"},
                              {"1774000800000001", "2026-03-20T10:00:00.000001Z"},
                              {"951782400000001", "2000-02-29T00:00:00.000001Z"}}) {
    CHECK(times.convert(micros, out));
    CHECK(out == text);
  }
  CHECK_FALSE(times.convert("253402300800000000", out));  // the year 10000: out unchanged
  CHECK(out == "2000-02-29T00:00:00.000001Z");
  CHECK_FALSE(times.convert("x", out));
  CHECK_FALSE(times.convert("951782400x00002", out));  // the same second, a fraction of no digits
  CHECK_FALSE(times.convert("95178240000000-", out));
  CHECK(times.convert("951782400000002", out));
  CHECK(out == "2000-02-29T00:00:00.000002Z");
}

TEST_CASE("journald's microseconds, into one text and another") {
  JournalTimes times;
  std::string first, second;
  CHECK(times.convert("1774000800000001", first));
  CHECK(times.convert("1774000800000002", second));
  CHECK(times.convert("1774000800000003", first));
  CHECK(times.convert("1774000800000004", first));
  CHECK(first == "2026-03-20T10:00:00.000004Z");
  CHECK(second == "2026-03-20T10:00:00.000002Z");
  CHECK(times.convert("1774000801000005", second));  // the next second
  CHECK(times.convert("1774000801000006", first));
  CHECK(first == "2026-03-20T10:00:01.000006Z");
  CHECK(second == "2026-03-20T10:00:01.000005Z");
}

TEST_CASE("a UTC time with fewer digits of a second") {
  std::string out;
  CHECK(utc_time(1774000800123456, 0, out));
  CHECK(out == "2026-03-20T10:00:00Z");
  CHECK(utc_time(1774000800123456, 3, out));
  CHECK(out == "2026-03-20T10:00:00.123Z");
  CHECK(utc_time(1774000800123456, 9, out));  // at most microseconds
  CHECK(out == "2026-03-20T10:00:00.123456Z");
}

TEST_SUITE_END();
