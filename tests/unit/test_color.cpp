#include <doctest/doctest.h>

#include "color.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("color");

TEST_CASE("use_color") {
  ColorEnvironment terminal;
  terminal.stdout_is_terminal = true;
  terminal.term = "xterm-256color";
  ColorEnvironment pipe;
  pipe.term = "xterm-256color";

  SUBCASE("auto colours a terminal and not a pipe") {
    CHECK(use_color(ColorMode::automatic, terminal));
    CHECK_FALSE(use_color(ColorMode::automatic, pipe));
  }
  SUBCASE("TERM=dumb turns it off") {
    terminal.term = "dumb";
    CHECK_FALSE(use_color(ColorMode::automatic, terminal));
  }
  SUBCASE("a non-empty NO_COLOR turns it off, an empty one does not") {
    terminal.no_color = "1";
    CHECK_FALSE(use_color(ColorMode::automatic, terminal));
    terminal.no_color = "";
    CHECK(use_color(ColorMode::automatic, terminal));
  }
  SUBCASE("CLICOLOR_FORCE and FORCE_COLOR force it, over NO_COLOR and TERM=dumb") {
    pipe.clicolor_force = "1";
    pipe.no_color = "1";
    pipe.term = "dumb";
    CHECK(use_color(ColorMode::automatic, pipe));
    pipe.clicolor_force = "";
    CHECK_FALSE(use_color(ColorMode::automatic, pipe));
    pipe.force_color = "1";
    CHECK(use_color(ColorMode::automatic, pipe));
  }
  SUBCASE("0 forces nothing: CLICOLOR_FORCE=0 leaves it to the rules, FORCE_COLOR=0 is no colour") {
    pipe.clicolor_force = "0";
    CHECK_FALSE(use_color(ColorMode::automatic, pipe));
    terminal.clicolor_force = "0";
    CHECK(use_color(ColorMode::automatic, terminal));  // a terminal: colour as usual
    terminal.force_color = "0";
    CHECK_FALSE(use_color(ColorMode::automatic, terminal));
    pipe.force_color = "0";
    pipe.clicolor_force = "1";
    CHECK_FALSE(use_color(ColorMode::automatic, pipe));
    CHECK(use_color(ColorMode::always, pipe));
  }
  SUBCASE("the flag wins over all") {
    pipe.force_color = "1";
    CHECK_FALSE(use_color(ColorMode::never, pipe));
    terminal.no_color = "1";
    CHECK(use_color(ColorMode::always, terminal));
    CHECK(use_color(ColorMode::always, ColorEnvironment{}));
  }
}

TEST_SUITE_END();
