// What one run of dhcode shares with the command it runs.
#pragma once

#include "language.hpp"
#include "output.hpp"

namespace dhcode {

// How results are written: JSON for scripts, or text, coloured or not
// (decided once, in color.cpp).
struct Style {
  bool json = false;
  bool color = false;
};

// Made once per run by the command line (cli.cpp) and handed to the command.
// Settings every command shares live here, not in each command's request.
struct Context {
  Output& output;
  Style style;
  Language language = Language::en;  // of text output and of JSON's texts
};

}  // namespace dhcode
