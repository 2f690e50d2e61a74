#include "code_argument.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "ascii.hpp"

namespace dhcode {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_white_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

std::string_view trim_white_space(std::string_view text) {
  while (!text.empty() && is_white_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_white_space(text.back())) text.remove_suffix(1);
  return text;
}

CodeArgument parse_code_argument(std::string_view given) {
  // Digits typed with a Chinese input method ("４００００００８") are digits.
  std::string folded;
  if (given.find('\xEF') != std::string_view::npos) given = folded = halfwidth(given);
  std::string_view text = trim_white_space(given);
  if (text.empty()) return {std::nullopt, CodeProblem::empty};
  if (text.front() == '+' || text.front() == '-') return {std::nullopt, CodeProblem::has_sign};
  if (!std::ranges::all_of(text, is_digit)) return {std::nullopt, CodeProblem::not_digits};

  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range || value > kLargestCode)
    return {std::nullopt, CodeProblem::too_large};
  return {static_cast<Code>(value), CodeProblem::empty};
}

bool looks_like_code(std::string_view given) {
  std::string folded;
  if (given.find('\xEF') != std::string_view::npos) given = folded = halfwidth(given);
  std::string_view text = trim_white_space(given);
  if (text.empty() || is_digit(text.front())) return true;
  return text.size() > 1 && (text.front() == '+' || text.front() == '-') && is_digit(text[1]);
}

std::string_view describe(CodeProblem problem) {
  switch (problem) {
    case CodeProblem::empty:
      return "empty; a code is a whole number such as 400000008";
    case CodeProblem::has_sign:
      return "a code has no sign; codes are whole numbers from 0 to 999999999";
    case CodeProblem::not_digits:
      return "not a code; a code is a whole number such as 400000008";
    case CodeProblem::too_large:
      return "too large for a code; codes are whole numbers from 0 to 999999999";
  }
  return "not a code";
}

}  // namespace dhcode
