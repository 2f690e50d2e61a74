#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "request.hpp"
#include "request_check.hpp"
#include "run_support.hpp"
#include "secret.hpp"
#include "signature.hpp"

using namespace dhcode;
using testing::TempFile;

namespace {

constexpr std::string_view kSampleSecret = "9193cc662a4c0ec135ec71fb57194b38";
constexpr const char* kSampleQuery =
    "Action=A&AppId=12345&SignatureNonce=4fd24687296dd9f3&Timestamp=1615186943&"
    "SignatureVersion=2.0&Signature=43e5cfcca828314675f91b001390566a";

std::vector<Code> codes_of(const RequestCheck& check) {
  std::vector<Code> codes;
  for (const Finding& f : check.findings) codes.push_back(f.code);
  return codes;
}

RequestCheck check(std::string_view query, std::int64_t now = 1615186943,
                   std::optional<std::string_view> secret = kSampleSecret) {
  std::string problem;
  RequestCheck result = check_request(parse_query(query), {now, true}, secret, problem);
  CHECK(problem.empty());
  return result;
}

}  // namespace

TEST_SUITE_BEGIN("sign_verify");

TEST_CASE("the vendor's sample signature") {
  std::string problem;
  CHECK(sign({"12345", "4fd24687296dd9f3", "1615186943"}, kSampleSecret, problem) ==
        "43e5cfcca828314675f91b001390566a");
}

TEST_CASE("a new nonce is 16 lower-case hex characters, different each time") {
  std::string problem;
  std::optional<std::string> a = new_nonce(problem), b = new_nonce(problem);
  REQUIRE(a);
  CHECK(a->size() == 16);
  CHECK(a->find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a != b);
}

TEST_CASE("AppId is a Uint32, Timestamp an Int64") {
  CHECK(read_app_id("4294967295") == 4294967295u);
  CHECK_FALSE(read_app_id("4294967296"));
  CHECK_FALSE(read_app_id("-1"));
  CHECK_FALSE(read_app_id("+1"));
  CHECK_FALSE(read_app_id("12a"));
  CHECK(read_timestamp("1615186943") == 1615186943);
  CHECK_FALSE(read_timestamp("1615186943.5"));
}

TEST_CASE("query strings: split, percent-decoded, and written back") {
  std::vector<QueryParameter> query = parse_query("a=1&b=x%20y+z&c&=v&&d=%zz");
  REQUIRE(query.size() == 5);
  CHECK(query[1].value == "x y z");
  CHECK(query[2].name == "c");
  CHECK(query[2].value.empty());
  CHECK(query[4].value == "%zz");
  CHECK(parameter(query, "b") == "x y z");
  CHECK_FALSE(parameter(query, "e"));
  CHECK(percent_encoded("Get List/é&=") == "Get%20List%2F%C3%A9%26%3D");
  CHECK(percent_encoded("a-b.c_d~9") == "a-b.c_d~9");
}

TEST_CASE("a request is found in URLs, access-log lines and curl command lines") {
  CHECK(find_query("https://h/?Action=A&AppId=1#top") == "Action=A&AppId=1");
  CHECK(find_query("AppId=1&Signature=x") == "AppId=1&Signature=x");
  CHECK(find_query(R"(1.2.3.4 - - [x] "GET /?AppId=1&Timestamp=2 HTTP/1.1" 200)") ==
        "AppId=1&Timestamp=2");
  CHECK(find_query(R"(curl -s 'https://h/?AppId=9' -o out)") == "AppId=9");
  CHECK_FALSE(find_query("GET /health?verbose=1 HTTP/1.1"));
  CHECK_FALSE(find_query("nothing here"));
}

TEST_CASE("a good request has no finding") {
  RequestCheck good = check(kSampleQuery);
  CHECK(good.findings.empty());
  CHECK(good.signature_checked);
}

TEST_CASE("findings come in the gateway's order, each with its code") {
  CHECK(codes_of(check("AppId=x&Timestamp=1615186943123&SignatureVersion=1", 1615186943,
                       std::nullopt)) ==
        std::vector<Code>{100000006, 100000001, 100000003, 100000008, 100000009, 100000014});
  CHECK(codes_of(check("Action=A&AppId=1&SignatureNonce=n&Signature=s", 0, std::nullopt)) ==
        std::vector<Code>{100000002, 100000013, 100000005});
  RequestCheck millis = check("Timestamp=1615186943123&AppId=1", 0, std::nullopt);
  CHECK(millis.findings[1].why.find("milliseconds") != std::string::npos);
}

