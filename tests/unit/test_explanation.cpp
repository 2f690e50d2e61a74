#include <doctest/doctest.h>

#include "explanation.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("explanation");

TEST_CASE("one_keystroke_apart") {
  CHECK(one_keystroke_apart("40000008", "400000008"));    // a digit missing
  CHECK(one_keystroke_apart("4000000008", "400000008"));  // a digit extra
  CHECK(one_keystroke_apart("400000009", "400000008"));   // a digit changed
  CHECK(one_keystroke_apart("400000080", "400000008"));   // two digits swapped
  CHECK_FALSE(one_keystroke_apart("400000008", "400000008"));
  CHECK_FALSE(one_keystroke_apart("400000800", "400000008"));
  CHECK_FALSE(one_keystroke_apart("4000008", "400000008"));
  CHECK_FALSE(one_keystroke_apart("400000019", "400000008"));
}

TEST_CASE("explain finds the entry and the range") {
  Explanation known = explain(400010009);
  REQUIRE(known.entry != nullptr);
  CHECK(known.entry->code == 400010009);
  CHECK(known.range->pattern == "4000100xx");
  CHECK(known.did_you_mean.empty());
  Explanation unknown = explain(400010050);
  CHECK(unknown.entry == nullptr);
  CHECK(unknown.range->pattern == "4000100xx");
}

TEST_CASE("explain_typed suggests codes one keystroke away, only for unknown codes") {
  std::vector<Code> suggested;
  for (const Entry* entry : explain_typed(40000008).did_you_mean) suggested.push_back(entry->code);
  CHECK(suggested == std::vector<Code>{400000008, 400000018, 400004008});
  CHECK(explain_typed(400000008).did_you_mean.empty());
  CHECK(explain_typed(777).did_you_mean.empty());
}

TEST_SUITE_END();
