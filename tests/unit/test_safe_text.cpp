#include <doctest/doctest.h>

#include "ascii.hpp"
#include "safe_text.hpp"

using namespace dhcode;
using namespace std::string_literals;

TEST_SUITE_BEGIN("safe_text");

TEST_CASE("visible keeps ordinary text") {
  CHECK(visible("System busy.") == "System busy.");
  CHECK(visible("tab\tstays") == "tab\tstays");
  CHECK(visible("资源不足。") == "资源不足。");
  CHECK(visible("café ✓") == "café ✓");
}

TEST_CASE("visible shows controls as escapes") {
  SUBCASE("C0, DEL, CSI and OSC sequences") {
    CHECK(visible("a\x1b[31mred") == "a\\x1b[31mred");
    CHECK(visible("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
    CHECK(visible("line\nnext\r") == "line\\nnext\\r");
    CHECK(visible("nul\0byte"s) == "nul\\x00byte");
    CHECK(visible("del\x7f") == "del\\x7f");
  }
  SUBCASE("C1 controls") {
    CHECK(visible("\xc2\x9b"
                  "31m") == "\\u009b31m");
    CHECK(visible("\xc2\x85") == "\\u0085");
  }
  SUBCASE("bidirectional overrides and isolates") {
    CHECK(visible("abc\xe2\x80\xae"
                  "cba") == "abc\\u202ecba");
    CHECK(visible("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
  }
  SUBCASE("bytes that are not UTF-8") {
    CHECK(visible("\xff\xfe") == "\\xff\\xfe");
    CHECK(visible("\xc0\xaf") == "\\xc0\\xaf");           // overlong '/'
    CHECK(visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(visible("cut \xe2\x80") == "cut \\xe2\\x80");   // truncated sequence
  }
}

TEST_SUITE_END();

TEST_CASE("halfwidth: full-width forms as ASCII, the rest as it is") {
  CHECK(halfwidth("４０００００００８") == "400000008");
  CHECK(halfwidth("ＴＴＳ　ｅｒｒｏｒ！") == "TTS error!");
  CHECK(halfwidth("～") == "~");               // U+FF5E, the last
  CHECK(halfwidth("｟") == "｟");              // U+FF5F: not ASCII's
  CHECK(halfwidth("签名，") == "签名,");       // the full-width comma is ASCII's
  CHECK(halfwidth("\xEF\xBC") == "\xEF\xBC");  // cut short: left as it is
  CHECK(halfwidth("plain") == "plain");
}
