// Whether text output is coloured: decided here and nowhere else.
#pragma once

#include <string_view>

namespace dhcode {

enum class ColorMode { automatic, always, never };

// What the decision depends on, read once from the process (see
// read_color_environment) so the rule itself can be tested.
struct ColorEnvironment {
  bool stdout_is_terminal = false;
  std::string_view term;            // TERM
  std::string_view no_color;        // NO_COLOR
  std::string_view clicolor_force;  // CLICOLOR_FORCE
  std::string_view force_color;     // FORCE_COLOR
};

// The order, first match wins:
//   1. --color=always or --color=never;
//   2. FORCE_COLOR=0: no colour; CLICOLOR_FORCE or FORCE_COLOR set, not
//      empty and not 0: colour (by their conventions 0 forces nothing);
//   3. a non-empty NO_COLOR: no colour;
//   4. TERM=dumb: no colour;
//   5. colour exactly when stdout is a terminal.
bool use_color(ColorMode mode, const ColorEnvironment& environment);

ColorEnvironment read_color_environment();

}  // namespace dhcode
