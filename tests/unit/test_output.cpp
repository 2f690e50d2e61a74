#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>

#include "output.hpp"
#include "run_support.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("output");

TEST_CASE("Output writes what it is given, in order") {
  testing::Captured captured;
  captured.context().output.write("one\n");
  captured.context().output.write("two\n");
  CHECK(captured.text() == "one\ntwo\n");
  CHECK_FALSE(captured.context().output.failed());
}

TEST_CASE("Output remembers a failed write and writes nothing after it") {
  std::FILE* full = std::fopen("/dev/full", "w");
  REQUIRE(full != nullptr);
  Output output(full);
  output.write("more than nothing");
  CHECK(output.failed());
  CHECK(output.error() == ENOSPC);
  output.write("again");  // no second attempt, the first error stays
  CHECK(output.error() == ENOSPC);
  std::fclose(full);
}

TEST_SUITE_END();
