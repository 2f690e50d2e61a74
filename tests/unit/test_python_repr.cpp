#include <doctest/doctest.h>

#include "python_repr.hpp"

using namespace dhcode;

namespace {

std::string json_of(std::string_view repr) {
  PythonRepr result = python_repr_to_json(repr);
  return result.json ? *result.json
                     : "error at " + std::to_string(result.offset) + ": " + result.why;
}

}  // namespace

TEST_SUITE_BEGIN("python_repr");

TEST_CASE("a response as Python's repr() prints the parsed dict") {
  CHECK(json_of("{'Code': 400010009, 'Message': 'API rate limit exceeded', 'RequestId': '7f3c', "
                "'Data': None}") ==
        R"({"Code":400010009,"Message":"API rate limit exceeded","RequestId":"7f3c","Data":null})");
}

TEST_CASE("Python's literals, written as JSON") {
  CHECK(json_of("[True, False, None]") == "[true,false,null]");
  CHECK(json_of("(1,)") == "[1]");
  CHECK(json_of("(1, 2)") == "[1,2]");
  CHECK(json_of("{1: 'a', 2.5: 'b'}") == R"({"1":"a","2.5":"b"})");
  CHECK(json_of("[1e-05, 1.5e+20, -3, inf, -inf, nan]") == "[1e-05,1.5e+20,-3,null,null,null]");
  CHECK(json_of("{}") == "{}");
  CHECK(json_of("{'a': {'b': [{'c': ()}]}}") == R"({"a":{"b":[{"c":[]}]}})");
}

TEST_CASE("Python's string escapes and quotes") {
  CHECK(json_of(R"('it\'s')") == R"("it's")");
  CHECK(json_of(R"("it's")") == R"("it's")");
  CHECK(json_of(R"('say "hi"')") == R"("say \"hi\"")");
  CHECK(json_of(R"('a\\b\n\t\r')") == R"("a\\b\u000a\u0009\u000d")");
  CHECK(json_of(R"('\x41\u00e9\U0001f600\0')") == R"("A\u00e9\ud83d\ude00\u0000")");
  CHECK(json_of("'中文'") == "\"中文\"");  // UTF-8 kept as it is
  CHECK(json_of(R"('\x1b[2J')") == R"("\u001b[2J")");
}

TEST_CASE("only the literal at the start is read; the text after it is left alone") {
  CHECK(json_of("{'Code': 0} took 3 ms") == R"({"Code":0})");
}

TEST_CASE("what is not Python's repr syntax is refused, with the place") {
  CHECK(json_of("{'Code': 0, 'at': datetime.datetime(2026, 3, 20)}") ==
        "error at 18: not a Python literal");
  CHECK(json_of("{'Code': 0") == "error at 10: the text ends inside a dict, list or tuple");
  CHECK(json_of("{'Code' 0}") == "error at 8: expected ':' after a dict key");
  CHECK(json_of("{'a': 'x") == "error at 8: the text ends inside a string");
  CHECK(json_of(R"({'a': '\q'})") == "error at 7: not an escape Python writes");
  CHECK(json_of("{'a': .5}") == "error at 6: not a Python literal");
  CHECK(json_of("{'a': 00}") == "error at 7: not a number");  // Python 3 writes no leading zero
  CHECK(json_of("{'a': 5.}") == "error at 8: not a number");
  CHECK(json_of("{'a': +1}") == "error at 6: not a Python literal");
  CHECK(json_of("{'a': true}") == "error at 6: not a Python literal");  // JSON's, not Python's
  // Found by fuzzing: a container as a key was quoted into invalid JSON.
  CHECK(json_of("{(1, 2): 3}") ==
        "error at 1: a dict key that is not a string, number, True, "
        "False or None");
  CHECK(json_of("{None: 1, True: 2}") == R"({"null":1,"true":2})");
  CHECK(json_of(std::string(2000, '[')) == "error at 1001: nested too deeply");
}

TEST_SUITE_END();
