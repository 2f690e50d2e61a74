#include <doctest/doctest.h>

#include <memory>

#include "check_command.hpp"
#include "run_support.hpp"

using namespace dhcode;
using testing::Captured;
using testing::TempFile;

namespace {

ExitStatus check_files(const std::vector<std::string>& texts, bool verbose, Captured& captured) {
  std::vector<std::unique_ptr<TempFile>> files;
  CheckRequest request;
  request.verbose = verbose;
  for (const std::string& text : texts) {
    files.push_back(std::make_unique<TempFile>(text));
    request.inputs.push_back(files.back()->path());
  }
  return run_check(request, captured.context());
}

ExitStatus check_files(const std::vector<std::string>& texts) {
  Captured captured;
  return check_files(texts, false, captured);
}

}  // namespace

TEST_SUITE_BEGIN("check_command");

TEST_CASE("check: one status per kind of answer") {
  CHECK(check_files({R"({"Code":0,"Message":"succeed"})"}) == ExitStatus::ok);
  CHECK(check_files({R"({"Code":400010009})"}) == ExitStatus::retry);      // retryable
  CHECK(check_files({R"({"Code":400000008})"}) == ExitStatus::not_found);  // not retryable
  CHECK(check_files({R"({"Code":123})"}) == ExitStatus::not_found);        // unknown
  CHECK(check_files({R"({"Code":"x"})"}) == ExitStatus::data_error);
  CHECK(check_files({"no response here\n"}) == ExitStatus::data_error);
}

TEST_CASE("check: with several responses the worst wins") {
  CHECK(check_files({R"({"Code":0})", R"({"Code":400010009})"}) == ExitStatus::retry);
  CHECK(check_files({R"({"Code":400010009})", R"({"Code":400000008})"}) == ExitStatus::not_found);
  CHECK(check_files({"{\"Code\":400000008}\n{\"Code\":[1]}\n"}) == ExitStatus::data_error);
}

TEST_CASE("check: an input that cannot be read is 66, and nothing is called empty") {
  Captured captured;
  CheckRequest request;
  request.inputs = {"/nonexistent/dhcode-unit"};
  CHECK(run_check(request, captured.context()) == ExitStatus::no_input);
  CHECK(captured.text().empty());
}

TEST_CASE("check prints nothing unless verbose") {
  Captured quiet;
  check_files({R"({"Code":400000008})"}, false, quiet);
  CHECK(quiet.text().empty());
  Captured verbose;
  check_files({R"({"Code":400000008})"}, true, verbose);
  CHECK(verbose.text().find("400000008  Digital Human video stream concurrency limit exceeded.") !=
        std::string::npos);
}

TEST_SUITE_END();
