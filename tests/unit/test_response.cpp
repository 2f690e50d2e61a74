#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "line_reader.hpp"
#include "response.hpp"

using namespace dhcode;

namespace {

// A copy of the parser's record, which the next read reuses (a reference
// to it would be left dangling by the next call, and compilers warn).
ReadRecord read(const std::string& json, bool with_text = true) {
  static ResponseParser parser;
  std::string padded = json + std::string(kLinePadding, ' ');
  return parser.read(std::string_view(padded.data(), json.size()), with_text);
}

}  // namespace

TEST_SUITE_BEGIN("response");

TEST_CASE("a documented response") {
  ReadRecord record =
      read(R"({"Code":0,"Message":"success","RequestId":"d799c85c-10c8-4191-8c6a-3290a5940b5f",)"
           R"("Data":{"TaskId":"6a5898fa-3e1d-4a6f-b949-05f39f1c10cb"}})");
  REQUIRE(record.kind == RecordKind::responses);
  REQUIRE(record.responses.size() == 1);
  CHECK(record.responses[0].code == 0);
  CHECK(record.responses[0].message == "success");
  CHECK(record.responses[0].request_id == "d799c85c-10c8-4191-8c6a-3290a5940b5f");
}

TEST_CASE("Code as an integer, an integral float, or a numeric string") {
  CHECK(read(R"({"Code":400000008})").responses.at(0).code == 400000008);
  CHECK(read(R"({"Code":400000008.0})").responses.at(0).code == 400000008);
  CHECK(read(R"({"Code":4.00000008e8})").responses.at(0).code == 400000008);
  CHECK(read(R"({"Code":"400000008"})").responses.at(0).code == 400000008);
  CHECK(read(R"({"Code":-0})").responses.at(0).code == 0);
}

