#include <doctest/doctest.h>

#include "list_command.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("list_command");

TEST_CASE("search_score") {
  const Entry& rate = *find_builtin_entry(400010009);  // API rate limit exceeded.
  SUBCASE("any case, at the start of a word") {
    CHECK(search_score(rate, {"RATE"}) > 0);
    CHECK(search_score(rate, {"lim"}) > 0);
    CHECK(search_score(rate, {"ate"}) == 0);  // inside "rate": not a word start
  }
  SUBCASE("more words found, higher score; the description counts most") {
    CHECK(search_score(rate, {"rate", "limit"}) > search_score(rate, {"rate"}));
    const Entry& regenerate = *find_builtin_entry(100000004);  // "regenerate" in its action
    CHECK(search_score(regenerate, {"rate"}) == 0);
    CHECK(search_score(rate, {"limit"}) > search_score(*find_builtin_entry(400000008), {"verify"}));
  }
  SUBCASE("categories and notes are searched too") {
    CHECK(search_score(*find_builtin_entry(100000013), {"signature"}) > 0);
    CHECK(search_score(*find_builtin_entry(100000004), {"NTP"}) > 0);  // in its note
  }
  CHECK(search_score(rate, {"zebra"}) == 0);
}

TEST_SUITE_END();
