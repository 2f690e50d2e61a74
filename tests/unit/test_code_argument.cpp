#include <doctest/doctest.h>

#include "code_argument.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("code_argument");

TEST_CASE("parse_code_argument accepts whole numbers") {
  CHECK(parse_code_argument("400000008").code == 400000008u);
  CHECK(parse_code_argument("0").code == 0u);
  CHECK(parse_code_argument("  400010009\n").code == 400010009u);
  CHECK(parse_code_argument("\t7 ").code == 7u);
  CHECK(parse_code_argument("999999999").code == kLargestCode);
}

TEST_CASE("parse_code_argument names what is wrong") {
  auto problem_of = [](std::string_view text) {
    CodeArgument parsed = parse_code_argument(text);
    CHECK_FALSE(parsed.code.has_value());
    return parsed.problem;
  };
  CHECK(problem_of("") == CodeProblem::empty);
  CHECK(problem_of("   ") == CodeProblem::empty);
  CHECK(problem_of("-5") == CodeProblem::has_sign);
  CHECK(problem_of("+400000008") == CodeProblem::has_sign);
  CHECK(problem_of("abc") == CodeProblem::not_digits);
  CHECK(problem_of("4000 00008") == CodeProblem::not_digits);
  CHECK(problem_of("400000008.5") == CodeProblem::not_digits);
  CHECK(problem_of("0x10") == CodeProblem::not_digits);
  CHECK(problem_of("1000000000") == CodeProblem::too_large);
  CHECK(problem_of("18446744073709551616") == CodeProblem::too_large);
}

TEST_CASE("looks_like_code") {
  CHECK(looks_like_code("400000008"));
  CHECK(looks_like_code(" -5"));
  CHECK(looks_like_code("+1"));
  CHECK(looks_like_code(""));
  CHECK_FALSE(looks_like_code("-"));
  CHECK_FALSE(looks_like_code("resp.json"));
  CHECK_FALSE(looks_like_code("./400000008"));
}

TEST_CASE("describe gives every problem a message naming the valid range") {
  for (CodeProblem problem : {CodeProblem::has_sign, CodeProblem::too_large})
    CHECK(describe(problem).find("999999999") != std::string_view::npos);
  CHECK_FALSE(describe(CodeProblem::empty).empty());
  CHECK_FALSE(describe(CodeProblem::not_digits).empty());
}

TEST_SUITE_END();
