#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "explain_command.hpp"
#include "run_support.hpp"

using namespace dhcode;
using testing::Captured;
using testing::count_of;
using testing::TempFile;

namespace {

ExitStatus explain_arguments(std::vector<std::string> arguments, Captured& captured) {
  ExplainRequest request;
  request.arguments = std::move(arguments);
  return run_explain(request, captured.context());
}

}  // namespace

TEST_SUITE_BEGIN("explain_command");

TEST_CASE("explain: a known code is explained, in text") {
  Captured captured;
  CHECK(explain_arguments({"400000008"}, captured) == ExitStatus::ok);
  std::string text = captured.text();
  CHECK(text.starts_with("400000008  Digital Human video stream concurrency limit exceeded.\n"));
  CHECK(text.find("Retry:") != std::string::npos);
}

TEST_CASE("explain: an unknown code is 1, with suggestions one keystroke away") {
  Captured captured;
  CHECK(explain_arguments({"40000008"}, captured) == ExitStatus::not_found);
  CHECK(captured.text().find("Similar:   400000008") != std::string::npos);
}

TEST_CASE("explain: not a code is 65, and the other arguments are still explained") {
  Captured captured;
  CHECK(explain_arguments({"abc", "400000008", "-5"}, captured) == ExitStatus::data_error);
  CHECK(count_of(captured.text(), "400000008  ") == 1);
}

TEST_CASE("explain: codes and files in the order given, blocks separated by a blank line") {
  TempFile responses("{\"Code\":400010009,\"Message\":\"busy\"}\n{\"Code\":0}\n");
  Captured captured;
  CHECK(explain_arguments({"100000004", responses.path()}, captured) == ExitStatus::ok);
  std::string text = captured.text();
  CHECK(text.find("100000004") < text.find("400010009"));
  CHECK(text.find("400010009") < text.find("\n0  "));
  CHECK(count_of(text, "\n\n") == 2);
  CHECK(text.find("From:      " + responses.path() + ":1") != std::string::npos);
}

TEST_CASE("explain: a file without any response is 65") {
  TempFile page("<html><body>502 Bad Gateway</body></html>\n");
  Captured captured;
  CHECK(explain_arguments({page.path()}, captured) == ExitStatus::data_error);
  CHECK(captured.text().empty());
}

TEST_CASE("explain: JSON is one object per line, with where each response came from") {
  TempFile responses("{\"Code\":400010009,\"RequestId\":\"r1\"}\n{\"Code\":400000008}\n");
  Captured captured({.json = true});
  CHECK(explain_arguments({responses.path()}, captured) == ExitStatus::ok);
  std::istringstream lines(captured.text());
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(nlohmann::json::parse(line));
  REQUIRE(objects.size() == 2);
  CHECK(objects[0]["code"] == 400010009);
  CHECK(objects[0]["request_id"] == "r1");
  CHECK(objects[0]["line"] == 1);
  CHECK(objects[1]["code"] == 400000008);
  CHECK(objects[1]["file"] == responses.path());
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("explain_command");

TEST_CASE("explain: a response whose code is not in the registry is 1, in a file as typed") {
  TempFile responses("{\"Code\":77}\n");
  Captured captured;
  CHECK(explain_arguments({responses.path()}, captured) == ExitStatus::not_found);
  CHECK(explain_arguments({"400000008", responses.path()}, captured) == ExitStatus::not_found);
}

TEST_SUITE_END();
