// What one run of dhcode shares with the command it runs.
#pragma once

#include "language.hpp"
#include "output.hpp"

namespace dhcode {

// The reports for CI systems that --format writes (ci_report.hpp).
enum class CiFormat { none, github, junit };

// How results are written: JSON for scripts, a CI system's report, or text,
// coloured or not (decided once, in color.cpp).
struct Style {
  bool json = false;
  bool color = false;
  CiFormat ci = CiFormat::none;
};

// Made once per run by the command line (cli.cpp) and handed to the command.
// Settings every command shares live here, not in each command's request.
struct Context {
  Output& output;
  Style style;
  Language language = Language::en;  // of text output and of JSON's texts
};

}  // namespace dhcode
