#include "color.hpp"

#include <unistd.h>

#include <cstdlib>

namespace dhcode {
namespace {

std::string_view variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string_view(value) : std::string_view();
}

}  // namespace

bool use_color(ColorMode mode, const ColorEnvironment& environment) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  // By their conventions, 0 forces nothing: CLICOLOR_FORCE=0 leaves the
  // decision to the rules below, and FORCE_COLOR=0 means no colour.
  if (environment.force_color == "0") return false;
  bool clicolor_forces = !environment.clicolor_force.empty() && environment.clicolor_force != "0";
  if (clicolor_forces || !environment.force_color.empty()) return true;
  if (!environment.no_color.empty()) return false;
  if (environment.term == "dumb") return false;
  return environment.stdout_is_terminal;
}

ColorEnvironment read_color_environment() {
  return {
      .stdout_is_terminal = isatty(STDOUT_FILENO) == 1,
      .term = variable("TERM"),
      .no_color = variable("NO_COLOR"),
      .clicolor_force = variable("CLICOLOR_FORCE"),
      .force_color = variable("FORCE_COLOR"),
  };
}

}  // namespace dhcode
