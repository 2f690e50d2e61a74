#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "run_support.hpp"
#include "stats_command.hpp"

using namespace dhcode;
using testing::Captured;
using testing::TempFile;

namespace {

constexpr const char* kLog =
    "{\"Code\":0}\n"
    "{\"Code\":400010009}\n"
    "2026-03-20 10:00:00 call failed: {\"Code\":400010009,\"Message\":\"busy\"}\n"
    "{\"Code\":0}\n"
    "{\"Code\":0}\n"
    "a log line\n"
    "{\"Code\":77}\n";

}  // namespace

TEST_SUITE_BEGIN("stats_command");

TEST_CASE("stats counts each code, most frequent first, with the totals") {
  TempFile log(kLog);
  Captured captured({.json = true});
  StatsRequest request;
  request.inputs = {log.path()};
  CHECK(run_stats(request, captured.context()) == ExitStatus::ok);
  nlohmann::json stats = nlohmann::json::parse(captured.text());
  CHECK(stats["responses"] == 6);
  CHECK(stats["successes"] == 3);
  CHECK(stats["errors"] == 3);
  CHECK(stats["passed_over"] == 1);
  CHECK(stats["unreadable"] == 0);
  REQUIRE(stats["codes"].size() == 3);
  CHECK(stats["codes"][0]["code"] == 0);
  CHECK(stats["codes"][1]["code"] == 400010009);
  CHECK(stats["codes"][1]["count"] == 2);
  CHECK(stats["codes"][2]["code"] == 77);
  CHECK(stats["codes"][2]["known"] == false);
}

TEST_CASE("stats in text: one row per code and a line of totals") {
  TempFile log(kLog);
  Captured captured;
  StatsRequest request;
  request.inputs = {log.path()};
  CHECK(run_stats(request, captured.context()) == ExitStatus::ok);
  std::string text = captured.text();
  // One record carries a time: the table gets first-seen and last-seen columns.
  CHECK(
      text.find("         2   33.33%  400010009  yes    2026-03-20 10:00:00  2026-03-20 10:00:00  "
                "API rate limit exceeded.") != std::string::npos);
  CHECK(
      text.find("         3   50.00%  0          -      -                    -                    "
                "Success.") != std::string::npos);
  CHECK(text.find("responses: 6 (successes 3, errors 3)  unreadable records: 0  passed over: 1") !=
        std::string::npos);
}

TEST_CASE("stats in text without times: no time columns") {
  TempFile log("{\"Code\":0}\n{\"Code\":400010009}\n");
  Captured captured;
  StatsRequest request;
  request.inputs = {log.path()};
  CHECK(run_stats(request, captured.context()) == ExitStatus::ok);
  CHECK(captured.text().starts_with("     count    share  code       retry  description\n"));
}

TEST_CASE("stats: unreadable records are 65, unreadable inputs 66, and still counted") {
  TempFile log("{\"Code\":0}\n{\"Code\":\"nope\"}\n");
  Captured captured({.json = true});
  StatsRequest request;
  request.inputs = {log.path()};
  CHECK(run_stats(request, captured.context()) == ExitStatus::data_error);
  CHECK(nlohmann::json::parse(captured.text())["unreadable"] == 1);
  Captured missing({.json = true});
  request.inputs = {"/nonexistent/dhcode-unit", log.path()};
  CHECK(run_stats(request, missing.context()) == ExitStatus::no_input);
  CHECK(nlohmann::json::parse(missing.text())["responses"] == 1);
}

TEST_SUITE_END();
