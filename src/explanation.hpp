// What dhcode knows about one code: the lookup stage between reading input
// and rendering output.
#pragma once

#include <string_view>
#include <vector>

#include "registry.hpp"

namespace dhcode {

struct Explanation {
  Code code = 0;
  const Entry* entry = nullptr;  // null when the code is not in the registry
  const Range* range = nullptr;  // null when no documented range holds it
  // For a mistyped code: the registry's entries one keystroke away.
  std::vector<const Entry*> did_you_mean;
};

Explanation explain(Code code);

// explain(), plus suggestions when the code is not in the registry: for a
// code a person typed, where a slip of a finger is likely.
Explanation explain_typed(Code code);

// True when one keystroke turns a into b: a digit missing, extra or changed,
// or two neighbouring digits swapped.
bool one_keystroke_apart(std::string_view a, std::string_view b);

}  // namespace dhcode
