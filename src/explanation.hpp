// What dhcode knows about one code: the lookup stage between reading input
// and rendering output.
#pragma once

#include "registry.hpp"

namespace dhcode {

struct Explanation {
  Code code = 0;
  const Entry* entry = nullptr;  // null when the code is not in the registry
  const Range* range = nullptr;  // null when no documented range holds it
};

Explanation explain(Code code);

}  // namespace dhcode
