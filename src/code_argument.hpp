// Reading a code that a user typed on the command line.
#pragma once

#include <optional>
#include <string_view>

#include "registry.hpp"

namespace dhcode {

// Why a piece of text is not a code. Each becomes one line on stderr.
enum class CodeProblem { empty, has_sign, not_digits, too_large };

struct CodeArgument {
  std::optional<Code> code;  // set when the text is a code
  CodeProblem problem = CodeProblem::empty;
};

// Accepts decimal digits with surrounding white space ("  400000008\n").
// Rejects signs, fractions, letters, and numbers above kLargestCode.
CodeArgument parse_code_argument(std::string_view text);

// True when the text, trimmed, is empty or starts like a number ("12", "-5",
// "+1", "4e5"): such an argument is meant as a code, never as a file name.
bool looks_like_code(std::string_view text);

std::string_view describe(CodeProblem problem);

std::string_view trim_white_space(std::string_view text);

}  // namespace dhcode
