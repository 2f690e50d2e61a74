// Turning explanations into text for people and JSON for scripts.
//
// Text may be coloured; JSON never is. Both carry the same facts. The JSON
// keys are documented in README.md ("JSON output") and are part of the interface.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "explanation.hpp"

namespace dhcode {

// A block of lines ending in a newline, e.g.
//   400010002  System busy.
//     Action:   Please retry later.
//     ...
std::string render_text(const Explanation& explanation, bool color);

// One object with every key present; facts that are not documented are null.
nlohmann::ordered_json render_json(const Explanation& explanation);

}  // namespace dhcode
