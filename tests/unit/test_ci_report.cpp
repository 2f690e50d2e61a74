#include <doctest/doctest.h>

#include "ci_report.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("ci_report");

TEST_CASE("GitHub's escapes: a message keeps ':' and ','; a property does not") {
  CHECK(github_message("100% done\r\n::add-mask::x, y") == "100%25 done%0D%0A::add-mask::x, y");
  CHECK(github_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A");
  CHECK(github_message("") == "");
  CHECK(github_property("api.log") == "api.log");
}

TEST_CASE("XML text: markup as references, controls that XML cannot hold made visible") {
  CHECK(xml_text(R"(<a href="x">'&'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  CHECK(xml_text("line\nnext\ttab\r") == "line\nnext\ttab\r");
  CHECK(xml_text(std::string("a\x01z\x1b", 4)) == "a\\x01z\\x1b");
  CHECK(xml_text("消息") == "消息");
}

TEST_SUITE_END();
