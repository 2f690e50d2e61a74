#include <doctest/doctest.h>

#include <string>

#include "render.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("render");

TEST_CASE("render_text of a known code") {
  std::string text = render_text(explain(400010002), false);
  CHECK(
      text ==
      "400010002  System busy.\n"
      "  Action:    Please retry later.\n"
      "  Category:  server\n"
      "  Retry:     yes, a later retry of the same request can succeed\n"
      "  Status:    current (listed on the current return-code page)\n"
      "  Earlier:   The earlier Chinese page gave 资源不足。 / 请稍后重试。 (in dhcode's English: "
      "insufficient resources; retry later).\n"
      "  Source:    Digital Human API, Global Return Codes (2026-03-20)\n");
}

TEST_CASE("render_text of an unknown code names its range and claims nothing more") {
  std::string text = render_text(explain(400010050), false);
  CHECK(
      text ==
      "400010050  not in the registry\n"
      "  Range:     4000100xx: Digital Human platform errors (dhcode's grouping of the documented "
      "codes)\n"
      "  Meaning:   not documented\n"
      "  Retry:     not documented\n");
  CHECK(render_text(explain(7), false).find("no documented range") != std::string::npos);
}

TEST_CASE("render_text marks legacy codes as legacy") {
  std::string text = render_text(explain(400000012), false);
  CHECK(text.find("Status:    legacy") != std::string::npos);
  CHECK(text.find("current") == std::string::npos);
}

TEST_CASE("render_text colours only when asked") {
  CHECK(render_text(explain(400000008), false).find('\x1b') == std::string::npos);
  CHECK(render_text(explain(400000008), true).find("\x1b[") != std::string::npos);
}

TEST_CASE("render_json has every key, nulls for what is not documented") {
  nlohmann::ordered_json known = render_json(explain(400000006));
  CHECK(
      known.dump() ==
      R"j({"code":400000006,"known":true,)j"
      R"j("description":"Digital Human video stream not started.",)j"
      R"j("action":"Please wait for the Digital Human video stream to start before operating.",)j"
      R"j("category":"stream","retryable":true,"status":"current",)j"
      R"j("source":"Digital Human API, Global Return Codes (2026-03-20)","earlier":null,)j"
      R"j("runbook":null,"note":null,"overlay":null,)j"
      R"j("range":"4000000xx","range_holds":"Digital Human request, resource and stream errors",)j"
      R"j("did_you_mean":[],"notes":[],)j"
      R"j("message":null,"request_id":null,"file":null,"line":null,"time":null,"not_utf8":[],)j"
      R"j("tasks":[],"lang":"en"})j");

  nlohmann::ordered_json unknown = render_json(explain(123));
  CHECK(unknown["known"] == false);
  CHECK(unknown["retryable"].is_null());
  CHECK(unknown["range"].is_null());
  CHECK(unknown.size() == known.size());
}

TEST_CASE("render_text of a response: the server's words, made visible, and where it came from") {
  Response response{
      400000001, "Invalid DigitalHumanId\x1b]0;owned\x07", "req-1\xe2\x80\xae", {}, {}};
  ResponseContext context{response, {"api.log", 12}};
  std::string text = render_text(explain(400000001), false, &context);
  CHECK(
      text.starts_with("400000001  Invalid input parameters.\n"
                       "  Message:   Invalid DigitalHumanId\\x1b]0;owned\\x07\n"
                       "  RequestId: req-1\\u202e\n"
                       "  Action:    "));
  CHECK(text.ends_with("  From:      api.log:12\n"));
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("render_json of a response carries message, request_id, file and line") {
  Response response{0, std::nullopt, "3151527792559699733", {}, {}};
  ResponseContext context{response, {"stdin", 3}};
  nlohmann::ordered_json json = render_json(explain(0), &context);
  CHECK(json["message"].is_null());
  CHECK(json["request_id"] == "3151527792559699733");
  CHECK(json["file"] == "stdin");
  CHECK(json["line"] == 3);
}

TEST_CASE("json_line escapes everything but printable ASCII") {
  nlohmann::ordered_json value;
  value["message"] = "\x1b[31m \xc2\x9b \xe2\x80\xae 资源 \xff";
  CHECK(json_line(value) ==
        "{\"message\":\"\\u001b[31m \\u009b \\u202e \\u8d44\\u6e90 \\ufffd\"}\n");
}

TEST_CASE("render_json of a mistyped code suggests, and -v adds notes with sources") {
  nlohmann::ordered_json typed = render_json(explain_typed(40000008));
  CHECK(typed["did_you_mean"].size() == 3);
  CHECK(typed["did_you_mean"][0] == 400000008);
  CHECK(render_json(explain(40000008))["did_you_mean"].empty());
  nlohmann::ordered_json noted = render_json(explain(100000004), nullptr, true);
  REQUIRE(noted["notes"].size() == 4);
  CHECK(noted["notes"][0]["source"].get<std::string>().find("2026-03-20") != std::string::npos);
  CHECK(render_json(explain(100000004))["notes"].empty());
}

TEST_CASE("render_text with notes adds a Check line per note") {
  std::string text = render_text(explain(400010009), false, nullptr, true);
  CHECK(text.find("  Check:     Every Digital Human API is limited to 10 calls per second") !=
        std::string::npos);
  CHECK(render_text(explain(400000005), false, nullptr, true).find("Check:") == std::string::npos);
}

TEST_SUITE_END();
