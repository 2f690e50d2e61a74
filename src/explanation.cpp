#include "explanation.hpp"

namespace dhcode {

Explanation explain(Code code) {
  return {code, find_entry(code), find_range(code)};
}

}  // namespace dhcode
