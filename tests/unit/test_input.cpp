#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

#include "input.hpp"
#include "run_support.hpp"

using namespace dhcode;
using testing::TempFile;

namespace {

// Hands out a text a few bytes at a time, as a slow pipe or a decompressor
// would: the stages after the source must not care.
class TrickleSource : public ByteSource {
 public:
  TrickleSource(std::string text, std::size_t step, int fail_at_end = 0)
      : text_(std::move(text)), step_(step), fail_at_end_(fail_at_end) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min({size, step_, text_.size() - at_});
    std::copy_n(text_.data() + at_, n, buffer);
    at_ += n;
    if (n == 0) error_ = fail_at_end_;
    return n;
  }
  int error() const override { return error_; }

 private:
  std::string text_;
  std::size_t step_;
  int fail_at_end_;
  std::size_t at_ = 0;
  int error_ = 0;
};

struct Seen : ResponseHandler {
  void response(const Response& response, const Origin& origin) override {
    events.push_back("response " + std::to_string(response.code) + " at " +
                     std::string(origin.name) + ":" + std::to_string(origin.line));
  }
  void callback(const TaskReport& callback, const Origin& origin) override {
    events.push_back("callback " + std::to_string(*callback.event_type) + " at " +
                     std::string(origin.name) + ":" + std::to_string(origin.line));
  }
  void bad_record(const Origin& origin, std::string_view) override {
    events.push_back("bad at " + std::to_string(origin.line));
  }
  void passed_over(const Origin& origin) override {
    events.push_back("passed over " + std::to_string(origin.line));
  }
  std::vector<std::string> events;
};

constexpr const char* kLog =
    "GET /api\n"
    "{\"Code\":0,\"Message\":\"ok\"}\n"
    "{\n  \"Code\": 400010009,\n  \"Message\": \"busy\"\n}\n"
    "{\"Code\":\"x\"}\n";

}  // namespace

TEST_SUITE_BEGIN("input");

TEST_CASE("read_responses_from reads any source, however its bytes arrive") {
  for (std::size_t step : {1, 3, 64, 4096}) {
    CAPTURE(step);
    TrickleSource source(kLog, step);
    Seen seen;
    CHECK(read_responses_from(source, "trickle", seen).error == 0);
    CHECK(seen.events == std::vector<std::string>{"passed over 1", "response 0 at trickle:2",
                                                  "response 400010009 at trickle:3", "bad at 7"});
  }
}

TEST_CASE("read_responses_from returns the source's error after handling what arrived") {
  TrickleSource source("{\"Code\":0}\n", 4, EIO);
  Seen seen;
  CHECK(read_responses_from(source, "broken", seen).error == EIO);
  CHECK(seen.events == std::vector<std::string>{"response 0 at broken:1"});
}

TEST_CASE("what one record held is never read again for the next") {
  // A string searched for responses (docker's log) must not be searched
  // again for a later record that has none of its own.
  TrickleSource source(
      "{\"log\":\"{\\\"Code\\\":0}\\n\"}\ntrue\n[1]\n{\"a\":1}\n{\"Code\":7}\n\"x\"\n", 4096);
  Seen seen;
  read_responses_from(source, "log", seen);
  CHECK(seen.events == std::vector<std::string>{"response 0 at log:1", "passed over 2",
                                                "passed over 3", "passed over 4",
                                                "response 7 at log:5", "passed over 6"});
}

TEST_CASE("read_inputs reads each input in order into one handler") {
  TempFile first("{\"Code\":0}\n");
  TempFile second("{\"Code\":400000008}\n");
  std::vector<std::string> inputs{first.path(), second.path()};
  Seen seen;
  CHECK(read_inputs(inputs, seen) == ExitStatus::ok);
  REQUIRE(seen.events.size() == 2);
  CHECK(seen.events[0].starts_with("response 0 at " + first.path()));
  CHECK(seen.events[1].starts_with("response 400000008 at " + second.path()));
}

TEST_CASE("read_inputs: an input that cannot be read is 66, and the rest is still read") {
  TempFile good("{\"Code\":0}\n");
  std::vector<std::string> inputs{"/nonexistent/dhcode-unit", good.path()};
  Seen seen;
  CHECK(read_inputs(inputs, seen) == ExitStatus::no_input);
  CHECK(seen.events.size() == 1);
}

TEST_CASE("read_inputs: an input without a response, when each needs one, is 65") {
  TempFile text("just a log line\n<html></html>\n");
  TempFile response("{\"Code\":0}\n");
  Seen seen;
  std::vector<std::string> only_text{text.path()};
  CHECK(read_inputs(only_text, seen) == ExitStatus::ok);
  CHECK(read_inputs(only_text, seen, {.each_needs_a_response = true}) == ExitStatus::data_error);
  std::vector<std::string> with_response{response.path()};
  CHECK(read_inputs(with_response, seen, {.each_needs_a_response = true}) == ExitStatus::ok);
  TempFile bad("{\"Code\":true}\n");  // a bad record counts: it was meant as a response
  std::vector<std::string> with_bad{bad.path()};
  CHECK(read_inputs(with_bad, seen, {.each_needs_a_response = true}) == ExitStatus::ok);
}

TEST_CASE("read_inputs: a missing bare word is taken for a mistyped code only when asked") {
  std::vector<std::string> word{"dhcode-unit-no-such-word"};
  std::vector<std::string> path{"no/such.json"};
  Seen seen;
  CHECK(read_inputs(word, seen) == ExitStatus::no_input);
  CHECK(read_inputs(word, seen, {.bare_words_are_codes = true}) == ExitStatus::data_error);
  CHECK(read_inputs(path, seen, {.bare_words_are_codes = true}) == ExitStatus::no_input);
}

TEST_CASE("input_name calls - stdin") {
  CHECK(input_name("-") == "stdin");
  CHECK(input_name("api.log") == "api.log");
}

TEST_SUITE_END();
