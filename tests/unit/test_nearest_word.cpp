#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nearest_word.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("nearest_word");

TEST_CASE("edit_distance counts insertions, deletions, changes and swaps of neighbours") {
  CHECK(edit_distance("explain", "explain") == 0);
  CHECK(edit_distance("explian", "explain") == 1);  // two neighbours swapped
  CHECK(edit_distance("lst", "list") == 1);
  CHECK(edit_distance("statss", "stats") == 1);
  CHECK(edit_distance("chekc", "check") == 1);
  CHECK(edit_distance("search", "stats") == 4);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("nearest_word suggests only a likely slip") {
  std::vector<std::string> commands{"explain", "check", "list", "search", "stats", "completions"};
  CHECK(nearest_word("explian", commands) == "explain");
  CHECK(nearest_word("lsit", commands) == "list");
  CHECK(nearest_word("complete", commands) == std::nullopt);  // 3 edits: too far
  CHECK(nearest_word("frobnicate", commands) == std::nullopt);
  CHECK(nearest_word("x", commands) == std::nullopt);  // one letter is no evidence
  CHECK(nearest_word("", commands) == std::nullopt);
  std::vector<std::string> options{"--json", "--color", "--registry", "--verbose"};
  CHECK(nearest_word("--jsn", options) == "--json");
  CHECK(nearest_word("--colour", options) == "--color");
  CHECK(nearest_word("--bogus", options) == std::nullopt);
}

TEST_SUITE_END();
