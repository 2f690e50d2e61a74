#include <doctest/doctest.h>

#include <string>

#include "line_reader.hpp"
#include "response.hpp"

using namespace dhcode;

namespace {

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
  REQUIRE(record.kind == RecordKind::response);
  CHECK(record.response.code == 0);
  CHECK(record.response.message == "success");
  CHECK(record.response.request_id == "d799c85c-10c8-4191-8c6a-3290a5940b5f");
}

TEST_CASE("Code as an integer, an integral float, or a numeric string") {
  CHECK(read(R"({"Code":400000008})").response.code == 400000008);
  CHECK(read(R"({"Code":400000008.0})").response.code == 400000008);
  CHECK(read(R"({"Code":4.00000008e8})").response.code == 400000008);
  CHECK(read(R"({"Code":"400000008"})").response.code == 400000008);
  CHECK(read(R"({"Code":-0})").response.code == 0);
}

TEST_CASE("a Code that is not a code") {
  auto why = [](const std::string& json) {
    ReadRecord record = read(json);
    CHECK(record.kind == RecordKind::not_response);
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
  CHECK(why(R"({"code":1})") == "not a response: no Code key");
  CHECK(why(R"([{"Code":1}])") == "not a response: an array, not an object");
  CHECK(why("42") == "not a response: a number, not an object");
}

TEST_CASE("has_code_key tells a response gone wrong from other JSON") {
  CHECK(read(R"({"Code":true})").has_code_key);
  CHECK_FALSE(read(R"({"user":"bob"})").has_code_key);
}

TEST_CASE("invalid JSON, whole records only") {
  CHECK(read(R"({"Code":400000008,"Mess)").kind == RecordKind::not_json);
  CHECK(read(R"({"Code":1e400})").kind == RecordKind::not_json);
  CHECK(read(R"({"Code":1} {"Code":2})").kind == RecordKind::not_json);
  CHECK(read("").kind == RecordKind::not_json);
  CHECK(read("{\"Code\":0,\"Message\":\"\xff\"}").kind == RecordKind::not_json);
  CHECK(read(R"({"Code":0})").why.empty());
  CHECK(read("{").why.find("invalid JSON") == 0);
}

TEST_CASE("Message and RequestId of other types are kept as JSON text") {
  ReadRecord record = read(R"({"Code":1,"Message":{"a":[1,2]},"RequestId":3151527792559699733})");
  CHECK(record.response.message == R"({"a":[1,2]})");
  CHECK(record.response.request_id == "3151527792559699733");
  CHECK_FALSE(read(R"({"Code":1,"Message":null})").response.message.has_value());
}

TEST_CASE("without text, only the Code is read") {
  ReadRecord record = read(R"({"Code":7,"Message":"m","RequestId":"r"})", false);
  CHECK(record.response.code == 7);
  CHECK_FALSE(record.response.message.has_value());
  CHECK_FALSE(record.response.request_id.has_value());
}

TEST_SUITE_END();
