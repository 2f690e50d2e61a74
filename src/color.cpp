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
  if (!environment.clicolor_force.empty() || !environment.force_color.empty()) return true;
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
