#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "json_syntax.hpp"
#include "line_reader.hpp"
#include "response.hpp"

using namespace dhcode;

namespace {

std::string contents(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::string why(std::string_view json) {
  JsonSyntax syntax = check_json(json);
  return syntax.problem ? syntax.problem->why : "valid";
}

}  // namespace

TEST_SUITE_BEGIN("json_syntax");

// tests/fixtures/json: y_*.json must be accepted, n_*.json refused, by the
// checker and by the whole record reader (which is simdjson first).
// t_*.json are invalid only for bytes that are not UTF-8 inside a string: a
// GBK or Latin-1 message; dhcode reads them and notes the bytes.
TEST_CASE("the conformance suite: valid JSON is accepted, invalid JSON refused") {
  std::size_t valid = 0, invalid = 0;
  ResponseParser parser;
  for (const auto& file : std::filesystem::directory_iterator(DHCODE_FIXTURES_DIR "/json")) {
    std::string name = file.path().filename().string();
    std::string text = contents(file.path());
    CAPTURE(name);
    JsonSyntax syntax = check_json(text);
    std::string padded = text + std::string(kLinePadding, ' ');
    RecordKind kind = parser.read(std::string_view(padded.data(), text.size())).kind;
    if (name.starts_with("y_")) {
      ++valid;
      CHECK_FALSE(syntax.problem);
      CHECK(kind != RecordKind::not_json);
    } else if (name.starts_with("n_")) {
      ++invalid;
      REQUIRE(syntax.problem);
      CHECK(syntax.problem->offset <= text.size());
      CHECK(kind == RecordKind::not_json);
    } else if (name.starts_with("t_")) {
      CHECK_FALSE(syntax.problem);
      CHECK_FALSE(syntax.not_utf8.empty());
      CHECK(kind != RecordKind::not_json);
    }
  }
  CHECK(valid >= 30);
  CHECK(invalid >= 40);
}

TEST_CASE("problems are told in the user's terms, at the first wrong byte") {
  CHECK(why(R"({"a":[1】})") == "unexpected character '】' (U+3011) where ',' or ']' was expected");
  CHECK(check_json(R"({"a":[1】})").problem->offset == 7);
  CHECK(why(R"({"a":1,})") ==
        "unexpected character '}' where a member name in double quotes was expected");
  CHECK(why("{\"a\":\"x") == "the record ends inside a string");
  CHECK(why("{\"a\":\"x\ny\"}") == "a line ends inside a string");
  CHECK(why("[1") == "the record ends inside an array");
  CHECK(why("{\"a\":1") == "the record ends inside an object");
  CHECK(why("\"\\q\"") == "invalid escape '\\q' in a string");
  CHECK(why("[\xff]") == "invalid UTF-8 byte 0xFF");
  CHECK(why("{} x") == "unexpected character 'x' after the end of the value");
  CHECK(why("") == "the record ends where a value was expected");
  CHECK(why("\"\x1b[2J\"") == "control character U+001B inside a string (JSON needs it escaped)");
  // A bidirectional control is shown escaped, never raw.
  CHECK(why("[\xe2\x80\xae]") ==
        "unexpected character '\\u202e' (U+202E) where a value was expected");
}

TEST_CASE("what simdjson cannot take is found, and a readable copy keeps every offset") {
  std::string json =
      R"({"n":123456789012345678901234567890,"m":-1e999,"s":"\ud800","p":"\ud83d\ude00"})";
  JsonSyntax syntax = check_json(json);
  CHECK_FALSE(syntax.problem);
  CHECK(syntax.huge_numbers.size() == 2);
  CHECK(syntax.lone_surrogates.size() == 1);  // the pair is one character
  std::string copy = readable_copy(json, syntax);
  CHECK(copy.size() == json.size());
  CHECK(copy ==
        R"({"n":1e300                         ,"m":-1e300,"s":"\ufffd","p":"\ud83d\ude00"})");
}

TEST_CASE("position_of counts lines and characters, not bytes") {
  std::string text = "{\n  \"a\": \"中文\", x";
  TextPosition at = position_of(text, text.find('x'), 13, 1);
  CHECK(at.line == 14);
  CHECK(at.column == 14);
  CHECK(position_of("{x", 1, 5, 21).column == 22);  // a record that starts in column 21
}

TEST_SUITE_END();

TEST_CASE("bytes that are not UTF-8 inside strings: valid, noted, and kept through the copy") {
  std::string gbk = "{\"Message\":\"\xb2\xa2 ok \xe9\"}";
  JsonSyntax syntax = check_json(gbk);
  CHECK_FALSE(syntax.problem);
  CHECK(syntax.not_utf8 == std::vector<std::size_t>{12, 13, 18});
  std::string copy = readable_copy(gbk, syntax);
  CHECK(check_json(copy).not_utf8.empty());  // the copy is UTF-8 throughout
  restore_not_utf8(copy);
  CHECK(copy == gbk);
}
