#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "record_splitter.hpp"

using namespace dhcode;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& events) {
    std::string out = "{";
    for (const std::string& event : events) out += "\n  [" + event + "]";
    return (out + "\n}").c_str();
  }
};
}  // namespace doctest

namespace {

// Writes down what the splitter finds, one string per event:
// "record 3: {...}", "in text 3: {...}", "problem 3: why" (or with its
// column, "problem 3:12: why"), "other 3".
class Recorder : public RecordSink {
 public:
  bool record(const Record& record, bool guess) override {
    bool valid = nlohmann::json::accept(record.json);
    if (guess && !valid) return false;
    events.push_back((record.in_text ? "in text " : "record ") + std::to_string(record.line) +
                     ": " + std::string(record.json));
    return true;
  }
  void problem(std::size_t line, std::size_t column, std::string_view why) override {
    std::string at = std::to_string(line) + (column ? ":" + std::to_string(column) : "");
    events.push_back("problem " + at + ": " + std::string(why));
  }
  void incomplete(const Record& so_far, std::string_view why) override {
    problem(so_far.line, 0, why);
  }
  void other_line(std::size_t line, std::string_view) override {
    events.push_back("other " + std::to_string(line));
  }
  std::vector<std::string> events;
};

std::vector<std::string> split(const std::string& input) {
  Recorder recorder;
  RecordSplitter splitter(recorder);
  std::istringstream stream(input);
  std::string text;
  std::size_t number = 0;
  while (std::getline(stream, text)) splitter.line({text, ++number, false});
  splitter.end();
  return recorder.events;
}

using Events = std::vector<std::string>;

}  // namespace

TEST_SUITE_BEGIN("record_splitter");

TEST_CASE("NDJSON: a record per line") {
  CHECK(split("{\"Code\":0}\n{\"Code\":1}\n") ==
        Events{"record 1: {\"Code\":0}", "record 2: {\"Code\":1}"});
}

TEST_CASE("a pretty-printed object is one record") {
  CHECK(split("{\n  \"Code\": 0,\n  \"Data\": {\n    \"TaskId\": \"x\"\n  }\n}\n") ==
        Events{"record 1: {\n  \"Code\": 0,\n  \"Data\": {\n    \"TaskId\": \"x\"\n  }\n}"});
}

TEST_CASE("an array of responses gives a record per element, each with its line") {
  CHECK(split("[\n  {\"Code\": 0},\n  {\n    \"Code\": 1\n  }\n]\n") ==
        Events{"record 2: {\"Code\": 0}", "record 3: {\n    \"Code\": 1\n  }"});
  CHECK(split("[{\"Code\":0},{\"Code\":1}]") ==
        Events{"record 1: {\"Code\":0}", "record 1: {\"Code\":1}"});
  CHECK(split("[]\n").empty());
}

TEST_CASE("array elements that are not objects are still records") {
  CHECK(split("[{\"Code\":1}, 2, \"two\", [3]]") ==
        Events{"record 1: {\"Code\":1}", "record 1: 2", "record 1: \"two\"", "record 1: [3]"});
  // An array that does not begin with an object or an array is one record
  // when the whole line is JSON, and log text when it is not.
  CHECK(split("[1, {\"Code\":3}]") == Events{"record 1: [1, {\"Code\":3}]"});
  CHECK(split("[2026-03-20 10:00:00] {\"Code\":3}") == Events{"in text 1: {\"Code\":3}"});
}

TEST_CASE("objects one after another, on a line or across lines") {
  CHECK(split("{\"Code\":0}{\"Code\":1} {\"Code\":2}") ==
        Events{"record 1: {\"Code\":0}", "record 1: {\"Code\":1}", "record 1: {\"Code\":2}"});
  CHECK(split("{\n\"Code\":0\n}{\n\"Code\":1\n}") ==
        Events{"record 1: {\n\"Code\":0\n}", "record 3: {\n\"Code\":1\n}"});
}

TEST_CASE("text after a record on a line of JSON is a problem, at its column") {
  CHECK(split("{\"Code\":0}}\n") ==
        Events{"record 1: {\"Code\":0}",
               "problem 1:11: invalid JSON: unexpected text after the record"});
  CHECK(split("[{\"Code\":0}] trailing\n") ==
        Events{"record 1: {\"Code\":0}",
               "problem 1:14: invalid JSON: unexpected text after the record"});
  // Columns count characters: é is two bytes and one column.
  CHECK(split("{\"M\":\"\u00e9\"} x\n") ==
        Events{"record 1: {\"M\":\"\u00e9\"}",
               "problem 1:11: invalid JSON: unexpected text after the record"});
}

