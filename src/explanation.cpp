#include "explanation.hpp"

#include <string>

namespace dhcode {

Explanation explain(Code code) {
  return {code, active_registry().find(code), find_range(code), {}};
}

bool one_keystroke_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1 || a == b) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;                        // the first difference
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);  // one digit missing
  if (a.substr(i + 1) == b.substr(i + 1)) return true;             // one digit changed
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);  // two neighbours swapped
}

Explanation explain_typed(Code code) {
  Explanation explanation = explain(code);
  if (explanation.entry) return explanation;
  std::string typed = std::to_string(code);
  for (const Entry& entry : active_registry().entries())
    if (one_keystroke_apart(typed, std::to_string(entry.code)))
      explanation.did_you_mean.push_back(&entry);
  return explanation;
}

}  // namespace dhcode