TEST_CASE("the clock: more than 10 minutes either way is 100000004, in words") {
  CHECK(check(kSampleQuery, 1615186943 + 600).findings.empty());
  RequestCheck late = check(kSampleQuery, 1615186943 + 844);
  REQUIRE(codes_of(late) == std::vector<Code>{100000004});
  CHECK(late.findings[0].why ==
        "Timestamp 1615186943 is 14 min 4 s behind the time given with --now; the window is 10 "
        "minutes");
  CHECK(check(kSampleQuery, 1615186943 - 601).findings[0].why.find("1 s ahead of") !=
        std::string::npos);
  CHECK(duration_in_words(0) == "0 s");
  CHECK(duration_in_words(90061) == "1 d 1 h 1 min 1 s");
  CHECK(duration_in_words(3600) == "1 h");
}

TEST_CASE("without the secret the signature is not checked, and says so") {
  RequestCheck unchecked = check(kSampleQuery, 1615186943, std::nullopt);
  CHECK(unchecked.findings.empty());
  CHECK_FALSE(unchecked.signature_checked);
  CHECK(unchecked.signature_note.find("not checked") != std::string::npos);
}

TEST_CASE("a wrong signature is explained by the mistake that reproduces it") {
  std::string base =
      "Action=A&AppId=12345&SignatureNonce=4fd24687296dd9f3&Timestamp=1615186943&"
      "SignatureVersion=2.0&Signature=";
  std::string problem;
  auto why = [&](std::string_view signature) {
    RequestCheck result = check(base + std::string(signature));
    REQUIRE(codes_of(result) == std::vector<Code>{100000005});
    return result.findings[0].why;
  };
  CHECK(why("43E5CFCCA828314675F91B001390566A").find("upper-case") != std::string::npos);
  CHECK(why("00000000000000000000000000000000").find("likely wrong") != std::string::npos);
}

TEST_CASE("the secret pasted as the Signature is said to be so, and never quoted") {
  std::string sample(kSampleSecret);
  std::string base =
      "Action=A&AppId=12345&SignatureNonce=4fd24687296dd9f3&Timestamp=1615186943&"
      "SignatureVersion=2.0&Signature=";
  RequestCheck pasted = check(base + sample);
  REQUIRE(codes_of(pasted) == std::vector<Code>{100000005});
  CHECK(pasted.findings[0].why.find("is the ServerSecret itself") != std::string::npos);
  CHECK(pasted.findings[0].why.find(sample) == std::string::npos);
  // A secret that is not a digest in form is hidden where the form is told.
  RequestCheck inside = check(base + "x" + sample + "y");
  REQUIRE(codes_of(inside) == std::vector<Code>{100000005});
  CHECK(inside.findings[0].why ==
        "Signature \"x(not shown: the ServerSecret)y\" is not 32 lower-case hex characters (an "
        "MD5 digest)");
}

TEST_CASE("without_secret hides every occurrence, and nothing when there is no secret") {
  CHECK(without_secret("a-s3cret-b-s3cret", "s3cret") ==
        "a-(not shown: the ServerSecret)-b-(not shown: the ServerSecret)");
  CHECK(without_secret("s3crets3cret", "s3cret") ==
        "(not shown: the ServerSecret)(not shown: the ServerSecret)");
  CHECK(without_secret("nothing here", "s3cret") == "nothing here");
  CHECK(without_secret("nothing here", "") == "nothing here");
}

TEST_CASE("the secret: one line end dropped, control characters and emptiness refused") {
  auto from_file = [](const std::string& text) {
    TempFile file(text);
    chmod(file.path().c_str(), 0600);
    return read_secret(file.path());
  };
  SecretRead plain = from_file("abc\n");
  REQUIRE(plain.secret);
  CHECK(plain.secret->view() == "abc");
  CHECK(from_file("abc\r\n").secret->view() == "abc");
  CHECK(from_file("abc").secret->view() == "abc");
  SecretRead two_lines = from_file("abc\n\n");
  CHECK_FALSE(two_lines.secret);
  CHECK(two_lines.status == ExitStatus::usage);
  CHECK(two_lines.problem.find("abc") == std::string::npos);  // never quoted
  CHECK(from_file("\n").status == ExitStatus::usage);
  CHECK(from_file("a\x01z").status == ExitStatus::usage);
  CHECK(read_secret(std::string("/nonexistent/dhcode-secret")).status == ExitStatus::no_input);
}

TEST_CASE("the secret from the environment, when no file is given") {
  setenv(kSecretVariable, "from-env\n", 1);
  SecretRead read = read_secret(std::nullopt);
  REQUIRE(read.secret);
  CHECK(read.secret->view() == "from-env");
  unsetenv(kSecretVariable);
  CHECK_FALSE(read_secret(std::nullopt).secret);
  CHECK(read_secret(std::nullopt).problem.empty());
}

TEST_SUITE_END();