TEST_CASE("a response embedded after log text") {
  CHECK(split("2026-03-20T10:00:00Z WARN call failed: {\"Code\":400010009}\n") ==
        Events{"in text 1: {\"Code\":400010009}"});
  CHECK(split("req={\"a\":1} resp={\"Code\":1} done\n") ==
        Events{"in text 1: {\"a\":1}", "in text 1: {\"Code\":1}"});
}

TEST_CASE("lines without JSON are other lines; [INFO] is not an array") {
  CHECK(split("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"Code\":0}\n") ==
        Events{"other 1", "other 2", "other 3", "record 4: {\"Code\":0}"});
  CHECK(split("[INFO] started\n") == Events{"other 1"});
  CHECK(split("2026-03-20 plain log line\n") == Events{"other 1"});
}

TEST_CASE("a JSON value that is not an object, alone on a line, is a record") {
  CHECK(split("42\n\"text\"\nnull\n[1,2]\n") ==
        Events{"record 1: 42", "record 2: \"text\"", "record 3: null", "record 4: [1,2]"});
}

TEST_CASE("a line cut off inside a string is a problem; the next line is read anew") {
  CHECK(split("{\"Code\":400000008,\"Mess\n{\"Code\":0}\n") ==
        Events{"problem 1: invalid JSON: the line ends inside a string", "record 2: {\"Code\":0}"});
}

TEST_CASE("a line cut off after its Code is a problem; the next line is read anew") {
  CHECK(split("{\"Code\":400000008,\n{\"Code\":0}\n2026 log\n") ==
        Events{"problem 1: incomplete record: the next line starts something else",
               "record 2: {\"Code\":0}", "other 3"});
}

TEST_CASE("a record that starts a line after a cut-off one is read whole") {
  CHECK(split("{\"Code\":0\n[{\"Code\":1}]\n") ==
        Events{"problem 1: incomplete record: the next line starts something else",
               "record 2: {\"Code\":1}"});
}

TEST_CASE("the input ending inside a record or an array is a problem") {
  CHECK(split("{\n  \"Code\": 0,\n") ==
        Events{"problem 1: incomplete record: the input ends inside it"});
  CHECK(split("[\n{\"Code\":0},\n") ==
        Events{"record 2: {\"Code\":0}", "problem 1: incomplete array: the input ends inside it"});
}

TEST_CASE("a broken array is a problem") {
  CHECK(split("[{\"Code\":0} {\"Code\":1}]") ==
        Events{"record 1: {\"Code\":0}",
               "problem 1: invalid JSON: expected ',' or ']' in the array begun at line 1"});
  CHECK(split("[{\"Code\":0},]") ==
        Events{"record 1: {\"Code\":0}",
               "problem 1: invalid JSON: expected a value in the array begun at line 1"});
}

TEST_CASE("an embedded value cut off at the line's end goes to the sink as it is") {
  CHECK(split("log {\"Code\":400000008,\nnext line\n") ==
        Events{"in text 1: {\"Code\":400000008,", "other 2"});
}

TEST_CASE("strings with braces and escaped quotes do not confuse the splitter") {
  CHECK(split("{\"Message\":\"a } \\\" {\",\"Code\":0}{\"Code\":1}") ==
        Events{"record 1: {\"Message\":\"a } \\\" {\",\"Code\":0}", "record 1: {\"Code\":1}"});
}

TEST_CASE("a line that was too long is a problem and ends the record it was in") {
  Recorder recorder;
  RecordSplitter splitter(recorder);
  splitter.line({"{", 1, false});
  splitter.line({"", 2, true});
  splitter.line({"{\"Code\":0}", 3, false});
  splitter.end();
  CHECK(recorder.events == Events{"problem 2: " + too_long_message("line"),
                                  "problem 1: incomplete record: cut off by an overlong line",
                                  "record 3: {\"Code\":0}"});
}

TEST_CASE("a record longer than the limit is a problem, reported once") {
  Recorder recorder;
  RecordSplitter splitter(recorder);
  splitter.line({"[", 1, false});
  splitter.line({"{", 2, false});
  std::string chunk(1000, ' ');
  for (std::size_t i = 0; i < 1100; ++i) splitter.line({chunk, 3 + i, false});
  splitter.line({"}", 2000, false});
  splitter.line({",{\"Code\":0}]", 2001, false});
  splitter.end();
  CHECK(recorder.events ==
        Events{"problem 2: " + too_long_message("record"), "record 2001: {\"Code\":0}"});
}

TEST_SUITE_END();