TEST_CASE("a Code that is not a code") {
  auto why = [](const std::string& json) {
    ReadRecord record = read(json);
    CHECK(record.kind == RecordKind::bad_response);
    return record.why;
  };
  CHECK(why(R"({"Code":-5})") ==
        "Code -5 is out of range (codes are whole numbers from 0 to 999999999)");
  CHECK(why(R"({"Code":1000000000})").find("out of range") != std::string::npos);
  CHECK(why(R"({"Code":18446744073709551615})").find("out of range") != std::string::npos);
  CHECK(why(R"({"Code":1e300})").find("out of range") != std::string::npos);
  CHECK(why(R"({"Code":400000008.5})") == "Code 400000008.5 is not a whole number");
  CHECK(why(R"({"Code":"abc"})") == "Code \"abc\" is a string that is not a code");
  CHECK(why(R"({"Code":"\u001b[2J"})") == "Code \"\\x1b[2J\" is a string that is not a code");
  CHECK(why(R"({"Code":"-5"})") == "Code \"-5\" is a string that is not a code");
  CHECK(why(R"({"Code":true})") == "Code is a boolean, not a number");
  CHECK(why(R"({"Code":null})") == "Code is null, not a number");
  CHECK(why(R"({"Code":{}})") == "Code is an object, not a number");
  CHECK(why(R"({"Code":1,"Code":2})") == "not a response: the Code key appears twice");
  CHECK(why(R"({"Code":1e400})").find("out of range") != std::string::npos);  // valid JSON
  CHECK(why(R"({"Code":123456789012345678901234567890})").find("out of range") !=
        std::string::npos);
}

TEST_CASE("an envelope whose Code key is spelled otherwise is a bad response, with a hint") {
  ReadRecord lower = read(R"({"code":400000008,"message":"x"})");
  CHECK(lower.kind == RecordKind::bad_response);
  CHECK(lower.why == "no Code key (keys are case-sensitive; found 'code')");
  CHECK(read(R"({"CODE":1,"RequestId":"r"})").why ==
        "no Code key (keys are case-sensitive; found 'CODE')");
  // A "code" alone is an ordinary log field (an HTTP status).
  CHECK(read(R"({"level":"info","code":200})").kind == RecordKind::no_response);
}

TEST_CASE("valid JSON without a response anywhere is no response, not a bad record") {
  CHECK(read(R"({"code":1})").kind == RecordKind::no_response);
  CHECK(read(R"({"level":"info","msg":"started","port":8080})").kind == RecordKind::no_response);
  CHECK(read("42").kind == RecordKind::no_response);
  CHECK(read("\"x\"").kind == RecordKind::no_response);
  CHECK(read("[1,2]").kind == RecordKind::no_response);
}

TEST_CASE("responses inside a record: objects, arrays, and strings that mention Code") {
  ReadRecord logged =
      read(R"({"level":"warn","msg":"call failed","response":{"Code":400000008,"RequestId":"r"}})");
  REQUIRE(logged.kind == RecordKind::responses);
  CHECK(logged.responses.at(0).code == 400000008);
  CHECK(logged.responses.at(0).request_id == "r");
  CHECK(read(R"({"a":{"b":{"c":{"d":{"Code":400010009}}}}})").responses.at(0).code == 400010009);
  CHECK(read(R"({"batch":[{"Code":0},{"Code":400010009}]})").responses.size() == 2);
  // A record's own Code wins over everything inside it.
  ReadRecord own = read(R"({"Code":0,"Data":{"Code":400010009}})");
  REQUIRE(own.responses.size() == 1);
  CHECK(own.responses[0].code == 0);
  // Deep in an ordinary event, a Code that is no code is something else.
  CHECK(read(R"({"error":{"Code":"NoSuchKey"}})").kind == RecordKind::no_response);
  // Strings are handed on to be read as text.
  ReadRecord docker = read(R"({"log":"{\"Code\":400010009}\n","stream":"stdout"})");
  CHECK(docker.kind == RecordKind::no_response);
  CHECK(docker.texts == std::vector<std::string_view>{"{\"Code\":400010009}\n"});
}

TEST_CASE("a record of strings alone is read in one pass, as the nested search reads it") {
  // Its strings that mention Code or a callback, in order; not its own time.
  ReadRecord flat = read(R"({"time":"2026-03-20T10:00:00Z","a":"Code 1","b":"x",)"
                         R"("c":"{\"EventType\":3,\"Detail\":{}}"})");
  CHECK(flat.kind == RecordKind::no_response);
  CHECK(flat.time == "2026-03-20T10:00:00Z");
  CHECK(flat.texts == std::vector<std::string_view>{"Code 1", R"({"EventType":3,"Detail":{}})"});
  CHECK_FALSE(flat.docker_log);
  // A time that is no time is searched like any string.
  CHECK(read(R"({"time":"Code"})").texts == std::vector<std::string_view>{"Code"});
  // docker's form: its log string, only beside a stream.
  CHECK(read(R"({"log":"x\n","stream":"stdout"})").docker_log == "x\n");
  CHECK_FALSE(read(R"({"log":"x\n","source":"stdout"})").docker_log);
  // A callback whose Detail is a string is a bad one, as with other values.
  ReadRecord callback = read(R"({"EventType":"3","Detail":"{}"})");
  CHECK(callback.kind == RecordKind::bad_response);
  CHECK(callback.why == "callback's Detail is not an object");
  // A value of another type anywhere: the nested search, the same texts.
  CHECK(read(R"({"a":"Code 1","n":1,"b":"Code 2"})").texts ==
        std::vector<std::string_view>{"Code 1", "Code 2"});
}

TEST_CASE("journald's fields of bytes are read as the text they hold") {
  // A colour escape, then {"Code":1}: journalctl -o json writes it as bytes.
  ReadRecord colour = read(R"({"__REALTIME_TIMESTAMP":"1774000800000000","MESSAGE":)"
                           R"([27,91,51,49,109,123,34,67,111,100,101,34,58,49,125]})");
  CHECK(colour.kind == RecordKind::no_response);
  CHECK(colour.texts == std::vector<std::string_view>{"\x1b[31m{\"Code\":1}"});
  // Bytes that mention no Code are not kept; other arrays are searched as arrays.
  CHECK(read(R"({"MESSAGE":[104,105]})").texts.empty());
  CHECK(read(R"({"MESSAGE":[67,111,100,101,256]})").texts.empty());
  CHECK(read(R"({"MESSAGE":[-1,67,111,100,101]})").texts.empty());
  CHECK(read(R"({"MESSAGE":[]})").texts.empty());
  CHECK(read(R"({"a":["Code 1",67]})").texts == std::vector<std::string_view>{"Code 1"});
  // Only a record's own fields: deeper arrays of numbers are data.
  CHECK(read(R"({"a":{"b":[67,111,100,101]}})").texts.empty());
  // Read record after record (the decoded texts are the record's own).
  CHECK(read(R"({"MESSAGE":[67,111,100,101,32,49]})").texts ==
        std::vector<std::string_view>{"Code 1"});
  CHECK(read(R"({"MESSAGE":[67,111,100,101,32,50]})").texts ==
        std::vector<std::string_view>{"Code 2"});
}

TEST_CASE("responses deeper than the search goes are not found") {
  std::string json = R"({"Code":1})";
  for (int i = 0; i < kNestedSearchDepth; ++i) json = R"({"a":)" + json + "}";
  CHECK(read(json).kind == RecordKind::responses);
  CHECK(read(R"({"a":)" + json + "}").kind == RecordKind::no_response);
}

TEST_CASE("valid JSON is never called invalid: huge numbers and lone surrogates elsewhere") {
  ReadRecord big = read(R"({"Code":0,"Data":{"n":123456789012345678901234567890}})");
  REQUIRE(big.kind == RecordKind::responses);
  CHECK(big.responses[0].code == 0);
  CHECK(read(R"({"Code":400000008,"Data":[1e400,-1e400,-99999999999999999999]})")
            .responses.at(0)
            .code == 400000008);
  ReadRecord lone = read(R"({"Code":0,"Message":"\ud800 and \udc00"})");
  REQUIRE(lone.kind == RecordKind::responses);
  CHECK(lone.responses[0].message == "\xEF\xBF\xBD and \xEF\xBF\xBD");  // U+FFFD each
}

TEST_CASE("the time of a record, from a well-known field") {
  CHECK(read(R"({"Code":0,"time":"2026-03-20T10:00:00.123456789Z"})").responses.at(0).time ==
        "2026-03-20T10:00:00.123456789Z");
  CHECK(
      read(R"({"__REALTIME_TIMESTAMP":"1774000800123456","x":{"Code":0}})").responses.at(0).time ==
      "2026-03-20T10:00:00.123456Z");
  CHECK_FALSE(read(R"({"Code":0,"time":"yesterday"})").responses.at(0).time);
}

TEST_CASE("has_code_key tells a response gone wrong from other JSON") {
  CHECK(read(R"({"Code":true})").has_code_key);
  CHECK_FALSE(read(R"({"user":"bob"})").has_code_key);
}

TEST_CASE("invalid JSON, whole records only") {
  CHECK(read(R"({"Code":400000008,"Mess)").kind == RecordKind::not_json);
  CHECK(read(R"({"Code":1} {"Code":2})").kind == RecordKind::not_json);
  CHECK(read("").kind == RecordKind::not_json);
  // Bytes that are not UTF-8 in a string do not make a record unreadable.
  ReadRecord latin = read("{\"Code\":0,\"Message\":\"caf\xe9\",\"RequestId\":\"\xff\"}");
  REQUIRE(latin.kind == RecordKind::responses);
  CHECK(latin.responses.at(0).message == "caf\xe9");
  CHECK(latin.responses.at(0).request_id == "\xff");
  CHECK(read(R"({"Code":0})").why.empty());
  CHECK(read("{").why.find("invalid JSON") == 0);
  CHECK(read(R"({"Code":0,]})").problem_offset == 10);
  CHECK(read(R"({"Code":0,]})").why ==
        "invalid JSON: unexpected character ']' where a member name in double quotes was expected");
}

TEST_CASE("Message and RequestId of other types are kept as JSON text") {
  ReadRecord record = read(R"({"Code":1,"Message":{"a":[1,2]},"RequestId":3151527792559699733})");
  CHECK(record.responses.at(0).message == R"({"a":[1,2]})");
  CHECK(record.responses.at(0).request_id == "3151527792559699733");
  CHECK_FALSE(read(R"({"Code":1,"Message":null})").responses.at(0).message.has_value());
}

TEST_CASE("without text, only the Code is read") {
  ReadRecord record = read(R"({"Code":7,"Message":"m","RequestId":"r"})", false);
  CHECK(record.responses.at(0).code == 7);
  CHECK_FALSE(record.responses.at(0).message.has_value());
  CHECK_FALSE(record.responses.at(0).request_id.has_value());
}

TEST_CASE("a record deeper than simdjson's default depth is read; one beyond 65536 levels is not") {
  // The parser starts at 1024 levels and takes the whole depth when a record
  // needs it: in a fresh parser, and in one that read shallow records first.
  std::string deep = std::string(2000, '[') + R"({"Code":400000008})" + std::string(2000, ']');
  CHECK(read(deep).kind == RecordKind::no_response);  // valid JSON, its response too deep to search
  ResponseParser parser;
  auto parse = [&parser](const std::string& json) {
    std::string padded = json + std::string(kLinePadding, ' ');
    ReadRecord record = parser.read(std::string_view(padded.data(), json.size()));
    return record;
  };
  CHECK(parse(R"({"Code":0})").kind == RecordKind::responses);
  CHECK(parse(deep).kind == RecordKind::no_response);
  CHECK(parse(R"({"Code":400010002})").responses.at(0).code == 400010002);
  ReadRecord too_deep = parse(std::string(70000, '[') + std::string(70000, ']'));
  CHECK(too_deep.kind == RecordKind::not_json);
  CHECK(too_deep.why == "JSON nested deeper than 65536 levels; not read");
}

TEST_SUITE_END();
