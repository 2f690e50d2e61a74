#include <doctest/doctest.h>

#include <initializer_list>
#include <vector>

#include "cli.hpp"

namespace {

bool shortcut_for(std::initializer_list<const char*> arguments) {
  std::vector<const char*> argv{"dhcode"};
  argv.insert(argv.end(), arguments);
  return dhcode::only_codes_after_explain(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("explain followed only by codes skips the option parser") {
  CHECK(shortcut_for({"explain", "400000008"}));
  CHECK(shortcut_for({"explain", "100000004", "400010009"}));
  // Codes the explain command itself refuses still start with a digit: the
  // parser would pass them on unchanged, and explain reports them.
  CHECK(shortcut_for({"explain", "4000x", "400000008 "}));
}

TEST_CASE("every other shape of arguments goes to the option parser") {
  CHECK_FALSE(shortcut_for({}));
  CHECK_FALSE(shortcut_for({"explain"}));  // stdin, and the terminal hint
  CHECK_FALSE(shortcut_for({"check", "400000008"}));
  CHECK_FALSE(shortcut_for({"explain", "--json", "400000008"}));
  CHECK_FALSE(shortcut_for({"explain", "400000008", "--color=always"}));
  CHECK_FALSE(shortcut_for({"explain", "400000008", "-"}));
  CHECK_FALSE(shortcut_for({"explain", "400000008", "--"}));
  CHECK_FALSE(shortcut_for({"explain", "400000008", "list"}));  // a command name
  CHECK_FALSE(shortcut_for({"explain", "400000008", "resp.json"}));
  CHECK_FALSE(shortcut_for({"explain", " 400000008"}));
  CHECK_FALSE(shortcut_for({"explain", ""}));
  CHECK_FALSE(shortcut_for({"--json", "explain", "400000008"}));
  CHECK_FALSE(shortcut_for({"Explain", "400000008"}));
}
