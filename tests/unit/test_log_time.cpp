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
}

TEST_CASE("the timestamp a log line starts with") {
  CHECK(leading_timestamp("2026-03-20T10:00:00Z WARN call failed") == "2026-03-20T10:00:00Z");
  CHECK(leading_timestamp("2026-03-20 10:00:00,123 WARNING client") == "2026-03-20 10:00:00,123");
  CHECK_FALSE(leading_timestamp("WARN 2026-03-20T10:00:00Z"));
  CHECK_FALSE(leading_timestamp("2026-03-20T10:00:00Zebra"));
}

TEST_CASE("journald's microseconds, in UTC") {
  CHECK(journal_time("1774000800123456") == "2026-03-20T10:00:00.123456Z");
  CHECK(journal_time("0") == "1970-01-01T00:00:00.000000Z");
  CHECK_FALSE(journal_time("12x"));
  CHECK_FALSE(journal_time(""));
}

TEST_SUITE_END();
